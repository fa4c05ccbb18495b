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

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "train_style_classifier: %s\n", message.c_str());
  std::exit(1);
}

int parse_int(const std::string& name, const std::string& value, int lo, int hi) {
  char* end = nullptr;
  const long parsed = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || parsed < lo || parsed > hi)
    fail(name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not '" +
         value + "'");
  return static_cast<int>(parsed);
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    if (i + 1 >= argc) fail(name + " needs a value");
    const std::string value = argv[i + 1];
    if (name == "--third-party") options.third_party = value;
    else if (name == "--out") options.out_path = value;
    else if (name == "--steps") options.steps = parse_int(name, value, 1, 1000000);
    else if (name == "--batch") options.batch = parse_int(name, value, 1, 1024);
    else if (name == "--evaluate-every") options.evaluate_every = parse_int(name, value, 1, 1000000);
    else if (name == "--seed") options.seed = static_cast<uint64_t>(parse_int(name, value, 0, 1 << 30));
    else if (name == "--learning-rate") options.learning_rate = std::strtof(value.c_str(), nullptr);
    else fail("unknown option '" + name + "' (usage: --third-party DIR --out FILE [--steps N] [--batch B] "
              "[--evaluate-every N] [--seed S] [--learning-rate R])");
  }
  if (options.third_party.empty() || options.out_path.empty()) fail("--third-party DIR and --out FILE are required");
  if (!(options.learning_rate > 0)) fail("--learning-rate must be a positive number");
  return options;
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
