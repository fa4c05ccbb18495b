// tests/engine/data/image_loader_test.cpp: images made here with
// stb_image_write decode to the same pixels; bad input gives messages.
#include "engine/data/image_loader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "engine/io/crc32.h"
#include "engine/random.h"

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

namespace {

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  const auto* bytes = static_cast<const uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

// Interleaved pixels (HWC), as stb_image_write takes them.
std::vector<uint8_t> random_pixels(int width, int height, int channels, uint64_t seed) {
  Pcg32 rng(seed);
  std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * channels);
  for (uint8_t& p : pixels) p = static_cast<uint8_t>(rng.next_u32() & 0xFFu);
  return pixels;
}

std::vector<uint8_t> encode_png(const std::vector<uint8_t>& pixels, int width, int height, int channels) {
  std::vector<uint8_t> file;
  REQUIRE(stbi_write_png_to_func(append_bytes, &file, width, height, channels, pixels.data(), width * channels));
  return file;
}

// The value the tensor must hold for byte `y, x, c` of an interleaved image.
float expected(const std::vector<uint8_t>& pixels, int width, int channels, int y, int x, int c) {
  return static_cast<float>(pixels[(static_cast<size_t>(y) * width + x) * channels + c]) / 255.0f;
}

void check_pixels_match(const ImageResult& result, const std::vector<uint8_t>& pixels, int width, int height,
                        int channels) {
  REQUIRE_MESSAGE(result.ok, result.error);
  REQUIRE(result.image.shape() == Shape{1, channels, height, width});
  int mismatches = 0;
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        if (result.image[(c * height + y) * width + x] != expected(pixels, width, channels, y, x, c)) ++mismatches;
  CHECK(mismatches == 0);
}

void append_be32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

// A PNG signature and IHDR chunk (8-bit RGB) claiming width x height, with no pixel data.
std::vector<uint8_t> png_header_only(uint32_t width, uint32_t height) {
  std::vector<uint8_t> file = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  append_be32(file, 13);
  std::vector<uint8_t> chunk = {'I', 'H', 'D', 'R'};
  append_be32(chunk, width);
  append_be32(chunk, height);
  chunk.insert(chunk.end(), {8, 2, 0, 0, 0});  // bit depth, colour type RGB, compression, filter, interlace
  file.insert(file.end(), chunk.begin(), chunk.end());
  append_be32(file, crc32(chunk.data(), chunk.size()));  // PNG chunks use the same CRC-32
  return file;
}

ImageResult load(const std::vector<uint8_t>& file, int channels, int max_pixels = kDefaultMaxImagePixels) {
  return load_image(file.data(), file.size(), channels, max_pixels);
}

}  // namespace

TEST_CASE("an RGB PNG loads as [1, 3, H, W] with every value byte / 255") {
  std::vector<uint8_t> pixels = random_pixels(7, 5, 3, 1);
  check_pixels_match(load(encode_png(pixels, 7, 5, 3), 3), pixels, 7, 5, 3);
}

TEST_CASE("an RGBA PNG keeps its alpha plane") {
  std::vector<uint8_t> pixels = random_pixels(4, 6, 4, 2);
  check_pixels_match(load(encode_png(pixels, 4, 6, 4), 4), pixels, 4, 6, 4);
}

TEST_CASE("an RGB BMP loads with the same pixels") {
  std::vector<uint8_t> pixels = random_pixels(5, 3, 3, 3);  // odd width: BMP rows are padded to 4 bytes
  std::vector<uint8_t> file;
  REQUIRE(stbi_write_bmp_to_func(append_bytes, &file, 5, 3, 3, pixels.data()));
  check_pixels_match(load(file, 3), pixels, 5, 3, 3);
}

TEST_CASE("a grey PNG asked for 3 channels repeats the grey in each") {
  std::vector<uint8_t> grey = random_pixels(6, 4, 1, 4);
  ImageResult result = load(encode_png(grey, 6, 4, 1), 3);
  REQUIRE_MESSAGE(result.ok, result.error);
  REQUIRE(result.image.shape() == Shape{1, 3, 4, 6});
  for (int c = 0; c < 3; ++c) {
    Tensor plane = Tensor::from({1, 1, 4, 6}, {result.image.data() + c * 24, result.image.data() + (c + 1) * 24});
    std::vector<float> want(24);
    for (int i = 0; i < 24; ++i) want[i] = static_cast<float>(grey[i]) / 255.0f;
    CHECK(plane.to_vector() == want);
  }
}

TEST_CASE("a colour PNG asked for 1 channel gives stb_image's BT.601 luma (77 R + 150 G + 29 B) / 256") {
  std::vector<uint8_t> pixels = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
  ImageResult result = load(encode_png(pixels, 4, 1, 3), 1);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image.to_vector() == std::vector<float>{76 / 255.0f, 149 / 255.0f, 28 / 255.0f, 255 / 255.0f});
}

