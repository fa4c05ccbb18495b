// Static files the site ships besides the app (data sets), loaded on demand:
// the browser fetches them with progress, the desktop app reads them from the
// `data/` folder next to its executable. Demos poll once a frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct AssetStatus {
  enum class State { Loading, Ready, Failed };
  State state = State::Loading;
  float progress = 0;                          // 0..1 while loading
  std::string error;                           // when Failed
  const std::vector<uint8_t>* bytes = nullptr;  // when Ready; valid for the program's life
};

// Starts loading `name` (e.g. "data/fashion-mnist.bin") on the first call; later calls report progress.
AssetStatus request_asset(const std::string& name);

// The app registers how assets are fetched (app/assets_backend.cpp). Without
// one (unit tests, tools), files are read synchronously from this directory.
using AssetBackend = AssetStatus (*)(const std::string& name);
void set_asset_backend(AssetBackend backend);
void set_asset_directory(const std::string& directory);
