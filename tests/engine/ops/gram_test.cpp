// tests/engine/ops/gram_test.cpp: Gram matrices of feature maps.
#include "engine/ops/gram.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

TEST_CASE("gram_matrix of a 2-channel 2x2 feature map equals the hand-computed inner products / (C*H*W)") {
  Tape tape;
  // Channel 0 = [1, 2; 3, 4], channel 1 = [0, 1; 0, -1]; C*H*W = 8.
  Var f = tape.constant(Tensor::from({1, 2, 2, 2}, {1, 2, 3, 4, 0, 1, 0, -1}));
  Var g = ops::gram_matrix(f);
  CHECK(g.shape() == Shape{1, 2, 2});
  // <c0, c0> = 1 + 4 + 9 + 16 = 30, <c0, c1> = 2 - 4 = -2, <c1, c1> = 1 + 1 = 2.
  CHECK(g.value().to_vector() == std::vector<float>{30.0f / 8, -2.0f / 8, -2.0f / 8, 2.0f / 8});
}

TEST_CASE("gram_matrix is symmetric and ignores where features fire") {
  Tape tape;
  Tensor features = random_tensor({2, 3, 3, 5}, 81);
  Var g = ops::gram_matrix(tape.constant(features));
  // Shuffling positions (the same way in every channel) keeps the Gram matrix: it discards layout.
  Tensor reversed(features.shape());
  for (int plane = 0; plane < 6; ++plane)
    for (int i = 0; i < 15; ++i) reversed[plane * 15 + i] = features[plane * 15 + (14 - i)];
  Var g_reversed = ops::gram_matrix(tape.constant(reversed));
  for (int n = 0; n < 2; ++n)
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) {
        CHECK(g.value()[(n * 3 + i) * 3 + j] == g.value()[(n * 3 + j) * 3 + i]);
        CHECK(g.value()[(n * 3 + i) * 3 + j] == doctest::Approx(g_reversed.value()[(n * 3 + i) * 3 + j]));
      }
}

TEST_CASE("gram_matrix matches finite differences on odd shapes") {
  GradCheckResult r = gradcheck([](Tape&, const std::vector<Var>& v) { return ops::gram_matrix(v[0]); },
                                {random_tensor({2, 3, 5, 3}, 82)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("gram_matrix reports a feature map that is not [N, C, H, W]") {
  Tape tape;
  CHECK_FALSE(ops::gram_matrix(tape.constant(Tensor(Shape{3, 4, 4}))).ok());
  CHECK(tape.error() == "gram_matrix: needs features [N, C, H, W], got [3, 4, 4]");
}
