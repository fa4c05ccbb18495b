// Trains the captioning demo's two models, Show and Tell and Show, Attend and
// Tell, with the project's own engine and writes both into one weights file.
// The shipped assets/captioner.dlpw was made by (see docs/captioning.md, "Models"):
//   nice -n 10 build/native/train_captioner --data build/native/data/fashion-mnist.bin --out assets/captioner.dlpw
// Seeded: the same arguments give the same bytes on the same build.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "demos/captioning/caption_training.h"
#include "demos/captioning/caption_weights.h"
#include "tools/tool_options.h"

namespace {

struct Options {
  std::string data_path;
  std::string out_path;
  int steps = 2400;  // per model
  int batch = 32;
  int evaluate_every = 300;
  int evaluate_scenes = 50;  // per split, greedy, at each report; the final report uses 4x as many
  float learning_rate = 3e-3f;
  // lambda of the doubly stochastic penalty. Xu et al. use 1 with L = 196 cells; here
  // sum_i (1 - sum_t alpha_ti)^2 is about 45 for a 10-word caption over 64 cells whatever
  // the model does, and lambda = 1 would pull attention towards spreading evenly.
  float penalty = 0.02f;
  uint64_t seed = kCaptionerSeed;
  // "attention" or "show_tell" trains that model alone, for experiments: the other model in
  // the written file is left at its seeded initialisation. Empty trains both (the shipped file).
  std::string only;
};

constexpr const char* kProgram = "train_captioner";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Options parse(int argc, char** argv) {
  Options o;
  ToolOptions(kProgram)
      .text("--data", &o.data_path, "FILE")
      .text("--out", &o.out_path, "FILE")
      .whole("--steps", &o.steps, 1, 10000000)
      .whole("--batch", &o.batch, 1, 1024)
      .whole("--evaluate-every", &o.evaluate_every, 1, 10000000)
      .whole("--evaluate-scenes", &o.evaluate_scenes, 1, 100000)
      .seed("--seed", &o.seed)
      .number("--learning-rate", &o.learning_rate)
      .number("--penalty", &o.penalty)
      .text("--only", &o.only, "MODEL")
      .parse(argc, argv);
  if (o.data_path.empty() || o.out_path.empty()) fail("--data FILE and --out FILE are required");
  if (!(o.learning_rate > 0)) fail("--learning-rate must be positive");
  if (!o.only.empty() && o.only != "attention" && o.only != "show_tell")
    fail("--only takes attention or show_tell, not '" + o.only + "'");
  return o;
}

SceneItems load_items(const std::string& path) {
  SceneItems items;
  if (const std::string error = items.load_file(path); !error.empty())
    fail(error + " (build the native preset: it writes data/fashion-mnist.bin)");
  return items;
}

// Seeds of the scenes scored during and after training; training scenes are a separate split.
constexpr uint64_t kEvaluationSeed = 1;

void report(const char* label, const Captioner& model, const SceneItems& items, int scenes) {
  const CaptionEvaluation test = evaluate_captions(model, items, SceneSplit::test, kEvaluationSeed, scenes);
  const CaptionEvaluation multi = evaluate_captions(model, items, SceneSplit::test, kEvaluationSeed, scenes,
                                                    CaptionDecoding::greedy, 1, 2);
  const CaptionEvaluation heldout = evaluate_captions(model, items, SceneSplit::heldout, kEvaluationSeed, scenes);
  std::printf("  %s BLEU-1..4 test %.3f %.3f %.3f %.3f | multi-object test %.3f %.3f %.3f %.3f | held-out %.3f %.3f %.3f %.3f\n",
              label, test.bleu[0], test.bleu[1], test.bleu[2], test.bleu[3], multi.bleu[0], multi.bleu[1],
              multi.bleu[2], multi.bleu[3], heldout.bleu[0], heldout.bleu[1], heldout.bleu[2], heldout.bleu[3]);
  std::printf("    e.g. \"%s\" / \"%s\"\n", test.captions[0].c_str(), test.captions[1].c_str());
  std::fflush(stdout);
}

void train(Captioner& model, const SceneItems& items, const Options& options) {
  CaptionTrainingSettings settings;
  settings.batch = options.batch;
  settings.learning_rate = options.learning_rate;
  settings.seed = options.seed;
  CaptionTrainer trainer(model, items, settings);
  // Cosine decay to a tenth of the rate over the run (Loshchilov & Hutter 2017).
  const float base_rate = options.learning_rate;
  const int total = options.steps;
  trainer.optimizer().schedule = [base_rate, total](int step) {
    const double progress = std::min(1.0, static_cast<double>(step) / total);
    return base_rate * static_cast<float>(0.1 + 0.9 * 0.5 * (1.0 + std::cos(3.141592653589793 * progress)));
  };
  const char* name = caption_model_name(model.model());
  std::printf("%s: %zu parameters\n", name, model.parameter_count());
  const auto start = std::chrono::steady_clock::now();
  double recent_loss = 0, recent_penalty = 0;
  int recent = 0;
  for (int step = 1; step <= options.steps; ++step) {
    const CaptionStepReport out = trainer.step();
    if (!std::isfinite(out.loss)) fail(std::string(name) + " step " + std::to_string(step) + ": " + trainer.error());
    recent_loss += out.parts.cross_entropy;
    recent_penalty += out.parts.penalty;
    ++recent;
    if (step % options.evaluate_every == 0 || step == options.steps) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("%s step %d  cross-entropy %.4f  penalty %.4f  lr %.5f  %.0f s\n", name, step, recent_loss / recent,
                  recent_penalty / recent, static_cast<double>(trainer.optimizer().current_learning_rate()), seconds);
      recent_loss = recent_penalty = 0;
      recent = 0;
      report(name, model, items, options.evaluate_scenes);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const SceneItems items = load_items(options.data_path);
  Captioner show_tell(CaptionModel::show_tell, options.seed);
  Captioner attention(CaptionModel::attention, options.seed);
  attention.penalty_weight = options.penalty;
  // The two models share nothing, so they train side by side (each on its own
  // seeded stream: the bytes do not depend on the threads' timing).
  std::thread show_tell_training([&] {
    if (options.only != "attention") train(show_tell, items, options);
  });
  if (options.only != "show_tell") train(attention, items, options);
  show_tell_training.join();
  const std::vector<uint8_t> bytes = save_captioners(show_tell, attention);
  std::ofstream file(options.out_path, std::ios::binary);
  if (bytes.empty() || !file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
    fail("cannot write " + options.out_path);
  std::printf("wrote %s (%zu bytes)\n", options.out_path.c_str(), bytes.size());
  std::printf("final, %d scenes per split:\n", 4 * options.evaluate_scenes);
  report("show_tell", show_tell, items, 4 * options.evaluate_scenes);
  report("attention", attention, items, 4 * options.evaluate_scenes);
  return 0;
}
