// tests/engine/data/hostile_images_test.cpp: the loader's limits in memory and
// time, EXIF orientation, and the awkward kinds of file (CMYK, 16-bit,
// grey + alpha, animated, truncated): each decodes correctly or fails with an
// "image: ..." message. Every file is built here (image_file_builders.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/data/exif_orientation.h"
#include "engine/data/image_loader.h"
#include "engine/data/image_structure.h"
#include "engine/random.h"
#include "tests/engine/data/image_file_builders.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

using namespace image_files;

namespace {

ImageResult load(const std::vector<uint8_t>& file, int channels = 3, int max_pixels = kDefaultMaxImagePixels) {
  return load_image(file.data(), file.size(), channels, max_pixels);
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// The value of channel c at (y, x) of a [1, C, H, W] image.
float at(const Tensor& image, int c, int y, int x) {
  return image[(c * image.dim(2) + y) * image.dim(3) + x];
}

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

// A 32 x 16 baseline JPEG from stb_image_write (quality 95: no chroma
// subsampling) with four flat quadrants: red, green / blue, white.
std::vector<uint8_t> quadrant_jpeg() {
  const int width = 32, height = 16;
  std::vector<uint8_t> pixels;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const bool right = x >= width / 2, bottom = y >= height / 2;
      if (!bottom) pixels.insert(pixels.end(), right ? std::initializer_list<uint8_t>{0, 255, 0}
                                                     : std::initializer_list<uint8_t>{255, 0, 0});
      else pixels.insert(pixels.end(), right ? std::initializer_list<uint8_t>{255, 255, 255}
                                             : std::initializer_list<uint8_t>{0, 0, 255});
    }
  std::vector<uint8_t> file;
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &file, width, height, 3, pixels.data(), 95));
  return file;
}

// Which of the four colours sits at the centre of quadrant (qy, qx): 'R', 'G', 'B', 'W' or '?'.
char quadrant_colour(const Tensor& image, int qy, int qx) {
  const int y = image.dim(2) / 4 + qy * image.dim(2) / 2, x = image.dim(3) / 4 + qx * image.dim(3) / 2;
  const bool r = at(image, 0, y, x) > 0.8f, g = at(image, 1, y, x) > 0.8f, b = at(image, 2, y, x) > 0.8f;
  const bool r0 = at(image, 0, y, x) < 0.2f, g0 = at(image, 1, y, x) < 0.2f, b0 = at(image, 2, y, x) < 0.2f;
  if (r && g0 && b0) return 'R';
  if (r0 && g && b0) return 'G';
  if (r0 && g0 && b) return 'B';
  if (r && g && b) return 'W';
  return '?';
}

}  // namespace

