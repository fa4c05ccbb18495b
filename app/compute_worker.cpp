// The compute worker's wasm (CMake target compute_worker): no window, no GL,
// no ImGui; just the background jobs, stepped by web/compute_worker.js inside
// a Web Worker. One job at a time per worker; bytes in, bytes out.
#include <emscripten.h>

#include <memory>
#include <string>

#include "demos/background_job.h"

namespace {

struct WorkerState {
  std::unique_ptr<BackgroundJob> job;
  Bytes message;      // the last step's message, read by JS right after the step
  std::string error;  // why the last start failed
};
WorkerState g_worker;

}  // namespace

extern "C" {

// 1 when the job started; 0 with compute_job_error() set otherwise.
EMSCRIPTEN_KEEPALIVE int compute_job_start(const char* kind, const uint8_t* input, int size) {
  static bool registered = false;
  if (!registered) register_all_background_jobs(), registered = true;
  g_worker = WorkerState{};
  g_worker.job = make_background_job(kind);
  if (!g_worker.job) {
    g_worker.error = std::string("unknown background job '") + kind + "'";
    return 0;
  }
  Bytes bytes(input, input + size);
  if (!g_worker.job->start(bytes, &g_worker.error)) {
    if (g_worker.error.empty()) g_worker.error = std::string("background job '") + kind + "' rejected its input";
    g_worker.job.reset();
    return 0;
  }
  return 1;
}

// One step: 1 if more follow, 0 when the job has finished (or none runs).
EMSCRIPTEN_KEEPALIVE int compute_job_step() {
  g_worker.message.clear();
  if (!g_worker.job) return 0;
  bool more = g_worker.job->step(&g_worker.message);
  if (!more) g_worker.job.reset();
  return more ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const uint8_t* compute_job_message_data() { return g_worker.message.data(); }
EMSCRIPTEN_KEEPALIVE int compute_job_message_size() { return static_cast<int>(g_worker.message.size()); }
EMSCRIPTEN_KEEPALIVE const char* compute_job_error() { return g_worker.error.c_str(); }
EMSCRIPTEN_KEEPALIVE void compute_job_stop() { g_worker = WorkerState{}; }

}  // extern "C"