TEST_CASE("a JPEG of one flat colour decodes close to that colour") {
  std::vector<uint8_t> pixels;
  for (int i = 0; i < 16 * 16; ++i) pixels.insert(pixels.end(), {40, 120, 200});
  std::vector<uint8_t> file;
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &file, 16, 16, 3, pixels.data(), 95));
  ImageResult result = load(file, 3);
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.image[0] == doctest::Approx(40 / 255.0).epsilon(0.02));
  CHECK(result.image[256 + 17] == doctest::Approx(120 / 255.0).epsilon(0.02));
  CHECK(result.image[2 * 256 + 255] == doctest::Approx(200 / 255.0).epsilon(0.02));
}

TEST_CASE("a truncated PNG is refused as corrupt or truncated") {
  std::vector<uint8_t> file = encode_png(random_pixels(32, 32, 3, 5), 32, 32, 3);
  for (size_t keep : {file.size() / 2, file.size() - 20, size_t{40}}) {
    CAPTURE(keep);
    ImageResult result = load({file.begin(), file.begin() + static_cast<std::ptrdiff_t>(keep)}, 3);
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind("image: cannot decode the PNG data; it is corrupt or truncated (stb_image: ", 0) == 0);
  }
  ImageResult only_signature = load({file.begin(), file.begin() + 12}, 3);
  CHECK_FALSE(only_signature.ok);
  CHECK(only_signature.error == "image: the PNG header is corrupt or of an unsupported kind");
}

TEST_CASE("random bytes are not an image") {
  ImageResult result = load(random_pixels(64, 4, 1, 6), 3);
  CHECK_FALSE(result.ok);
  CHECK(result.error.rfind("image: not a PNG, JPEG, BMP, GIF or PNM image (stb_image: ", 0) == 0);
}

TEST_CASE("a header claiming a huge image is refused before any pixels are allocated") {
  ImageResult huge = load(png_header_only(100000, 100000), 3);
  CHECK_FALSE(huge.ok);
  CHECK(huge.error == "image: 100000 x 100000 is too large (limit 16.8 megapixels)");
  // Small enough for stb_image's own limit, too large for ours.
  ImageResult large = load(png_header_only(5000, 4000), 3);
  CHECK(large.error == "image: 5000 x 4000 is too large (limit 16.8 megapixels)");
  ImageResult real = load(encode_png(random_pixels(16, 16, 3, 7), 16, 16, 3), 3, 255);
  CHECK(real.error == "image: 16 x 16 is too large (limit 255 pixels)");
}

TEST_CASE("empty input and unsupported channel counts are refused") {
  CHECK(load({}, 3).error == "image: no data (the file is empty)");
  CHECK(load_image(nullptr, 10, 3).error == "image: no data (the file is empty)");
  std::vector<uint8_t> png = encode_png(random_pixels(2, 2, 3, 8), 2, 2, 3);
  CHECK(load(png, 2).error == "image: channels must be 1, 3 or 4 (got 2)");
  CHECK(load(png, 3, 0).error == "image: max_pixels must be positive (got 0)");
}

TEST_CASE("load_image_file reads a PNG from disk and names a missing file") {
  const std::string path = "/tmp/dlpw_image_loader_test.png";
  std::vector<uint8_t> pixels = random_pixels(3, 2, 3, 9);
  std::vector<uint8_t> png = encode_png(pixels, 3, 2, 3);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  REQUIRE(file);
  REQUIRE(std::fwrite(png.data(), 1, png.size(), file) == png.size());
  std::fclose(file);
  ImageResult result = load_image_file(path, 3);
  std::remove(path.c_str());
  check_pixels_match(result, pixels, 3, 2, 3);
  CHECK(load_image_file("/tmp/dlpw_no_such_image.png", 3).error == "image: cannot open '/tmp/dlpw_no_such_image.png'");
}

// Found by tests/fuzz/fuzz_image_loader (regressions/fuzz_image_loader/pnm-width-overflow):
// stb_image read these digits into an int and overflowed (undefined behaviour).
TEST_CASE("a PNM header with a number too long for an int is refused before stb reads it") {
  const std::string header = "P64444444444444M\xff";
  ImageResult result = load(std::vector<uint8_t>(header.begin(), header.end()), 3);
  CHECK_FALSE(result.ok);
  CHECK(result.error == "image: the PNM header gives a number over 16777216 (a corrupt file)");

  const std::string commented = "P5\n# a comment 99999999999\n3 2\n255\n\x01\x02\x03\x04\x05\x06";
  ImageResult small = load(std::vector<uint8_t>(commented.begin(), commented.end()), 1);
  REQUIRE(small.ok);  // digits inside comments do not count
  CHECK(small.image.shape() == Shape{1, 1, 2, 3});
  const std::string maximum = "P5 16777217 1 255 ";
  CHECK(load(std::vector<uint8_t>(maximum.begin(), maximum.end()), 1).error ==
        "image: the PNM header gives a number over 16777216 (a corrupt file)");
}