TEST_CASE("a PNG bomb (388 KB declaring 1 x 1, inflating to 400 MB) fails fast within its small budget") {
  std::vector<uint8_t> bomb = png_bomb(400'000'000);
  CHECK(bomb.size() < 400'000);
  ImageResult result = load(bomb);
  CHECK_FALSE(result.ok);
  CHECK(result.error == "image: decoding the PNG would need more than 1.4 MiB, far more than its 1 x 1 pixels can "
                        "(a corrupt file or a decompression bomb)");
  DecodeMemoryStats memory = last_image_decode_memory();
  CHECK(memory.refused);
  CHECK(memory.peak_bytes <= memory.budget_bytes);
  CHECK(memory.budget_bytes < 2 * 1024 * 1024);
}

TEST_CASE("a small bomb within the budget decodes: the extra inflated bytes are ignored, not an error") {
  // 20 KB of zeros for a 1 x 1 image: wasteful but harmless, as stb_image allows.
  ImageResult result = load(png_bomb(20'000));
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image.to_vector() == std::vector<float>{0, 0, 0});
}

TEST_CASE("ordinary images peak under 5x their RGBA pixel bytes, well inside the 8x budget") {
  const int width = 512, height = 384;
  Pcg32 rng(11);
  std::vector<uint8_t> pixels(size_t{width} * height * 3);
  for (uint8_t& p : pixels) p = static_cast<uint8_t>(rng.below(256));
  std::vector<uint16_t> samples(size_t{width} * height * 4);
  for (uint16_t& s : samples) s = static_cast<uint16_t>(rng.below(65536));
  std::vector<uint8_t> png, jpeg;
  REQUIRE(stbi_write_png_to_func(append_bytes, &png, width, height, 3, pixels.data(), width * 3));
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &jpeg, width, height, 3, pixels.data(), 80));  // 4:2:0
  FlatJpeg progressive;
  progressive.width = width;
  progressive.height = height;
  progressive.progressive = true;
  struct Case { std::string name; std::vector<uint8_t> file; uint64_t bytes_per_sample; };
  const Case cases[] = {{"8-bit PNG", png, 1},
                        {"16-bit RGBA PNG", png_uncompressed(width, height, 16, 6, 4, samples), 2},
                        {"baseline JPEG", jpeg, 1},
                        {"progressive JPEG", flat_jpeg(progressive), 1}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    ImageResult result = load(c.file, 3);
    REQUIRE_MESSAGE(result.ok, result.error);
    DecodeMemoryStats memory = last_image_decode_memory();
    const uint64_t rgba_bytes = uint64_t{width} * height * 4 * c.bytes_per_sample;
    CAPTURE(memory.peak_bytes);
    CHECK_FALSE(memory.refused);
    CHECK(memory.peak_bytes > rgba_bytes);
    CHECK(memory.peak_bytes < 5 * rgba_bytes);
    CHECK(memory.budget_bytes >= 8 * rgba_bytes);
  }
}

TEST_CASE("a JPEG header claiming 20000 x 20000 is refused before any decode allocation") {
  FlatJpeg huge;
  huge.width = huge.height = 20000;
  huge.write_scans = false;
  ImageResult result = load(flat_jpeg(huge));
  CHECK(result.error == "image: 20000 x 20000 is too large (limit 16.8 megapixels)");
  CHECK(last_image_decode_memory().peak_bytes == 0);
}

TEST_CASE("a progressive JPEG decodes up to the scan limit and is refused one scan over it") {
  FlatJpeg spec;
  spec.progressive = true;
  spec.values = {200, 60, 90};  // a flat Y, Cb, Cr
  spec.scans = kMaxJpegScans;
  ImageResult at_limit = load(flat_jpeg(spec), 3);
  REQUIRE_MESSAGE(at_limit.ok, at_limit.error);
  FlatJpeg natural = spec;
  natural.scans = 0;
  ImageResult few_scans = load(flat_jpeg(natural), 3);
  REQUIRE_MESSAGE(few_scans.ok, few_scans.error);
  CHECK(at_limit.image.to_vector() == few_scans.image.to_vector());
  spec.scans = kMaxJpegScans + 1;
  CHECK(load(flat_jpeg(spec)).error == "image: the JPEG has 101 scans (limit 100); each is a pass over the whole image");
  spec.scans = 5000;
  spec.progressive = false;
  CHECK(load(flat_jpeg(spec)).error == "image: the JPEG has 5000 scans (limit 100); each is a pass over the whole image");
}

TEST_CASE("a flat grey JPEG written by the test's encoder decodes to its value") {
  FlatJpeg grey;
  grey.values = {77};
  ImageResult result = load(flat_jpeg(grey), 1);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image.shape() == Shape{1, 1, 16, 16});
  for (float v : result.image.to_vector()) CHECK(v == doctest::Approx(77 / 255.0).epsilon(0.01));
}

