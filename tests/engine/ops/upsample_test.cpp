// tests/engine/ops/upsample_test.cpp: nearest and bilinear upsampling.
#include "engine/ops/upsample.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

TEST_CASE("upsample_nearest turns each pixel of a 2x2 image into a 2x2 block") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 2, 2}, {1, 2, 3, 4}));
  Var y = ops::upsample_nearest(x, 2);
  CHECK(y.shape() == Shape{1, 1, 4, 4});
  CHECK(y.value().to_vector() == std::vector<float>{1, 1, 2, 2,  //
                                                    1, 1, 2, 2,  //
                                                    3, 3, 4, 4,  //
                                                    3, 3, 4, 4});
}

TEST_CASE("upsample_bilinear uses half-pixel centres and clamps at the edges") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 2, 2}, {1, 2, 3, 4}));
  Var y = ops::upsample_bilinear(x, 2);
  // Output pixel d samples the input at (d + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25:
  // clamped, 1/4 of the way, 3/4 of the way, clamped (align_corners = false).
  CHECK(y.value().to_vector() == std::vector<float>{1.0f, 1.25f, 1.75f, 2.0f,   //
                                                    1.5f, 1.75f, 2.25f, 2.5f,   //
                                                    2.5f, 2.75f, 3.25f, 3.5f,   //
                                                    3.0f, 3.25f, 3.75f, 4.0f});
  // Factor 1 is the identity.
  Tensor image = random_tensor({2, 3, 3, 5}, 61);
  CHECK(ops::upsample_bilinear(tape.constant(image), 1).value().to_vector() == image.to_vector());
}

TEST_CASE("upsample_nearest and upsample_bilinear match finite differences on odd shapes") {
  for (int factor : {1, 2, 3}) {
    CAPTURE(factor);
    GradCheckResult nearest = gradcheck(
        [factor](Tape&, const std::vector<Var>& v) { return ops::upsample_nearest(v[0], factor); },
        {random_tensor({2, 3, 3, 5}, 62)});
    CHECK_MESSAGE(nearest.ok, nearest.report);
    GradCheckResult bilinear = gradcheck(
        [factor](Tape&, const std::vector<Var>& v) { return ops::upsample_bilinear(v[0], factor); },
        {random_tensor({2, 3, 3, 5}, 63)});
    CHECK_MESSAGE(bilinear.ok, bilinear.report);
  }
  GradCheckResult single_pixel = gradcheck(
      [](Tape&, const std::vector<Var>& v) { return ops::upsample_bilinear(v[0], 3); },
      {random_tensor({1, 2, 1, 1}, 64)});
  CHECK_MESSAGE(single_pixel.ok, single_pixel.report);
}

TEST_CASE("upsampling reports a bad factor or rank") {
  Tape tape;
  CHECK_FALSE(ops::upsample_nearest(tape.constant(Tensor(Shape{1, 1, 2, 2})), 0).ok());
  CHECK(tape.error() == "upsample_nearest: factor must be >= 1, got 0");
  tape.clear();
  CHECK_FALSE(ops::upsample_bilinear(tape.constant(Tensor(Shape{2, 2, 2})), 2).ok());
  CHECK(tape.error() == "upsample_bilinear: needs x [N, C, H, W], got [2, 2, 2]");
}
