// tests/engine/data/image_asset_test.cpp: the "DLPI" image asset round-trips
// exactly, encode writes the documented layout, and every kind of bad file is
// refused with a message naming the fault. Only small synthetic assets: the
// real Fashion-MNIST file is a build product these tests never read.
#include "engine/data/image_asset.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/io/crc32.h"
#include "engine/random.h"

namespace {

// `count` random images of rows x cols with labels below `classes`.
ImageSet random_set(Pcg32& rng, int count, int rows, int cols, int classes) {
  ImageSet set;
  set.count = count;
  set.rows = rows;
  set.cols = cols;
  for (int i = 0; i < count * rows * cols; ++i) set.pixels.push_back(static_cast<uint8_t>(rng.next_u32() & 0xFFu));
  for (int i = 0; i < count; ++i) set.labels.push_back(static_cast<uint8_t>(rng.below(static_cast<uint32_t>(classes))));
  return set;
}

ImageAsset small_asset() {
  Pcg32 rng(11);
  ImageAsset asset;
  asset.class_names = {"T-shirt/top", "Trouser", "Ankle boot"};
  asset.train = random_set(rng, 7, 5, 3, 3);
  asset.test = random_set(rng, 4, 5, 3, 3);
  return asset;
}

// Writes files field by field from the documented layout, independently of
// encode_image_asset, so tests can build well-sealed files with one thing wrong.
struct FileBuilder {
  std::vector<uint8_t> bytes;

  FileBuilder& u8(uint32_t v) {
    bytes.push_back(static_cast<uint8_t>(v & 0xFFu));
    return *this;
  }
  FileBuilder& u16(uint32_t v) { return u8(v).u8(v >> 8); }
  FileBuilder& u32(uint32_t v) { return u16(v).u16(v >> 16); }
  FileBuilder& text(const std::string& s) {
    bytes.insert(bytes.end(), s.begin(), s.end());
    return *this;
  }
  FileBuilder& header(uint32_t classes, uint32_t version = 1) {
    text("DLPI").u32(version).u32(classes);
    for (uint32_t k = 0; k < classes; ++k) {
      const std::string name = "class " + std::to_string(k);
      u8(static_cast<uint32_t>(name.size())).text(name);
    }
    return *this;
  }
  // A set whose pixels are i % 251 and whose labels are given.
  FileBuilder& set(uint32_t rows, uint32_t cols, const std::vector<uint8_t>& labels) {
    u32(static_cast<uint32_t>(labels.size())).u16(rows).u16(cols);
    for (size_t i = 0; i < labels.size() * rows * cols; ++i) u8(static_cast<uint32_t>(i % 251));
    bytes.insert(bytes.end(), labels.begin(), labels.end());
    return *this;
  }
  std::vector<uint8_t> sealed() const {
    FileBuilder out = *this;
    return out.u32(crc32(bytes.data(), bytes.size())).bytes;
  }
};

void expect_rejected(const std::vector<uint8_t>& file, const std::string& message_part) {
  ImageAssetResult result = parse_image_asset(file.data(), file.size());
  CAPTURE(result.error);
  CHECK_FALSE(result.ok);
  CHECK(result.error.rfind("image asset: ", 0) == 0);
  CHECK(result.error.find(message_part) != std::string::npos);
  CHECK(result.asset.class_names.empty());
  CHECK(result.asset.train.pixels.empty());
}

}  // namespace

TEST_CASE("an image asset round-trips exactly through encode and parse") {
  const ImageAsset asset = small_asset();
  const std::vector<uint8_t> file = encode_image_asset(asset);
  REQUIRE_FALSE(file.empty());
  ImageAssetResult result = parse_image_asset(file.data(), file.size());
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.error.empty());
  CHECK(result.asset.class_names == asset.class_names);
  for (const auto& [parsed, original] : {std::pair{&result.asset.train, &asset.train}, {&result.asset.test, &asset.test}}) {
    CHECK(parsed->count == original->count);
    CHECK(parsed->rows == 5);
    CHECK(parsed->cols == 3);
    CHECK(parsed->pixels == original->pixels);
    CHECK(parsed->labels == original->labels);
  }
  CHECK(encode_image_asset(result.asset) == file);
}

