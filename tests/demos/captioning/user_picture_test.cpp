// Your own picture for the captioner: decoded by the bounded loader, fitted
// into the 64 x 64 scene with its shape kept, centred on black; a bad file
// is refused with a message.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "demos/captioning/scene.h"
#include "demos/captioning/user_picture.h"
#include "demos/user_files.h"

namespace {

std::vector<uint8_t> png_of(int width, int height, uint8_t r, uint8_t g, uint8_t b) {
  RgbImage image;
  image.width = width;
  image.height = height;
  image.rgba.clear();
  for (int i = 0; i < width * height; ++i) image.rgba.insert(image.rgba.end(), {r, g, b, 255});
  std::vector<uint8_t> png;
  std::string error;
  REQUIRE(encode_png(image, &png, &error));
  return png;
}

float pixel(const Tensor& image, int channel, int y, int x) {
  return image[(channel * kSceneSize + y) * kSceneSize + x];
}

}  // namespace

TEST_CASE("your picture: a wide image is shrunk to the scene's width and centred on black, its shape kept") {
  const std::vector<uint8_t> png = png_of(200, 100, 255, 128, 0);
  UserPicture picture;
  std::string error;
  REQUIRE(make_user_picture("wide.png", png.data(), png.size(), &picture, &error));
  CHECK(picture.image.shape() == Shape{1, 3, kSceneSize, kSceneSize});
  CHECK(picture.width == 200);
  CHECK(picture.height == 100);
  CHECK(picture.name == "wide.png");
  // 200 x 100 -> 64 x 32, rows 16..47.
  for (int x : {0, 31, 63}) {
    CHECK(pixel(picture.image, 0, 15, x) == 0.0f);
    CHECK(pixel(picture.image, 0, 16, x) == doctest::Approx(1.0f));
    CHECK(pixel(picture.image, 1, 32, x) == doctest::Approx(128.0f / 255).epsilon(1e-4));
    CHECK(pixel(picture.image, 2, 40, x) == 0.0f);
    CHECK(pixel(picture.image, 0, 47, x) == doctest::Approx(1.0f));
    CHECK(pixel(picture.image, 0, 48, x) == 0.0f);
  }
}

TEST_CASE("your picture: a tiny tall image grows until its long side fills the scene") {
  const std::vector<uint8_t> png = png_of(4, 8, 255, 255, 255);
  UserPicture picture;
  std::string error;
  REQUIRE(make_user_picture("tiny.png", png.data(), png.size(), &picture, &error));
  // 4 x 8 -> 32 x 64, columns 16..47.
  CHECK(pixel(picture.image, 0, 0, 15) == 0.0f);
  CHECK(pixel(picture.image, 0, 0, 16) == doctest::Approx(1.0f));
  CHECK(pixel(picture.image, 0, 63, 47) == doctest::Approx(1.0f));
  CHECK(pixel(picture.image, 0, 63, 48) == 0.0f);
}

TEST_CASE("your picture: a file that is not an image, an empty one and a truncated PNG are refused with a message") {
  const std::vector<uint8_t> png = png_of(32, 32, 10, 20, 30);
  const std::vector<std::vector<uint8_t>> bad = {
      {}, {'h', 'e', 'l', 'l', 'o'}, std::vector<uint8_t>(png.begin(), png.begin() + static_cast<long>(png.size() / 2))};
  for (const std::vector<uint8_t>& bytes : bad) {
    UserPicture picture;
    picture.name = "untouched";
    std::string error;
    CHECK_FALSE(make_user_picture("bad.png", bytes.data(), bytes.size(), &picture, &error));
    CHECK(error.rfind("your picture: image: ", 0) == 0);
    CHECK(picture.name == "untouched");
    CHECK(picture.image.empty());
  }
}