TEST_CASE("an Adobe CMYK JPEG decodes to RGB; 4 channels without the Adobe marker are refused") {
  FlatJpeg cmyk;
  // Adobe stores CMYK inverted (255 = no ink): R = C' K' / 255 and so on.
  cmyk.values = {255, 128, 0, 200};
  cmyk.adobe_transform = 0;
  ImageResult result = load(flat_jpeg(cmyk), 3);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(at(result.image, 0, 5, 5) == doctest::Approx(200 / 255.0).epsilon(0.02));
  CHECK(at(result.image, 1, 5, 5) == doctest::Approx(100 / 255.0).epsilon(0.03));
  CHECK(at(result.image, 2, 5, 5) < 3 / 255.0f);
  cmyk.adobe_transform = -1;
  CHECK(load(flat_jpeg(cmyk)).error ==
        "image: a 4-channel (CMYK) JPEG without an Adobe marker is not supported; save it as RGB");
}

TEST_CASE("a truncated JPEG is refused with a message, wherever it is cut") {
  Pcg32 rng(12);
  std::vector<uint8_t> pixels(size_t{64} * 48 * 3);
  for (uint8_t& p : pixels) p = static_cast<uint8_t>(rng.below(256));
  std::vector<uint8_t> jpeg;
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &jpeg, 64, 48, 3, pixels.data(), 90));
  REQUIRE(load(jpeg).ok);
  const std::vector<uint8_t> half(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(jpeg.size() / 2));
  CHECK(load(half).error == "image: the JPEG file ends early (it is truncated)");
  for (size_t keep = 1; keep < jpeg.size(); keep += 7) {
    CAPTURE(keep);
    ImageResult cut = load({jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(keep)});
    CHECK_FALSE(cut.ok);
    CHECK(starts_with(cut.error, "image: "));
  }
}

TEST_CASE("a 16-bit RGB PNG decodes to its high bytes") {
  std::vector<uint16_t> samples = {0xABCD, 0x0000, 0xFFFF, 0x1234, 0x8000, 0x7FFF};  // 2 x 1 RGB
  ImageResult result = load(png_uncompressed(2, 1, 16, 2, 3, samples), 3);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image.to_vector() ==
        std::vector<float>{0xAB / 255.0f, 0x12 / 255.0f, 0x00 / 255.0f, 0x80 / 255.0f, 0xFF / 255.0f, 0x7F / 255.0f});
}

TEST_CASE("a grey + alpha PNG keeps alpha when asked for RGBA and is composited onto white otherwise") {
  // Two pixels: grey 100 at alpha 255, grey 0 at alpha 51 (20 %).
  std::vector<uint16_t> samples = {100, 255, 0, 51};
  std::vector<uint8_t> png = png_uncompressed(2, 1, 8, 4, 2, samples);
  ImageResult rgba = load(png, 4);
  REQUIRE_MESSAGE(rgba.ok, rgba.error);
  CHECK(rgba.image.to_vector() == std::vector<float>{100 / 255.0f, 0, 100 / 255.0f, 0, 100 / 255.0f, 0, 1, 51 / 255.0f});
  ImageResult rgb = load(png, 3);
  REQUIRE_MESSAGE(rgb.ok, rgb.error);
  for (int c = 0; c < 3; ++c) {
    CHECK(at(rgb.image, c, 0, 0) == 100 / 255.0f);
    CHECK(at(rgb.image, c, 0, 1) == doctest::Approx(0.8));
  }
  ImageResult grey = load(png, 1);
  REQUIRE_MESSAGE(grey.ok, grey.error);
  CHECK(grey.image.to_vector()[1] == doctest::Approx(0.8));
}

TEST_CASE("an animated GIF gives its first frame and says so; a still GIF says nothing") {
  ImageResult animated = load(gif_frames({1, 2, 2}), 3);
  REQUIRE_MESSAGE(animated.ok, animated.error);
  CHECK(animated.image.to_vector() == std::vector<float>{1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0});  // red
  CHECK(animated.note == "image: the GIF is animated (3 frames); only the first frame is used");
  ImageResult still = load(gif_frames({2}), 3);
  REQUIRE_MESSAGE(still.ok, still.error);
  CHECK(still.image.to_vector() == std::vector<float>{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1});  // blue
  CHECK(still.note.empty());
  CHECK(count_gif_frames(gif_frames({1, 2, 2}).data(), 10) == 0);
}

