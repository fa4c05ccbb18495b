#include "demos/assets.h"

#include <map>

#include "engine/io/bytes.h"

namespace {

constexpr size_t kMaxAssetBytes = size_t{1} << 30;
AssetBackend g_backend = nullptr;
std::string g_directory = ".";

// Synchronous file reads, cached by path (so a test that points the
// directory elsewhere is not served an earlier failure): the fallback without
// a platform backend.
AssetStatus read_from_directory(const std::string& name) {
  static std::map<std::string, AssetStatus> cache;
  static std::map<std::string, std::vector<uint8_t>> contents;
  std::string path = g_directory + "/" + name;
  auto found = cache.find(path);
  if (found != cache.end()) return found->second;
  AssetStatus status;
  std::vector<uint8_t>& bytes = contents[path];
  if (read_whole_file(path, kMaxAssetBytes, bytes, status.error)) {
    status.state = AssetStatus::State::Ready;
    status.progress = 1;
    status.bytes = &bytes;
  } else {
    status.state = AssetStatus::State::Failed;
  }
  cache[path] = status;
  return status;
}

}  // namespace

AssetStatus request_asset(const std::string& name) {
  return g_backend ? g_backend(name) : read_from_directory(name);
}

void set_asset_backend(AssetBackend backend) { g_backend = backend; }
void set_asset_directory(const std::string& directory) { g_directory = directory; }
