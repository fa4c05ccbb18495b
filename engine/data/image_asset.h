// A compact asset of labelled 8-bit greyscale images: the Fashion-MNIST
// subsets the web build loads lazily (written by tools/make_image_asset.js;
// byte layout in docs/image-asset-format.md). Parsing validates everything
// and reports a clear error for a truncated or corrupt file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct ImageSet {
  int count = 0, rows = 0, cols = 0;
  std::vector<uint8_t> pixels;  // count * rows * cols, row-major, 0 = background
  std::vector<uint8_t> labels;  // count class indices
};

struct ImageAsset {
  std::vector<std::string> class_names;  // e.g. "T-shirt/top", ...; its size is the class count
  ImageSet train, test;
};

struct ImageAssetResult {
  bool ok = false;
  std::string error;  // "image asset: ..." when !ok
  ImageAsset asset;
};

ImageAssetResult parse_image_asset(const uint8_t* data, size_t size);
// The same bytes the node tool writes; empty if parse_image_asset would refuse the asset.
std::vector<uint8_t> encode_image_asset(const ImageAsset& asset);
