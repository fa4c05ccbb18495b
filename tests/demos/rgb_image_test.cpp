// tests/demos/rgb_image_test.cpp: planar floats become interleaved RGBA bytes.
#include "demos/rgb_image.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

TEST_CASE("set_rgb_image_from_planes interleaves [3, H, W] planes, rounds, clamps and bumps the version") {
  // A 2x1 image: pixel 0 = (0, 0.5, 1), pixel 1 = (-3, 7, NaN).
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float planes[6] = {0.0f, -3.0f, 0.5f, 7.0f, 1.0f, nan};
  RgbImage image;
  unsigned before = image.version;
  set_rgb_image_from_planes(image, planes, 2, 1);
  CHECK(image.width == 2);
  CHECK(image.height == 1);
  REQUIRE(image.rgba.size() == 8);
  CHECK(image.rgba[0] == 0);
  CHECK(image.rgba[1] == 128);  // round(127.5)
  CHECK(image.rgba[2] == 255);
  CHECK(image.rgba[3] == 255);
  CHECK(image.rgba[4] == 0);    // clamped below
  CHECK(image.rgba[5] == 255);  // clamped above
  CHECK(image.rgba[6] == 0);    // NaN shows black
  CHECK(image.rgba[7] == 255);
  CHECK(image.version == before + 1);
}

TEST_CASE("rows stay in order: row 0 of the planes is row 0 of the image") {
  const int w = 3, h = 2;
  float planes[3 * w * h] = {};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) planes[y * w + x] = static_cast<float>(y * w + x) / 10.0f;  // red only
  RgbImage image;
  set_rgb_image_from_planes(image, planes, w, h);
  for (int i = 0; i < w * h; ++i) {
    CHECK(image.rgba[static_cast<size_t>(i) * 4] == static_cast<uint8_t>(std::lround(static_cast<float>(i) / 10.0f * 255.0f)));
    CHECK(image.rgba[static_cast<size_t>(i) * 4 + 1] == 0);
  }
}

TEST_CASE("an empty size gives an empty image, and drawing without a backend is a no-op") {
  RgbImage image;
  set_rgb_image_from_planes(image, nullptr, 0, 5);
  CHECK(image.width == 0);
  CHECK(image.rgba.empty());
}
