// tests/engine/ops/normalization_test.cpp: instance normalisation.
#include "engine/ops/normalization.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

TEST_CASE("instance_norm gives every (n, c) plane mean 0 and variance 1") {
  Tape tape;
  const Shape shape{2, 3, 5, 7};
  Tensor x = random_tensor(shape, 71, -3.0f, 5.0f);
  for (int i = 0; i < x.size(); ++i) x[i] *= static_cast<float>(1 + i / 35);  // a different scale per plane
  Var y = ops::instance_norm(tape.constant(x));
  REQUIRE(y.shape() == shape);
  const int plane_size = 35;
  for (int p = 0; p < 6; ++p) {
    CAPTURE(p);
    const float* plane = y.value().data() + p * plane_size;
    double total = 0, squares = 0;
    for (int i = 0; i < plane_size; ++i) total += plane[i];
    const double mean = total / plane_size;
    for (int i = 0; i < plane_size; ++i) squares += (plane[i] - mean) * (plane[i] - mean);
    CHECK(mean == doctest::Approx(0).epsilon(1e-5).scale(1));
    CHECK(squares / plane_size == doctest::Approx(1).epsilon(1e-3));  // eps = 1e-5 shrinks it slightly
  }
}

TEST_CASE("instance_norm with gamma and beta scales and shifts each channel") {
  Tape tape;
  Tensor x = random_tensor({2, 2, 3, 3}, 72);
  Var plain = ops::instance_norm(tape.constant(x));
  Var affine = ops::instance_norm(tape.constant(x), tape.constant(Tensor::from({2}, {2.0f, -0.5f})),
                                  tape.constant(Tensor::from({2}, {1.0f, 3.0f})));
  for (int i = 0; i < x.size(); ++i) {
    const int channel = (i / 9) % 2;
    const float expected = channel == 0 ? 2.0f * plain.value()[i] + 1.0f : -0.5f * plain.value()[i] + 3.0f;
    CHECK(affine.value()[i] == doctest::Approx(expected));
  }
}

TEST_CASE("instance_norm matches finite differences, plain and affine") {
  GradCheckResult plain = gradcheck([](Tape&, const std::vector<Var>& v) { return ops::instance_norm(v[0]); },
                                    {random_tensor({2, 3, 3, 5}, 73)}, {.step = 1e-3f});
  CHECK_MESSAGE(plain.ok, plain.report);
  GradCheckResult affine = gradcheck(
      [](Tape&, const std::vector<Var>& v) { return ops::instance_norm(v[0], v[1], v[2]); },
      {random_tensor({2, 3, 5, 3}, 74), random_tensor({3}, 75, 0.5f, 2.0f), random_tensor({3}, 76)}, {.step = 1e-3f});
  CHECK_MESSAGE(affine.ok, affine.report);
}

TEST_CASE("instance_norm of a constant plane is zero, not NaN") {
  Tape tape;
  Var y = ops::instance_norm(tape.constant(Tensor(Shape{1, 2, 3, 3}, 4.0f)));
  for (float v : y.value().to_vector()) CHECK(v == 0.0f);
}

TEST_CASE("instance_norm reports bad shapes") {
  Tape tape;
  CHECK_FALSE(ops::instance_norm(tape.constant(Tensor(Shape{3, 4}))).ok());
  CHECK(tape.error() == "instance_norm: needs x [N, C, H, W], got [3, 4]");
  tape.clear();
  Var x = tape.constant(Tensor(Shape{1, 3, 2, 2}));
  CHECK_FALSE(ops::instance_norm(x, tape.constant(Tensor(Shape{2})), tape.constant(Tensor(Shape{3}))).ok());
  CHECK(tape.error() == "instance_norm: gamma [2] and beta [3] must be [3], one per channel of x [1, 3, 2, 2]");
  tape.clear();
  x = tape.constant(Tensor(Shape{1, 3, 2, 2}));
  CHECK_FALSE(ops::instance_norm(x, tape.constant(Tensor(Shape{3})), Var{}).ok());
  CHECK(tape.error() == "instance_norm: the affine version needs both gamma and beta, got no beta for x [1, 3, 2, 2]");
}
