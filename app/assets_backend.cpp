#include "app/assets_backend.h"

#include <SDL.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "demos/assets.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace {

struct Entry {
  AssetStatus status;
  std::vector<uint8_t> bytes;
};
std::map<int, Entry> g_entries;  // by request id; never erased, so bytes stay valid
std::map<std::string, int> g_ids;

// Streams the file with progress, then hands the bytes to the callbacks below.
EM_JS(void, js_fetch_asset, (int id, const char* name_pointer), {
  const name = UTF8ToString(name_pointer);
  (async () => {
    try {
      const response = await fetch(name);
      if (!response.ok) throw new Error("HTTP " + response.status);
      const total = Number(response.headers.get("Content-Length")) || 0;
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        if (total) _playground_asset_progress(id, Math.min(1, received / total));
      }
      const pointer = _malloc(Math.max(1, received));
      if (!pointer) throw new Error("not enough memory for " + received + " bytes");
      let offset = 0;
      for (const chunk of chunks) {
        HEAPU8.set(chunk, pointer + offset);
        offset += chunk.length;
      }
      _playground_asset_loaded(id, pointer, received);
    } catch (e) {
      const message = "could not download " + name + " (" + (e && e.message ? e.message : e) + ")";
      const size = lengthBytesUTF8(message) + 1;
      const pointer = _malloc(size);  // 0 if even the message does not fit: the C side then says so
      if (pointer) stringToUTF8(message, pointer, size);
      _playground_asset_failed(id, pointer);
    }
  })();
});

AssetStatus fetch_in_browser(const std::string& name) {
  auto found = g_ids.find(name);
  if (found != g_ids.end()) return g_entries[found->second].status;
  int id = static_cast<int>(g_ids.size());
  g_ids[name] = id;
  g_entries[id] = Entry{};
  js_fetch_asset(id, name.c_str());
  return g_entries[id].status;
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void playground_asset_progress(int id, float fraction) { g_entries[id].status.progress = fraction; }

EMSCRIPTEN_KEEPALIVE void playground_asset_loaded(int id, uint8_t* data, int size) {
  Entry& entry = g_entries[id];
  entry.bytes.assign(data, data + size);
  std::free(data);
  entry.status.state = AssetStatus::State::Ready;
  entry.status.progress = 1;
  entry.status.bytes = &entry.bytes;
}

EMSCRIPTEN_KEEPALIVE void playground_asset_failed(int id, char* message) {
  Entry& entry = g_entries[id];
  entry.status.state = AssetStatus::State::Failed;
  entry.status.error = message ? message : "could not download an asset (out of memory)";
  std::free(message);
}
}

namespace assets_backend {
void init() { set_asset_backend(fetch_in_browser); }
}  // namespace assets_backend

#else

namespace assets_backend {
void init() {
  // The desktop app reads data/ beside its executable (the build puts it there).
  char* base = SDL_GetBasePath();
  if (base) {
    set_asset_directory(base);
    SDL_free(base);
  }
}
}  // namespace assets_backend

#endif
