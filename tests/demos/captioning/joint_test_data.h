// The real Fashion-MNIST subset's scene items, loaded once for the retrieval and VQA tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "demos/captioning/scene.h"

inline const SceneItems& real_scene_items() {
  static SceneItems items;
  static const bool loaded = [] {
    std::ifstream file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin", std::ios::binary);
    if (!file) return false;
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const ImageAssetResult parsed = parse_image_asset(bytes.data(), bytes.size());
    return parsed.ok && items.load(parsed.asset).empty();
  }();
  REQUIRE_MESSAGE(loaded, "build the data assets first (data/fashion-mnist.bin)");
  return items;
}
