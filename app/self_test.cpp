#include "app/self_test.h"

#include <emscripten.h>

#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/jobs/count_primes_job.h"
#include "demos/user_files.h"
#include "imgui.h"

namespace {

struct SelfTest {
  BackgroundTask task;
  bool job_started = false;
  uint32_t job_limit = 0;
  int messages = 0, stale = 0;
  bool paused = false;   // polling stopped, as a hidden tab stops frames
  int largest_drain = 0;  // most messages taken in one frame
  bool in_order = true;
  CountPrimesProgress last;

  bool capture_files = false;
  int files = 0;
  std::string file_name;
  size_t file_size = 0;
  uint32_t file_checksum = 0;  // sum of the bytes, mod 2^32
  std::string file_message;

  bool show_image = false;
  bool image_nearest = true;
  RgbImage image;  // 4x4 cells of known colours, drawn at a fixed place for screenshots
};
constexpr float kImageLeft = 600, kImageTop = 200, kImageSize = 256;  // logical pixels
SelfTest* g_test = nullptr;  // made on first use: most pages never run a self-test

SelfTest& test() {
  if (!g_test) g_test = new SelfTest;
  return *g_test;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

}  // namespace

namespace self_test {

void frame() {
  if (!g_test) return;
  SelfTest& t = *g_test;
  Bytes message;
  int drained = 0;
  while (t.job_started && !t.paused && t.task.poll(&message)) {
    ++drained;
    CountPrimesProgress progress;
    std::string error;
    if (!decode_count_primes_progress(message, &progress, &error)) continue;
    if (progress.limit != t.job_limit) {
      ++t.stale;  // a message of a job that was restarted: must never happen
      continue;
    }
    if (t.messages > 0 && progress.checked_below <= t.last.checked_below) t.in_order = false;
    t.last = progress;
    ++t.messages;
  }
  if (drained > t.largest_drain) t.largest_drain = drained;
  std::string name;
  std::vector<uint8_t> bytes;
  while (t.capture_files && take_user_file(&name, &bytes)) {
    ++t.files;
    t.file_name = name;
    t.file_size = bytes.size();
    t.file_checksum = 0;
    for (uint8_t b : bytes) t.file_checksum += b;
  }
  while (t.capture_files && take_user_files_message(&name)) t.file_message = name;
  if (t.show_image) {
    ImGui::SetNextWindowPos(ImVec2(kImageLeft, kImageTop));
    ImGui::SetNextWindowSize(ImVec2(kImageSize + 16, kImageSize + 16));
    ImGui::Begin("##self_test_image", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImVec2 min(kImageLeft + 8, kImageTop + 8);
    draw_rgb_image(min, ImVec2(min.x + kImageSize, min.y + kImageSize), t.image, 9000, t.image_nearest);
    ImGui::End();
  }
}

}  // namespace self_test

extern "C" {

// Starts (or restarts) counting the primes below `limit`, `per_step` numbers a step.
EMSCRIPTEN_KEEPALIVE void playground_self_test_primes(int limit, int per_step) {
  SelfTest& t = test();
  t.task.start("count_primes", encode_count_primes_input({static_cast<uint32_t>(limit), static_cast<uint32_t>(per_step)}));
  t.job_started = true;
  t.job_limit = static_cast<uint32_t>(limit);
  t.messages = 0;
  t.in_order = true;
  t.largest_drain = 0;
  t.last = CountPrimesProgress{};
}

// Stops (1) or resumes (0) polling the job, to see the queue limit hold.
EMSCRIPTEN_KEEPALIVE void playground_self_test_pause(int paused) { test().paused = paused != 0; }

EMSCRIPTEN_KEEPALIVE void playground_self_test_cancel() { test().task.cancel(); }

// From now on, files the page delivers are counted here instead of reaching a demo.
EMSCRIPTEN_KEEPALIVE void playground_self_test_capture_files() { test().capture_files = true; }

// Saves a width x height gradient as self-test.png through save_png (a download in the browser).
EMSCRIPTEN_KEEPALIVE void playground_self_test_save_png(int width, int height) {
  RgbImage image;
  std::vector<float> planes(static_cast<size_t>(3 * width * height));
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        planes[static_cast<size_t>((c * height + y) * width + x)] =
            c == 0 ? static_cast<float>(x) / static_cast<float>(width) : c == 1 ? static_cast<float>(y) / static_cast<float>(height) : 0.5f;
  set_rgb_image_from_planes(image, planes.data(), width, height);
  test().capture_files = true;  // the outcome message lands in the status
  save_png("self-test.png", image);
}

// Shows a 4x4 image whose cell (x, y) has colour (x * 80 + shift, y * 80, 255 - shift) at
// (600, 200)-(856, 456), nearest-sampled when `nearest`; a new `shift` bumps the version.
EMSCRIPTEN_KEEPALIVE void playground_self_test_show_image(int shift, int nearest) {
  SelfTest& t = test();
  std::vector<float> planes(3 * 16);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) {
      planes[static_cast<size_t>(y * 4 + x)] = static_cast<float>(x * 80 + shift) / 255.0f;
      planes[static_cast<size_t>(16 + y * 4 + x)] = static_cast<float>(y * 80) / 255.0f;
      planes[static_cast<size_t>(32 + y * 4 + x)] = static_cast<float>(255 - shift) / 255.0f;
    }
  set_rgb_image_from_planes(t.image, planes.data(), 4, 4);
  t.image_nearest = nearest != 0;
  t.show_image = true;
}

EMSCRIPTEN_KEEPALIVE const char* playground_self_test_json() {
  static std::string out;
  SelfTest& t = test();
  out = "{\"job\":{\"running\":" + std::string(t.task.running() ? "true" : "false") +
        ",\"error\":" + json_string(t.task.error()) + ",\"messages\":" + std::to_string(t.messages) +
        ",\"stale\":" + std::to_string(t.stale) + ",\"largest_drain\":" + std::to_string(t.largest_drain) +
        ",\"in_order\":" + (t.in_order ? "true" : "false") +
        ",\"limit\":" + std::to_string(t.last.limit) + ",\"checked_below\":" + std::to_string(t.last.checked_below) +
        ",\"primes\":" + std::to_string(t.last.primes) + ",\"finished\":" + (t.last.finished ? "true" : "false") +
        "},\"files\":{\"count\":" + std::to_string(t.files) + ",\"name\":" + json_string(t.file_name) +
        ",\"size\":" + std::to_string(t.file_size) + ",\"checksum\":" + std::to_string(t.file_checksum) +
        ",\"message\":" + json_string(t.file_message) + "}}";
  return out.c_str();
}
}
