// The real Fashion-MNIST subset (the build's data/fashion-mnist.bin) as scene
// items, loaded once for the captioning tests that train or score models.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "demos/captioning/scene.h"

inline const SceneItems& real_scene_items() {
  static SceneItems items;
  static const std::string error = items.load_file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin");
  REQUIRE_MESSAGE(error.empty(), error);
  return items;
}

inline std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}
