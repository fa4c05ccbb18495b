// Trains the style-transfer demo's classifier loss network with the project's
// own engine and writes its weights (.dlpw). The shipped
// assets/style-loss-net.dlpw was made by (see docs/style-transfer.md):
//   build/native/train_style_classifier --third-party third_party --out assets/style-loss-net.dlpw
// Single-threaded and seeded: the same arguments give the same bytes on the same build.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "demos/style_transfer/style_classifier.h"
#include "tools/tool_options.h"

namespace {

struct Options {
  std::string third_party;
  std::string out_path;
  int steps = 400;
  int batch = 32;
  int evaluate_every = 50;
  float learning_rate = 1e-3f;
  uint64_t seed = 1;
};

constexpr const char* kProgram = "train_style_classifier";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Options parse(int argc, char** argv) {
  Options o;
  ToolOptions(kProgram)
      .text("--third-party", &o.third_party, "DIR")
      .text("--out", &o.out_path, "FILE")
      .whole("--steps", &o.steps, 1, 1000000)
      .whole("--batch", &o.batch, 1, 1024)
      .whole("--evaluate-every", &o.evaluate_every, 1, 1000000)
      .seed("--seed", &o.seed)
      .number("--learning-rate", &o.learning_rate)
      .parse(argc, argv);
  if (o.third_party.empty() || o.out_path.empty()) fail("--third-party DIR and --out FILE are required");
  if (!(o.learning_rate > 0)) fail("--learning-rate must be a positive number");
  return o;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  std::vector<ClassifierImage> sources;
  std::string error;
  if (!load_classifier_sources(options.third_party, &sources, &error))
    fail(error + " (run tools/setup.sh: it links third_party/gimp-patterns, skimage-data, opencv-data)");
  std::printf("%zu source images\n", sources.size());

  StyleClassifier model(static_cast<int>(sources.size()), options.seed);
  ClassifierTrainingSettings settings;
  settings.batch = options.batch;
  settings.learning_rate = options.learning_rate;
  settings.data_seed = options.seed + 6;
  ClassifierTraining training(model, sources, settings);
  const auto start = std::chrono::steady_clock::now();
  double recent_loss = 0;
  for (int step = 1; step <= options.steps; ++step) {
    recent_loss += training.step();
    if (step % options.evaluate_every == 0 || step == options.steps) {
      const int span = step % options.evaluate_every == 0 ? options.evaluate_every : step % options.evaluate_every;
      std::printf("step %5d  loss %.4f  accuracy on 256 fresh crops %.3f  %.0f s\n", step, recent_loss / span,
                  classifier_accuracy(model, sources, 256, settings.crop, 1000 + static_cast<uint64_t>(step)),
                  seconds_since(start));
      std::fflush(stdout);
      recent_loss = 0;
    }
  }
  // Mean activation 1 per layer over fixed crops, the logits unchanged.
  Pcg32 rng(options.seed, 0x4e0);
  std::vector<Tensor> normalisation;
  for (int i = 0; i < 4; ++i) normalisation.push_back(sample_crops(sources, 16, settings.crop, false, rng).images);
  model.normalise(normalisation);
  const std::vector<uint8_t> bytes = model.save();
  FILE* file = std::fopen(options.out_path.c_str(), "wb");
  if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) fail("cannot write " + options.out_path);
  std::fclose(file);
  std::printf("wrote %s (%zu bytes) after %.0f s; accuracy on 1024 fresh crops %.3f\n", options.out_path.c_str(),
              bytes.size(), seconds_since(start), classifier_accuracy(model, sources, 1024, settings.crop, 99));
  return 0;
}
