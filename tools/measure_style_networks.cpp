// Compares the two loss networks (docs/style-transfer.md, "Choosing the loss
// network"): Gatys transfer with each over content x style pairs, judged by
// metrics the optimisation did not see; and the time of one iteration.
//   build/native/measure_style_networks --third-party third_party --weights assets/style-loss-net.dlpw
//       [--size 128] [--iterations 30]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "demos/style_transfer/gatys_optimisation.h"
#include "demos/style_transfer/procedural_styles.h"
#include "demos/style_transfer/style_metrics.h"
#include "engine/data/image_loader.h"
#include "engine/io/bytes.h"
#include "tools/tool_options.h"

namespace {

constexpr const char* kProgram = "measure_style_networks";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Tensor photo(const std::string& path) {
  ImageResult r = load_image_file(path, 3);
  if (!r.ok) fail(path + ": " + r.error);
  return r.image;
}

}  // namespace

int main(int argc, char** argv) {
  std::string third_party, weights_path;
  int size = 128, iterations = 30;
  ToolOptions(kProgram)
      .text("--third-party", &third_party, "DIR")
      .text("--weights", &weights_path, "FILE")
      .whole("--size", &size, 16, 1024)
      .whole("--iterations", &iterations, 1, 100000)
      .parse(argc, argv);
  if (third_party.empty() || weights_path.empty()) fail("--third-party DIR and --weights FILE are required");
  std::vector<uint8_t> weights;
  std::string error;
  if (!read_whole_file(weights_path, 1 << 24, weights, error)) fail(error);

  const std::vector<std::pair<std::string, Tensor>> contents = {
      {"astronaut", photo(third_party + "/skimage-data/astronaut.png")},
      {"chelsea", photo(third_party + "/skimage-data/chelsea.png")},
      {"coffee", photo(third_party + "/skimage-data/coffee.png")}};
  const std::vector<std::pair<std::string, Tensor>> styles = {
      {"swirl", make_procedural_style(ProceduralStyle::Swirl, 256, 1)},
      {"stained_glass", make_procedural_style(ProceduralStyle::StainedGlass, 256, 1)},
      {"starry_night", photo(third_party + "/opencv-data/starry_night.jpg")}};

  LossNetwork judge = LossNetwork::random_normalised(1234);  // neither network optimised with
  std::printf("| network | content | style | histogram distance to style | SSIM to content | Gram loss under judge |\n");
  std::printf("|---|---|---|---|---|---|\n");
  double totals[3][3] = {};
  for (int kind = -1; kind < 2; ++kind) {
    for (const auto& [content_name, content] : contents)
      for (const auto& [style_name, style] : styles) {
        GatysSettings settings;
        settings.resolution = size;
        settings.network = kind == 1 ? LossNetworkKind::Classifier : LossNetworkKind::Random;
        GatysOptimisation gatys;
        if (!gatys.start(settings, content, style, &error, &weights)) fail(error);
        if (kind >= 0)
          for (int i = 0; i < iterations; ++i) gatys.iterate();
        const Tensor out = gatys.image();
        const double h = colour_histogram_distance(out, gatys.style()), s = ssim(out, gatys.content()),
                     g = gram_loss_under(judge, out, gatys.style());
        const int row = kind + 1;
        totals[row][0] += h / 9;
        totals[row][1] += s / 9;
        totals[row][2] += g / 9;
        std::printf("| %s | %s | %s | %.3f | %.3f | %.4f |\n",
                    kind < 0 ? "untouched content" : kind == 0 ? "random" : "classifier", content_name.c_str(),
                    style_name.c_str(), h, s, g);
        std::fflush(stdout);
      }
  }
  const char* names[3] = {"untouched content", "random", "classifier"};
  std::printf("\nmeans over the 9 pairs, %d iterations of L-BFGS at %d px:\n", iterations, size);
  for (int row = 0; row < 3; ++row)
    std::printf("| %s | %.3f | %.3f | %.4f |\n", names[row], totals[row][0], totals[row][1], totals[row][2]);

  // One iteration's time (forward + backward to the pixels + the L-BFGS update), median of 5.
  for (int side : {128, 192, 256}) {
    GatysSettings settings;
    settings.resolution = side;
    GatysOptimisation gatys;
    if (!gatys.start(settings, contents[0].second, styles[0].second, &error)) fail(error);
    gatys.iterate();
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      gatys.iterate();
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    std::printf("iteration at %dx%d: median %.3f s (min %.3f s)\n", side, side, times[2], times[0]);
  }
  return 0;
}
