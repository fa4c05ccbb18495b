// tests/engine/data/gimp_pattern_test.cpp: GIMP .pat files built here decode
// to their pixels and name; every truncated or hostile header gets a message.
#include "engine/data/gimp_pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/random.h"

namespace {

void be32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

std::vector<uint8_t> pattern_file(uint32_t width, uint32_t height, uint32_t bytes, const std::string& name,
                                  const std::vector<uint8_t>& pixels) {
  std::vector<uint8_t> file;
  be32(file, static_cast<uint32_t>(24 + name.size() + 1));
  be32(file, 1);
  be32(file, width);
  be32(file, height);
  be32(file, bytes);
  file.insert(file.end(), {'G', 'P', 'A', 'T'});
  file.insert(file.end(), name.begin(), name.end());
  file.push_back(0);
  file.insert(file.end(), pixels.begin(), pixels.end());
  return file;
}

GimpPatternResult load(const std::vector<uint8_t>& file, int channels = 3) {
  return load_gimp_pattern(file.data(), file.size(), channels);
}

void set_be32(std::vector<uint8_t>& file, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) file[at + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

}  // namespace

TEST_CASE("an RGB pattern decodes to planes of byte / 255 and keeps its name") {
  std::vector<uint8_t> pixels = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};  // 2 x 2 RGB
  GimpPatternResult result = load(pattern_file(2, 2, 3, "Leopard", pixels));
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(result.name == "Leopard");
  CHECK(result.image.shape() == Shape{1, 3, 2, 2});
  std::vector<float> want;
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < 4; ++p) want.push_back(static_cast<float>(pixels[p * 3 + c]) / 255.0f);
  CHECK(result.image.to_vector() == want);
}

TEST_CASE("grey, grey + alpha and RGBA patterns convert to the channels asked for") {
  GimpPatternResult grey = load(pattern_file(2, 1, 1, "g", {0, 255}), 3);
  REQUIRE_MESSAGE(grey.ok, grey.error);
  CHECK(grey.image.to_vector() == std::vector<float>{0, 1, 0, 1, 0, 1});
  // Grey 0 at alpha 51 (20 %) shows as 0.8 on white; asked for RGBA it keeps the alpha.
  GimpPatternResult grey_alpha = load(pattern_file(1, 1, 2, "ga", {0, 51}), 3);
  REQUIRE_MESSAGE(grey_alpha.ok, grey_alpha.error);
  for (float v : grey_alpha.image.to_vector()) CHECK(v == doctest::Approx(0.8));
  GimpPatternResult rgba = load(pattern_file(1, 1, 4, "rgba", {255, 0, 0, 51}), 4);
  REQUIRE_MESSAGE(rgba.ok, rgba.error);
  CHECK(rgba.image.to_vector() == std::vector<float>{1, 0, 0, 51 / 255.0f});
  GimpPatternResult luma = load(pattern_file(1, 1, 3, "l", {255, 0, 0}), 1);
  REQUIRE_MESSAGE(luma.ok, luma.error);
  CHECK(luma.image.to_vector() == std::vector<float>{76 / 255.0f});
}

TEST_CASE("every truncation of a pattern file is refused with a message") {
  std::vector<uint8_t> file = pattern_file(3, 2, 3, "Marble", std::vector<uint8_t>(18, 7));
  REQUIRE(load(file).ok);
  for (size_t keep = 0; keep < file.size(); ++keep) {
    CAPTURE(keep);
    GimpPatternResult cut = load_gimp_pattern(file.data(), keep, 3);
    CHECK_FALSE(cut.ok);
    CHECK(cut.error.rfind("gimp pattern: ", 0) == 0);
  }
  CHECK(load_gimp_pattern(file.data(), 10, 3).error == "gimp pattern: 10 bytes is too short for the 24-byte header");
  CHECK(load_gimp_pattern(file.data(), file.size() - 1, 3).error ==
        "gimp pattern: the file ends early: 3 x 2 x 3 pixel bytes need 18, 17 follow the header");
  CHECK(load_gimp_pattern(file.data(), 28, 3).error ==
        "gimp pattern: header size 31 is past the end of the 28-byte file");
}

TEST_CASE("hostile header fields are refused before any pixel is read") {
  const std::vector<uint8_t> good = pattern_file(2, 2, 3, "x", std::vector<uint8_t>(12, 1));
  auto with = [&](size_t at, uint32_t v) {
    std::vector<uint8_t> file = good;
    set_be32(file, at, v);
    return load(file).error;
  };
  CHECK(with(0, 24) == "gimp pattern: header size 24 must be 25..65536 (24 bytes and a NUL-terminated name)");
  CHECK(with(0, 0xFFFFFFFF) == "gimp pattern: header size 4294967295 must be 25..65536 (24 bytes and a NUL-terminated name)");
  CHECK(with(4, 2) == "gimp pattern: version 2 is not supported (only 1)");
  CHECK(with(8, 0) == "gimp pattern: empty pattern (0 x 2)");
  CHECK(with(16, 0) == "gimp pattern: 0 bytes per pixel (must be 1 to 4)");
  CHECK(with(16, 5) == "gimp pattern: 5 bytes per pixel (must be 1 to 4)");
  CHECK(with(20, 0x47504154 + 1) == "gimp pattern: no \"GPAT\" magic at byte 20 (not a GIMP pattern)");
  std::vector<uint8_t> huge = good;
  set_be32(huge, 8, 0xFFFFFFFF);
  set_be32(huge, 12, 0xFFFFFFFF);
  CHECK(load(huge).error == "gimp pattern: 4294967295 x 4294967295 is too large (limit 16777216 pixels)");
  set_be32(huge, 8, 4096);
  set_be32(huge, 12, 4096);
  CHECK(load(huge).error == "gimp pattern: the file ends early: 4096 x 4096 x 3 pixel bytes need 50331648, 12 follow "
                            "the header");
  std::vector<uint8_t> no_nul = good;
  no_nul[25] = 'y';  // the NUL after the name "x"
  CHECK(load(no_nul).error == "gimp pattern: the name is not NUL-terminated within the header");
  CHECK(load(good, 2).error == "gimp pattern: channels must be 1, 3 or 4 (got 2)");
  CHECK(load_gimp_pattern(nullptr, 100, 3).error == "gimp pattern: 0 bytes is too short for the 24-byte header");
}

TEST_CASE("random corruption of a pattern never crashes the reader") {
  const std::vector<uint8_t> good = pattern_file(4, 3, 4, "Wood", std::vector<uint8_t>(48, 9));
  Pcg32 rng(21);
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> bad = good;
    bad[rng.below(32)] = static_cast<uint8_t>(rng.below(256));  // the header and the name
    GimpPatternResult result = load(bad);
    if (result.ok) CHECK(result.image.size() == 3 * result.image.dim(2) * result.image.dim(3));
    else CHECK(result.error.rfind("gimp pattern: ", 0) == 0);
  }
  CHECK(load_gimp_pattern_file("/tmp/dlpw_no_such.pat", 3).error == "gimp pattern: cannot open '/tmp/dlpw_no_such.pat'");
}