// Found by tests/fuzz/fuzz_image_loader (regressions/fuzz_image_loader/pgm-16-bit): stb_image
// 2.27 kept a 16-bit PNM's low bytes and, converting its channels, read past its buffer.
TEST_CASE("16-bit PGM and PPM images are refused with a message, in every channel count") {
  const std::string pgm = std::string("P5 2 1 65535\n") + "\x12\x34\xab\xcd";
  const std::string ppm = std::string("P6 1 1 65535\n") + std::string("\xff\x00\x80\x00\x00\xff", 6);
  for (const std::string& file : {pgm, ppm}) {
    for (int channels : {1, 3, 4}) {
      ImageResult result = load(std::vector<uint8_t>(file.begin(), file.end()), channels);
      CHECK_FALSE(result.ok);
      CHECK(result.error == "image: 16-bit PGM / PPM images are not supported; save it with 8 bits per sample, or as PNG");
    }
  }
  const std::string pgm8 = std::string("P5 2 1 255\n") + "\x12\xab";  // 8 bits still decode
  ImageResult grey = load(std::vector<uint8_t>(pgm8.begin(), pgm8.end()), 3);
  REQUIRE(grey.ok);
  CHECK(grey.image.data()[1] == doctest::Approx(0xab / 255.0));
}

// Found by tests/fuzz/fuzz_image_loader (regressions/fuzz_image_loader/jpeg-huffman-table-over-256-codes):
// stb_image 2.27 built such a table past the end of its 257-entry arrays.
TEST_CASE("a JPEG whose Huffman table declares more than 256 codes is refused before stb reads it") {
  std::vector<uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xC4, 0x01, 0x3F, 0x00};  // SOI, DHT of 2 + 17 + 300 bytes, DC table 0
  for (int i = 0; i < 16; ++i) jpeg.push_back(i < 15 ? 20 : 0);      // 15 x 20 = 300 codes
  for (int i = 0; i < 300; ++i) jpeg.push_back(static_cast<uint8_t>(i));
  jpeg.push_back(0xFF);
  jpeg.push_back(0xD9);
  for (int channels : {1, 3, 4}) {
    ImageResult result = load(jpeg, channels);
    CHECK_FALSE(result.ok);
    CHECK(result.error == "image: the JPEG declares a Huffman table of more than 256 codes (a corrupt file)");
  }
  // stb also reads a JPEG whose SOI comes after FF fill bytes, and a table the file ends inside.
  std::vector<uint8_t> filled = {0xFF, 0xFF, 0xFF};
  filled.insert(filled.end(), jpeg.begin() + 1, jpeg.end());
  CHECK(load(filled, 3).error == "image: the JPEG declares a Huffman table of more than 256 codes (a corrupt file)");
  std::vector<uint8_t> truncated(jpeg.begin(), jpeg.begin() + 7 + 16 + 10);
  CHECK(load(truncated, 3).error == "image: the JPEG declares a Huffman table of more than 256 codes (a corrupt file)");
}

// Found by tests/fuzz/fuzz_image_loader (regressions/fuzz_image_loader/jpeg-scan-with-undefined-huffman-table):
// stb_image 2.27 decoded such a scan with uninitialised tables and indexed past its arrays.
TEST_CASE("a JPEG whose scan uses a Huffman table it never defined is refused") {
  std::vector<uint8_t> pixels = random_pixels(16, 16, 3, 4);
  std::vector<uint8_t> file;
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &file, 16, 16, 3, pixels.data(), 90));
  REQUIRE(load(file, 3).ok);
  // Drop every DHT segment (FF C4, then its big-endian length).
  std::vector<uint8_t> without_tables;
  for (size_t i = 0; i < file.size();) {
    if (i + 3 < file.size() && file[i] == 0xFF && file[i + 1] == 0xC4) {
      i += 2 + (static_cast<size_t>(file[i + 2]) << 8 | file[i + 3]);
    } else {
      without_tables.push_back(file[i++]);
    }
  }
  REQUIRE(without_tables.size() < file.size());
  ImageResult result = load(without_tables, 3);
  CHECK_FALSE(result.ok);
  CHECK(result.error == "image: a JPEG scan uses a Huffman table the file has not defined (a corrupt file)");
}
