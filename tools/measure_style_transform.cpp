// Measures the fast style-transfer network on the held-out photos against
// pixel optimisation on the same loss (demos/style_transfer/fast_evaluation.h),
// and its speed; the numbers of docs/style-transfer-fast.md came from:
//   build/native/measure_style_transform --weights assets/style-transform.dlpw
// --pictures FILE also writes a contact sheet (PNG): a row per held-out photo,
// the photo and then each style, to look at.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "demos/rgb_image.h"
#include "demos/style_transfer/fast_evaluation.h"
#include "demos/style_transfer/fast_styles.h"
#include "demos/style_transfer/photo_crops.h"
#include "demos/user_files.h"
#include "engine/io/weights.h"
#include "tools/tool_options.h"

namespace {

constexpr const char* kProgram = "measure_style_transform";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr int kSheetHeight = 160;  // each picture's height in the sheet

// Copies a planar [1, 3, H, W] picture into the sheet at (x0, y0).
void paste(RgbImage& sheet, const Tensor& picture, int x0, int y0) {
  RgbImage tile;
  set_rgb_image_from_planes(tile, picture.data(), picture.shape()[3], picture.shape()[2]);
  const size_t row_bytes = static_cast<size_t>(tile.width) * 4;
  for (int y = 0; y < tile.height; ++y)
    std::copy_n(tile.rgba.begin() + static_cast<std::ptrdiff_t>(y * row_bytes), row_bytes,
                sheet.rgba.begin() + static_cast<std::ptrdiff_t>(((y0 + y) * sheet.width + x0) * 4));
}

// A row per held-out photo: the photo, then every style at strength 1.
void write_sheet(TransformNetwork& network, const std::vector<Tensor>& photos, const std::string& path) {
  std::vector<Tensor> rows;
  int width = 0;
  for (const Tensor& photo : photos) {
    const int w = photo.shape()[3] * kSheetHeight / photo.shape()[2];
    rows.push_back(resize_area(photo, kSheetHeight, w));
    width = std::max(width, w * (1 + kFastStyleCount));
  }
  RgbImage sheet;
  sheet.width = width;
  sheet.height = kSheetHeight * static_cast<int>(rows.size());
  sheet.rgba.assign(static_cast<size_t>(sheet.width) * sheet.height * 4, 255);
  for (size_t r = 0; r < rows.size(); ++r) {
    const int w = rows[r].shape()[3], y0 = kSheetHeight * static_cast<int>(r);
    paste(sheet, rows[r], 0, y0);
    for (int s = 0; s < kFastStyleCount; ++s) {
      const StyliseResult result = stylise(network, rows[r], s);
      if (!result.ok) fail(result.error);
      paste(sheet, result.image, w * (1 + s), y0);
    }
  }
  std::vector<uint8_t> png;
  std::string error;
  if (!encode_png(sheet, &png, &error)) fail(error);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  if (!out) fail("cannot write " + path);
  std::printf("wrote %s\n", path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string weights = "assets/style-transform.dlpw", data_dir = "third_party", pictures;
  int iterations = 100, timing_runs = 5;
  float rate = 0.02f;
  ToolOptions(kProgram)
      .text("--weights", &weights, "FILE")
      .text("--data", &data_dir, "DIR")
      .whole("--iterations", &iterations, 0, 100000)
      .number("--rate", &rate)
      .whole("--timing-runs", &timing_runs, 1, 1000)
      .text("--pictures", &pictures, "FILE")
      .parse(argc, argv);
  FastTrainingData data;
  std::string error;
  if (!load_fast_training_data(data_dir, &data, &error)) fail(error);
  TransformNetwork network(fast_network_shape(), 1);
  const LoadResult loaded = load_weights_file(weights, network.parameters());
  if (!loaded.ok) fail(weights + ": " + loaded.error);
  LossNetwork loss_network = LossNetwork::random_normalised(kFastLossNetworkSeed);
  TransformTrainer trainer(network, loss_network, TransformTrainingSettings{});
  if (!trainer.set_data(data.styles, data.photos, &error)) fail(error);

  if (!pictures.empty()) write_sheet(network, data.held_out, pictures);

  // Speed: one 256 x 256 forward pass, median of timing_runs.
  const Tensor square = resize_area(data.held_out[0], 256, 256);
  // Wall time, and the process's CPU time, which a busy shared machine disturbs less.
  std::vector<double> ms, cpu_ms;
  for (int r = 0; r < timing_runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    if (!stylise(network, square, 0).ok) fail("stylise failed");
    cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    ms.push_back(1000 * seconds_since(start));
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::printf("fast network: %.1f ms wall, %.1f ms CPU per 256x256 image (medians of %d, one thread), %.2f GMAC\n",
              ms[ms.size() / 2], cpu_ms[cpu_ms.size() / 2], timing_runs, network.forward_macs(256, 256) * 1e-9);

  std::printf("\n| style | photo | content: fast | content: optimised | style: fast | style: optimised | style: photo |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  double optimise_seconds = 0;
  int optimise_iterations = 0;
  for (int s = 0; s < kFastStyleCount; ++s) {
    double sums[5] = {0, 0, 0, 0, 0};
    for (size_t p = 0; p < data.held_out.size(); ++p) {
      const Tensor& photo = data.held_out[p];
      const TransformLosses fast = trainer.evaluate(photo, s, &error);
      const TransformLosses untouched = trainer.measure(photo, photo, s, &error);
      const auto start = std::chrono::steady_clock::now();
      const Tensor optimised = optimise_pixels(trainer, photo, s, iterations, rate, &error);
      optimise_seconds += seconds_since(start);
      optimise_iterations += iterations;
      if (optimised.empty()) fail(error);
      const TransformLosses gatys = trainer.measure(optimised, photo, s, &error);
      if (!error.empty()) fail(error);
      const double row[5] = {fast.content, gatys.content, fast.style, gatys.style, untouched.style};
      std::printf("| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f |\n", kFastStyles[s].id, kFastHeldOutPhotos[p],
                  row[0], row[1], row[2], row[3], row[4]);
      for (int k = 0; k < 5; ++k) sums[k] += row[k] / static_cast<double>(data.held_out.size());
    }
    std::printf("| %s | **mean** | %.3f | %.3f | %.3f | %.3f | %.3f |\n", kFastStyles[s].id, sums[0], sums[1], sums[2],
                sums[3], sums[4]);
    std::fflush(stdout);
  }
  std::printf("\noptimisation: %d Adam iterations per image at rate %g, %.0f ms per iteration\n", iterations,
              static_cast<double>(rate), 1000 * optimise_seconds / std::max(1, optimise_iterations));
  return 0;
}