TEST_CASE("all eight EXIF orientations turn a JPEG upright") {
  // Stored quadrants R G / B W; what each orientation shows (EXIF 2.3, tag 0x0112).
  const char* shown[9] = {"", "RGBW", "GRWB", "WBGR", "BWRG", "RBGW", "BRWG", "WGBR", "GWRB"};
  const std::vector<uint8_t> plain = quadrant_jpeg();
  for (int orientation = 1; orientation <= 8; ++orientation) {
    for (bool big_endian : {true, false}) {
      CAPTURE(orientation);
      CAPTURE(big_endian);
      ImageResult result = load(splice_after_soi(plain, exif_app1(orientation, big_endian)), 3);
      REQUIRE_MESSAGE(result.ok, result.error);
      const bool turned = orientation >= 5;
      CHECK(result.image.shape() == (turned ? Shape{1, 3, 32, 16} : Shape{1, 3, 16, 32}));
      std::string quadrants = {quadrant_colour(result.image, 0, 0), quadrant_colour(result.image, 0, 1),
                               quadrant_colour(result.image, 1, 0), quadrant_colour(result.image, 1, 1)};
      CHECK(quadrants == shown[orientation]);
    }
  }
}

TEST_CASE("malformed EXIF never crashes and leaves the image as stored") {
  std::vector<uint8_t> segment = exif_app1(6);
  const std::vector<uint8_t> payload(segment.begin() + 4, segment.end());
  CHECK(exif_orientation(payload.data(), payload.size()) == 6);
  for (size_t keep = 0; keep < payload.size(); ++keep) {
    CAPTURE(keep);
    const int orientation = exif_orientation(payload.data(), keep);
    CHECK((orientation == 1 || orientation == 6));
  }
  Pcg32 rng(13);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<uint8_t> noisy = payload;
    noisy[6 + rng.below(static_cast<uint32_t>(noisy.size() - 6))] = static_cast<uint8_t>(rng.below(256));
    const int orientation = exif_orientation(noisy.data(), noisy.size());
    CHECK((orientation >= 1 && orientation <= 8));
  }
  std::vector<uint8_t> out_of_range = exif_app1(9);
  ImageResult result = load(splice_after_soi(quadrant_jpeg(), out_of_range), 3);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image.shape() == Shape{1, 3, 16, 32});
}

TEST_CASE("random corruption of each kind of file never crashes the loader") {
  FlatJpeg progressive;
  progressive.progressive = true;
  FlatJpeg cmyk;
  cmyk.values = {10, 20, 30, 40};
  cmyk.adobe_transform = 0;
  const std::vector<std::vector<uint8_t>> files = {
      quadrant_jpeg(), flat_jpeg(progressive), flat_jpeg(cmyk), gif_frames({1, 2}), png_bomb(100'000),
      png_uncompressed(2, 1, 16, 2, 3, {1, 2, 3, 4, 5, 6}), splice_after_soi(quadrant_jpeg(), exif_app1(8))};
  Pcg32 rng(14);
  int decoded = 0, refused = 0;
  for (const auto& file : files)
    for (int trial = 0; trial < 150; ++trial) {
      std::vector<uint8_t> bad = file;
      for (int hits = 1 + static_cast<int>(rng.below(4)); hits > 0; --hits)
        bad[rng.below(static_cast<uint32_t>(bad.size()))] = static_cast<uint8_t>(rng.below(256));
      ImageResult result = load(bad, 3, 1 << 20);
      if (result.ok) {
        ++decoded;
        CHECK(result.image.dim(1) == 3);
      } else {
        ++refused;
        CHECK(starts_with(result.error, "image: "));
      }
      CHECK(last_image_decode_memory().peak_bytes <= last_image_decode_memory().budget_bytes);
    }
  CHECK(decoded + refused == 150 * static_cast<int>(files.size()));
}
