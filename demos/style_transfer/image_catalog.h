// The style-transfer demo's built-in images: one table of content photos and
// style images. Each is either a site asset "data/style/<id>.png", made at
// build time by tools/make_style_images.cpp from a Debian package's file
// (docs/style-images.md), or painted by procedural_styles.h from a seed.
// Ids are URL-safe: the URL names built-in images by id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "demos/style_transfer/procedural_styles.h"
#include "engine/data/image_loader.h"

enum class ImageRole { Content, Style };

struct CatalogImage {
  const char* id;           // "astronaut", "starry_night", "swirl"
  const char* title;        // for the picker
  ImageRole role;
  const char* source_file;  // under third_party/ (tools/make_style_images.cpp reads it); nullptr if procedural
  bool procedural;
  ProceduralStyle procedural_kind;  // when procedural
  const char* licence;      // one line: author or origin, licence
  int trim = 0;             // source pixels cut from each edge first (a photographed frame)
};

constexpr int kStyleAssetMaxSide = 384;  // the long side of every shipped asset
constexpr int kPatternTileSide = 256;    // GIMP patterns are tiled up to this before shipping

const std::vector<CatalogImage>& image_catalog();
const CatalogImage* find_catalog_image(const std::string& id);  // nullptr if unknown
std::vector<const CatalogImage*> catalog_images(ImageRole role);

// "data/style/<id>.png" for asset images, "" for procedural ones.
std::string catalog_asset_path(const CatalogImage& image);

// Asset bytes (or a user's file) as a working image [1, 3, H, W]: decoded by
// the bounded loader (1 ... 4 channels become RGB, transparency on white),
// then shrunk so its long side is at most max_side.
ImageResult working_image(const uint8_t* data, size_t size, int max_side);

// A procedural entry painted at size x size.
Tensor paint_catalog_image(const CatalogImage& image, int size, uint64_t seed);
