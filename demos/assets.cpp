#include "demos/assets.h"

#include <cstdio>
#include <map>

namespace {

AssetBackend g_backend = nullptr;
std::string g_directory = ".";

// Synchronous file reads, cached: the fallback without a platform backend.
AssetStatus read_from_directory(const std::string& name) {
  static std::map<std::string, AssetStatus> cache;
  static std::map<std::string, std::vector<uint8_t>> contents;
  auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  AssetStatus status;
  std::string path = g_directory + "/" + name;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    status.state = AssetStatus::State::Failed;
    status.error = "cannot open " + path;
  } else {
    std::vector<uint8_t>& bytes = contents[name];
    uint8_t buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.insert(bytes.end(), buffer, buffer + n);
    std::fclose(file);
    status.state = AssetStatus::State::Ready;
    status.progress = 1;
    status.bytes = &bytes;
  }
  cache[name] = status;
  return status;
}

}  // namespace

AssetStatus request_asset(const std::string& name) {
  return g_backend ? g_backend(name) : read_from_directory(name);
}

void set_asset_backend(AssetBackend backend) { g_backend = backend; }
void set_asset_directory(const std::string& directory) { g_directory = directory; }