TEST_CASE("encode_image_asset writes exactly the documented byte layout") {
  ImageAsset asset;
  asset.class_names = {"Bag", "Coat"};
  asset.train = ImageSet{2, 1, 2, {10, 20, 30, 40}, {1, 0}};
  asset.test = ImageSet{1, 1, 2, {255, 0}, {1}};
  std::vector<uint8_t> expected = {
      'D', 'L', 'P', 'I', 1, 0, 0, 0, 2, 0, 0, 0,  // magic, version 1, 2 classes
      3, 'B', 'a', 'g', 4, 'C', 'o', 'a', 't',     // class names
      2, 0, 0, 0, 1, 0, 2, 0, 10, 20, 30, 40, 1, 0,  // train: 2 images of 1x2, pixels, labels
      1, 0, 0, 0, 1, 0, 2, 0, 255, 0, 1};            // test: 1 image of 1x2, pixels, label
  const uint32_t crc = crc32(expected.data(), expected.size());
  for (int shift = 0; shift < 32; shift += 8) expected.push_back(static_cast<uint8_t>(crc >> shift));
  CHECK(encode_image_asset(asset) == expected);
}

TEST_CASE("an image asset may have an empty test set, and 256 classes") {
  FileBuilder b;
  b.header(256).set(2, 2, {0, 255, 7}).set(2, 2, {});
  const std::vector<uint8_t> file = b.sealed();
  ImageAssetResult result = parse_image_asset(file.data(), file.size());
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.asset.class_names.size() == 256);
  CHECK(result.asset.class_names[255] == "class 255");
  CHECK(result.asset.train.labels == std::vector<uint8_t>{0, 255, 7});
  CHECK(result.asset.train.pixels.size() == 12);
  CHECK(result.asset.test.count == 0);
  CHECK(result.asset.test.rows == 2);
  CHECK(encode_image_asset(result.asset) == file);
}

TEST_CASE("encode_image_asset refuses an asset that parse would refuse") {
  const ImageAsset good = small_asset();
  REQUIRE_FALSE(encode_image_asset(good).empty());
  ImageAsset a = good;
  a.class_names.clear();
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.class_names[1] = "";
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.class_names[1] = std::string(256, 'x');
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.train.labels[2] = 3;  // only 3 classes
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.test.pixels.pop_back();
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.train.rows = 0;
  CHECK(encode_image_asset(a).empty());
  a = good;
  a.test.rows = 3;
  a.test.cols = 5;  // the same number of pixels, another shape
  CHECK(encode_image_asset(a).empty());
}

