// tests/demos/style_transfer/photo_crops_test.cpp: area resampling and random training crops.
#include "demos/style_transfer/photo_crops.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

TEST_CASE("area resampling by 2 averages each 2x2 block, and by 1.5 weighs partial pixels") {
  const Tensor image = Tensor::from({1, 1, 2, 4}, {1, 3, 5, 7, 3, 5, 7, 9});
  const Tensor half = resize_area(image, 1, 2);
  CHECK(half.to_vector() == std::vector<float>{3, 7});
  // 3 pixels -> 2: output 0 covers [0, 1.5) = pixel 0 and half of pixel 1.
  const Tensor row = Tensor::from({1, 1, 1, 3}, {0, 3, 6});
  const Tensor two = resize_area(row, 1, 2);
  CHECK(two[0] == doctest::Approx((0 * 1.0 + 3 * 0.5) / 1.5));
  CHECK(two[1] == doctest::Approx((3 * 0.5 + 6 * 1.0) / 1.5));
}

TEST_CASE("area resampling keeps the mean of the image") {
  const Tensor image = random_tensor({1, 3, 37, 53}, 4, 0.0f, 1.0f);
  const Tensor small = resize_area(image, 12, 20);
  for (int c = 0; c < 3; ++c) {
    double before = 0, after = 0;
    for (int i = 0; i < 37 * 53; ++i) before += image[c * 37 * 53 + i];
    for (int i = 0; i < 12 * 20; ++i) after += small[c * 12 * 20 + i];
    CHECK(after / (12 * 20) == doctest::Approx(before / (37 * 53)).epsilon(1e-4));
  }
  const Tensor resized = resize_shorter_side(image, 24);
  CHECK(resized.shape() == Shape{1, 3, 24, 32});  // 53 * 24 / 37 = 34.4 -> 32, a multiple of 4
}

TEST_CASE("random crops come out at the crop size, seeded, and only from usable photos") {
  CropSettings settings;
  settings.size = 16;
  CropSampler sampler({random_tensor({1, 3, 40, 50}, 1, 0.0f, 1.0f), random_tensor({1, 3, 30, 30}, 2, 0.0f, 1.0f)},
                      settings);
  std::string error;
  REQUIRE(sampler.usable(&error));
  Pcg32 a(7), b(7), c(8);
  const Tensor first = sampler.next(3, a);
  CHECK(first.shape() == Shape{3, 3, 16, 16});
  CHECK(first.to_vector() == sampler.next(3, b).to_vector());
  CHECK(first.to_vector() != sampler.next(3, c).to_vector());
  for (float v : first.to_vector()) REQUIRE((v >= 0.0f && v <= 1.0f));

  CropSampler too_small({random_tensor({1, 3, 10, 50}, 1, 0.0f, 1.0f)}, settings);
  CHECK_FALSE(too_small.usable(&error));
  CHECK(error.find("shorter side") != std::string::npos);
}
