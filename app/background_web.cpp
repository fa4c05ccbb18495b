// Browser background tasks: each BackgroundTask owns one Web Worker with its
// own wasm instance, managed by web/background_host.js (window.playgroundBackground);
// this file is the thin C++ side of it.
#include <emscripten.h>

#include <cstdlib>

#include "app/background_backend.h"

namespace {

EM_JS(int, js_background_create, (int max_queued), { return window.playgroundBackground.create(max_queued); });

EM_JS(void, js_background_start, (int id, const char* kind, const uint8_t* input, int size), {
  window.playgroundBackground.start(id, UTF8ToString(kind), HEAPU8.subarray(input, input + size));
});

EM_JS(void, js_background_cancel, (int id), { window.playgroundBackground.cancel(id); });
EM_JS(int, js_background_next_size, (int id), { return window.playgroundBackground.nextSize(id); });

EM_JS(void, js_background_take, (int id, uint8_t* destination), {
  HEAPU8.set(window.playgroundBackground.take(id), destination);
});

EM_JS(int, js_background_running, (int id), { return window.playgroundBackground.running(id) ? 1 : 0; });

EM_JS(char*, js_background_error, (int id), {
  const text = window.playgroundBackground.error(id);
  if (!text) return 0;
  const size = lengthBytesUTF8(text) + 1;
  const pointer = _malloc(size);
  stringToUTF8(text, pointer, size);
  return pointer;
});

EM_JS(void, js_background_destroy, (int id), { window.playgroundBackground.destroy(id); });

class WorkerTask : public BackgroundTask::Impl {
 public:
  WorkerTask() : id_(js_background_create(static_cast<int>(kMaxQueuedBackgroundMessages))) {}
  ~WorkerTask() override { js_background_destroy(id_); }

  void start(const std::string& kind, Bytes input) override {
    js_background_start(id_, kind.c_str(), input.data(), static_cast<int>(input.size()));
  }

  void cancel() override { js_background_cancel(id_); }

  bool poll(Bytes* message) override {
    int size = js_background_next_size(id_);
    if (size < 0) return false;
    message->resize(static_cast<size_t>(size));
    js_background_take(id_, message->data());
    return true;
  }

  bool running() const override { return js_background_running(id_) != 0; }

  const std::string& error() const override {
    char* text = js_background_error(id_);
    error_ = text ? text : "";
    std::free(text);
    return error_;
  }

 private:
  int id_;
  mutable std::string error_;
};

struct WorkerBackend : BackgroundBackend {
  std::unique_ptr<BackgroundTask::Impl> make_task() override { return std::make_unique<WorkerTask>(); }
};

}  // namespace

namespace background_backend {

BackgroundBackend* get() {
  static WorkerBackend backend;
  return &backend;
}

void init() {
  register_all_background_jobs();
  set_background_backend(get());
}

}  // namespace background_backend