TEST_CASE("a bad image asset is refused with a message naming the fault") {
  const std::vector<uint8_t> good = encode_image_asset(small_asset());
  REQUIRE(good.size() > 100);
  // magic 4 + version 4 + count 4 + names (12 + 8 + 11) = 43, then the train set header.
  const size_t train_pixels_offset = 43 + 8;

  SUBCASE("empty file") {
    expect_rejected({}, "file is empty");
    CHECK(parse_image_asset(nullptr, 0).error == "image asset: file is empty");
  }
  SUBCASE("truncated in the header") {
    expect_rejected({good.begin(), good.begin() + 6}, "file is truncated (needs 4 bytes at offset 4 for the version");
    expect_rejected({good.begin(), good.begin() + 2}, "needs 4 bytes at offset 0 for the magic");
  }
  SUBCASE("truncated in the pixels") {
    expect_rejected({good.begin(), good.begin() + static_cast<std::ptrdiff_t>(train_pixels_offset + 20)},
                    "file is truncated (needs 105 bytes at offset 51 for the pixels of the train set, only 20 remain)");
  }
  SUBCASE("truncated in the checksum") {
    expect_rejected({good.begin(), good.end() - 1}, "needs 4 bytes at offset " + std::to_string(good.size() - 4) +
                                                        " for the checksum, only 3 remain");
  }
  SUBCASE("bad magic") {
    std::vector<uint8_t> file = good;
    file[3] = 'W';
    expect_rejected(file, "not an image asset (it does not start with \"DLPI\")");
  }
  SUBCASE("wrong version") {
    FileBuilder b;
    b.header(10, 3).set(2, 2, {1}).set(2, 2, {1});
    expect_rejected(b.sealed(), "image asset: version 3 is not supported (this build reads version 1)");
  }
  SUBCASE("a pixel byte flipped") {
    std::vector<uint8_t> file = good;
    file[train_pixels_offset + 17] ^= 0x10;
    expect_rejected(file, "checksum mismatch (file is corrupt)");
  }
  SUBCASE("checksum flipped") {
    std::vector<uint8_t> file = good;
    file[file.size() - 3] ^= 0x80;
    expect_rejected(file, "checksum mismatch (file is corrupt)");
  }
  SUBCASE("label out of range") {
    FileBuilder b;
    b.header(10).set(2, 2, {0, 1, 2, 3, 4, 12, 9}).set(2, 2, {0});
    const std::vector<uint8_t> file = b.sealed();
    CHECK(parse_image_asset(file.data(), file.size()).error ==
          "image asset: label 12 at train image 5 is not below 10 classes");
    FileBuilder c;
    c.header(3).set(2, 2, {0}).set(2, 2, {2, 3});
    expect_rejected(c.sealed(), "label 3 at test image 1 is not below 3 classes");
  }
  SUBCASE("zero rows or cols, or more than 1024") {
    FileBuilder b;
    b.header(2).set(0, 28, {});
    expect_rejected(b.sealed(), "train images are 0x28 pixels (rows and cols must be 1 to 1024)");
    FileBuilder c;
    c.header(2).set(28, 28, {1}).set(28, 1025, {});
    expect_rejected(c.sealed(), "test images are 28x1025 pixels");
  }
  SUBCASE("train and test images of different sizes") {
    FileBuilder b;
    b.header(2).set(28, 28, {1}).set(28, 27, {0});
    expect_rejected(b.sealed(), "test images are 28x27 but train images are 28x28");
  }
  SUBCASE("absurd image count") {
    FileBuilder b;
    b.header(2).u32(0xFFFFFFFFu).u16(28).u16(28);
    expect_rejected(b.sealed(), "train image count 4294967295 is absurd (limit 1000000)");
    // Within the limit, but 1024 x 1024 pixels each: 2^40 bytes the file does not have.
    FileBuilder c;
    c.header(2).u32(1000000).u16(1024).u16(1024).u8(0);
    expect_rejected(c.sealed(), "needs 1048576000000 bytes at offset 36 for the pixels of the train set, only 5 remain");
  }
  SUBCASE("class count of 0 or above 256") {
    FileBuilder b;
    b.text("DLPI").u32(1).u32(0).set(1, 1, {}).set(1, 1, {});
    expect_rejected(b.sealed(), "class count 0 is out of range (1 to 256)");
    FileBuilder c;
    c.text("DLPI").u32(1).u32(257);
    expect_rejected(c.sealed(), "class count 257 is out of range (1 to 256)");
  }
  SUBCASE("a class name running past the end") {
    FileBuilder b;
    b.text("DLPI").u32(1).u32(2).u8(3).text("Bag").u8(200).text("Coat");
    expect_rejected(b.sealed(), "needs 200 bytes at offset 17 for the name of class 1, only 8 remain");
  }
  SUBCASE("an empty class name") {
    FileBuilder b;
    b.text("DLPI").u32(1).u32(2).u8(3).text("Bag").u8(0).set(1, 1, {}).set(1, 1, {});
    expect_rejected(b.sealed(), "class 1 has an empty name");
  }
  SUBCASE("trailing garbage") {
    std::vector<uint8_t> file = good;
    file.insert(file.end(), {0, 1, 2});
    expect_rejected(file, "3 bytes of trailing garbage after the checksum at offset " + std::to_string(good.size() - 4));
  }
}
