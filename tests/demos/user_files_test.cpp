// tests/demos/user_files_test.cpp: files delivered by the platform reach the
// demo in order, oversized ones are refused, PNGs round-trip.
#include "demos/user_files.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "engine/data/image_loader.h"
#include "engine/io/bytes.h"

TEST_CASE("delivered files are taken oldest first; empty and oversized files are refused with a message") {
  std::string name, text;
  std::vector<uint8_t> bytes;
  while (take_user_file(&name, &bytes)) {}
  while (take_user_files_message(&text)) {}
  deliver_user_file("a.png", {1, 2, 3});
  deliver_user_file("big.jpg", std::vector<uint8_t>(kMaxUserFileBytes + 1, 7));
  deliver_user_file("empty.gif", {});
  deliver_user_file("b.jpg", {4});
  REQUIRE(take_user_file(&name, &bytes));
  CHECK(name == "a.png");
  CHECK(bytes == std::vector<uint8_t>{1, 2, 3});
  REQUIRE(take_user_file(&name, &bytes));
  CHECK(name == "b.jpg");
  CHECK_FALSE(take_user_file(&name, &bytes));
  REQUIRE(take_user_files_message(&text));
  CHECK(text.find("big.jpg is 32.0 MB") != std::string::npos);
  CHECK(text.find("up to 32.0 MB") != std::string::npos);
  REQUIRE(take_user_files_message(&text));
  CHECK(text == "empty.gif is empty.");
  CHECK_FALSE(take_user_files_message(&text));
}

TEST_CASE("save_png writes a PNG that decodes to the same pixels") {
  RgbImage image;
  image.width = 5;
  image.height = 3;
  for (int i = 0; i < 15; ++i) {
    image.rgba.push_back(static_cast<uint8_t>(i * 17));
    image.rgba.push_back(static_cast<uint8_t>(255 - i));
    image.rgba.push_back(static_cast<uint8_t>(i * i));
    image.rgba.push_back(255);
  }
  std::vector<uint8_t> png;
  std::string error;
  REQUIRE(encode_png(image, &png, &error));
  REQUIRE(png.size() > 8);
  CHECK(png[1] == 'P');
  CHECK(png[2] == 'N');
  CHECK(png[3] == 'G');
  ImageResult decoded = load_image(png.data(), png.size(), 3);
  REQUIRE_MESSAGE(decoded.ok, decoded.error);
  const float* planes = decoded.image.data();  // [1, 3, 3, 5]
  for (int c = 0; c < 3; ++c)
    for (int i = 0; i < 15; ++i)
      CHECK(std::lround(planes[c * 15 + i] * 255.0f) == image.rgba[static_cast<size_t>(i) * 4 + static_cast<size_t>(c)]);

  set_user_files_backend(nullptr);
  set_user_files_directory(".");
  std::string text;
  while (take_user_files_message(&text)) {}
  save_png("user_files_test_output.png", image);
  REQUIRE(take_user_files_message(&text));
  CHECK(text.find("Saved ./user_files_test_output.png") == 0);
  std::vector<uint8_t> written;
  REQUIRE(read_whole_file("./user_files_test_output.png", 1 << 20, written, error));
  CHECK(written == png);
  std::remove("./user_files_test_output.png");
}

TEST_CASE("saving an empty image or into a missing folder says why") {
  std::string text;
  while (take_user_files_message(&text)) {}
  save_png("x.png", RgbImage{});
  REQUIRE(take_user_files_message(&text));
  CHECK(text == "Could not save x.png: there is no image to save.");
  RgbImage one;
  one.width = one.height = 1;
  one.rgba = {1, 2, 3, 255};
  set_user_files_directory("/nonexistent-folder-for-tests");
  save_png("x.png", one);
  REQUIRE(take_user_files_message(&text));
  CHECK(text.find("Could not write /nonexistent-folder-for-tests/x.png") == 0);
  set_user_files_directory(".");
  request_open_image();
  REQUIRE(take_user_files_message(&text));
  CHECK(text.find("not available") != std::string::npos);
}
