// tests/demos/style_transfer/image_catalog_test.cpp: the catalogue's ids are
// unique and URL-safe, every asset entry has a file the build made (at the
// shipped size), and working_image decodes and shrinks like the demo needs.
#include "demos/style_transfer/image_catalog.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "engine/io/bytes.h"

namespace {

bool url_safe(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

TEST_CASE("catalogue ids are unique, URL-safe and found by id; each entry has a title, a licence and a source") {
  std::set<std::string> ids;
  for (const CatalogImage& image : image_catalog()) {
    CAPTURE(image.id);
    CHECK(url_safe(image.id));
    CHECK(ids.insert(image.id).second);
    CHECK(find_catalog_image(image.id) == &image);
    CHECK(std::string(image.title).size() > 0);
    CHECK(std::string(image.licence).size() > 0);
    CHECK(image.procedural == (image.source_file == nullptr));
  }
  CHECK(find_catalog_image("no_such_image") == nullptr);
  CHECK(catalog_asset_path(*find_catalog_image("starry_night")) == "data/style/starry_night.png");
  CHECK(catalog_asset_path(*find_catalog_image("swirl")).empty());
}

TEST_CASE("the catalogue lists content photos and style images, procedural ones among the styles") {
  std::vector<const CatalogImage*> content = catalog_images(ImageRole::Content);
  std::vector<const CatalogImage*> styles = catalog_images(ImageRole::Style);
  CHECK(content.size() >= 4);
  CHECK(styles.size() >= 8);
  CHECK(content.size() + styles.size() == image_catalog().size());
  int procedural = 0;
  for (const CatalogImage* image : styles) procedural += image->procedural ? 1 : 0;
  CHECK(procedural == 2);
  for (const CatalogImage* image : content) CHECK_FALSE(image->procedural);
}

TEST_CASE("every catalogue asset was made by the build and decodes as a working image of the shipped size") {
  for (const CatalogImage& image : image_catalog()) {
    if (image.procedural) continue;
    CAPTURE(image.id);
    // PLAYGROUND_DATA_DIR is <build>/data; asset paths start with "data/".
    const std::string path = std::string(PLAYGROUND_DATA_DIR) + catalog_asset_path(image).substr(4);
    std::vector<uint8_t> bytes;
    std::string error;
    REQUIRE_MESSAGE(read_whole_file(path, size_t{1} << 24, bytes, error), error);
    ImageResult full = working_image(bytes.data(), bytes.size(), 10000);
    REQUIRE_MESSAGE(full.ok, full.error);
    const int long_side = std::max(full.image.dim(2), full.image.dim(3));
    CHECK(long_side <= kStyleAssetMaxSide);
    CHECK(long_side >= 256);
    ImageResult working = working_image(bytes.data(), bytes.size(), 128);
    REQUIRE_MESSAGE(working.ok, working.error);
    CHECK(std::max(working.image.dim(2), working.image.dim(3)) == 128);
  }
}

TEST_CASE("working_image refuses bad bytes with the loader's message and a bad size") {
  const std::vector<uint8_t> junk = {1, 2, 3, 4, 5, 6, 7, 8};
  ImageResult bad = working_image(junk.data(), junk.size(), 256);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.rfind("image: not a PNG, JPEG, BMP, GIF or PNM image", 0) == 0);
  CHECK(working_image(junk.data(), junk.size(), 0).error == "image: the working size must be positive");
}

TEST_CASE("procedural catalogue entries paint their style") {
  const CatalogImage* glass = find_catalog_image("stained_glass");
  REQUIRE(glass);
  CHECK(paint_catalog_image(*glass, 64, 3).to_vector() ==
        make_procedural_style(ProceduralStyle::StainedGlass, 64, 3).to_vector());
}
