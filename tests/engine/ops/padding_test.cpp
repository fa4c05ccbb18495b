// tests/engine/ops/padding_test.cpp: reflection padding.
#include "engine/ops/padding.h"

#include <doctest/doctest.h>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

TEST_CASE("pad_reflect mirrors a 3x3 image about its edge rows and columns without repeating them") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}));
  Var y = ops::pad_reflect(x, 1);
  CHECK(y.shape() == Shape{1, 1, 5, 5});
  CHECK(y.value().to_vector() == std::vector<float>{5, 4, 5, 6, 5,  //
                                                    2, 1, 2, 3, 2,  //
                                                    5, 4, 5, 6, 5,  //
                                                    8, 7, 8, 9, 8,  //
                                                    5, 4, 5, 6, 5});
  Var y2 = ops::pad_reflect(x, 2);
  // Row 0 of the result is image row 2 reflected in columns: 9 8 | 7 8 9 | 8 7.
  CHECK(y2.shape() == Shape{1, 1, 7, 7});
  CHECK(std::vector<float>(y2.value().data(), y2.value().data() + 7) == std::vector<float>{9, 8, 7, 8, 9, 8, 7});
  Tensor image = random_tensor({2, 3, 4, 5}, 91);
  CHECK(ops::pad_reflect(tape.constant(image), 0).value().to_vector() == image.to_vector());
}

TEST_CASE("pad_reflect's gradient sums the copies of each pixel and matches finite differences") {
  Tape tape;
  Var x = tape.variable(Tensor::from({1, 1, 2, 3}, {1, 2, 3, 4, 5, 6}));
  Var y = ops::pad_reflect(x, 1);
  REQUIRE(tape.backward(ops::sum(y)));
  // Padded rows read image rows 1 0 1 0 and columns 1 0 1 2 1: every row twice, the middle column
  // three times, so each pixel's gradient is its number of copies.
  CHECK(tape.grad(x).to_vector() == std::vector<float>{2, 6, 2, 2, 6, 2});
  for (int padding : {1, 2}) {
    CAPTURE(padding);
    GradCheckResult r = gradcheck(
        [padding](Tape&, const std::vector<Var>& v) { return ops::pad_reflect(v[0], padding); },
        {random_tensor({2, 2, 3, 5}, 92)});
    CHECK_MESSAGE(r.ok, r.report);
  }
}

TEST_CASE("pad_reflect rejects padding as large as the image and non-image shapes") {
  Tape tape;
  CHECK_FALSE(ops::pad_reflect(tape.constant(Tensor(Shape{1, 1, 3, 4})), 3).ok());
  CHECK(tape.error() == "pad_reflect: padding 3 must be >= 0 and smaller than H and W of [1, 1, 3, 4]");
  Tape other;
  CHECK_FALSE(ops::pad_reflect(other.constant(Tensor(Shape{3, 4})), 1).ok());
  CHECK(other.error() == "pad_reflect: needs x [N, C, H, W], got [3, 4]");
}
