// tests/engine/data/image_resize_test.cpp: area-averaging downscale keeps
// means and block averages; bilinear upscale keeps corners and constants.
#include "engine/data/image_resize.h"

#include <doctest/doctest.h>

#include <vector>

#include "engine/random.h"

namespace {

Tensor random_image(int channels, int height, int width, uint64_t seed) {
  Pcg32 rng(seed);
  Tensor image(Shape{1, channels, height, width});
  for (int i = 0; i < image.size(); ++i) image[i] = rng.uniform();
  return image;
}

double plane_mean(const Tensor& image, int c) {
  const int plane = image.dim(2) * image.dim(3);
  double sum = 0;
  for (int i = 0; i < plane; ++i) sum += image[c * plane + i];
  return sum / plane;
}

}  // namespace

TEST_CASE("halving an image averages each 2 x 2 block") {
  Tensor image = Tensor::from({1, 1, 2, 4}, {0.0f, 0.2f, 0.4f, 0.6f, 1.0f, 0.6f, 0.8f, 0.2f});
  Tensor half = resize_image(image, 1, 2);
  REQUIRE(half.shape() == Shape{1, 1, 1, 2});
  CHECK(half[0] == doctest::Approx(0.45));
  CHECK(half[1] == doctest::Approx(0.5));
}

TEST_CASE("area downscale by an uneven factor keeps each channel's mean, across seeds") {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    Tensor image = random_image(3, 37, 53, seed);
    Tensor small = resize_image(image, 10, 7);
    REQUIRE(small.shape() == Shape{1, 3, 10, 7});
    for (int c = 0; c < 3; ++c) CHECK(plane_mean(small, c) == doctest::Approx(plane_mean(image, c)).epsilon(1e-5));
  }
}

TEST_CASE("bilinear upscale keeps a constant image constant and the corner pixels") {
  Tensor flat(Shape{1, 3, 3, 5}, 0.25f);
  for (float v : resize_image(flat, 7, 11).to_vector()) CHECK(v == doctest::Approx(0.25));
  Tensor image = random_image(1, 4, 4, 9);
  Tensor big = resize_image(image, 16, 16);
  // With centres aligned, output pixels within half a source pixel of the edge clamp to it.
  CHECK(big[0] == doctest::Approx(image[0]));
  CHECK(big[255] == doctest::Approx(image[15]));
  for (float v : big.to_vector()) CHECK((v >= 0.0f && v <= 1.0f));
}

TEST_CASE("resize_to_fit shrinks only images whose long side is over the limit, keeping the aspect") {
  Tensor wide = random_image(3, 400, 600, 3);
  Tensor fitted = resize_to_fit(wide, 384);
  CHECK(fitted.shape() == Shape{1, 3, 256, 384});
  Tensor tall = random_image(3, 500, 20, 4);
  CHECK(resize_to_fit(tall, 100).shape() == Shape{1, 3, 100, 4});
  Tensor small = random_image(3, 50, 30, 5);
  CHECK(resize_to_fit(small, 384).shares_storage_with(small));
  int h = 0, w = 0;
  fit_size(1, 5000, 100, h, w);
  CHECK((h == 1 && w == 100));
}
