// Trains the temperature demo's character language model with the project's
// own engine and writes its weights (.dlpw). The shipped assets/char-gru.dlpw
// was made by (see docs/char-language-model.md):
//   build/native/train_char_lm --text build/native/data/pride-and-prejudice.txt --out assets/char-gru.dlpw
// Seeded: the same arguments give the same weights on the same build.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "demos/softmax_temperature/char_lm_training.h"
#include "demos/softmax_temperature/language_model_panel.h"
#include "engine/io/weights.h"
#include "tools/tool_options.h"

namespace {

struct Options {
  std::string text_path;
  std::string out_path;
  int hidden = LanguageModelPanel::kHiddenSize;
  int steps = 8000;
  int evaluate_every = 500;
  float learning_rate = 3e-3f;
  uint64_t seed = LanguageModelPanel::kSeed;
};

constexpr const char* kProgram = "train_char_lm";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Options parse(int argc, char** argv) {
  Options o;
  ToolOptions(kProgram)
      .text("--text", &o.text_path, "FILE")
      .text("--out", &o.out_path, "FILE")
      .whole("--hidden", &o.hidden, 1, 1024)
      .whole("--steps", &o.steps, 1, 10000000)
      .whole("--evaluate-every", &o.evaluate_every, 1, 10000000)
      .seed("--seed", &o.seed)
      .number("--learning-rate", &o.learning_rate)
      .parse(argc, argv);
  if (o.text_path.empty() || o.out_path.empty()) fail("--text FILE and --out FILE are required");
  if (!(o.learning_rate > 0)) fail("--learning-rate must be a positive number");
  return o;
}

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) fail("cannot read " + path + " (build the native preset: it writes data/pride-and-prejudice.txt)");
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

void save(const CharLanguageModel& model, const std::string& path) {
  if (!save_weights_file(path, model.parameters())) fail("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const TextSplit split = split_text(read_text(options.text_path));
  CharLanguageModel model(options.hidden, options.seed);
  CharLmTrainer trainer(model, split.train, TrainerSettings{});
  // Cosine decay to a tenth of the rate over the run (Loshchilov & Hutter 2017).
  const float base_rate = options.learning_rate;
  const int total = options.steps;
  trainer.optimizer().schedule = [base_rate, total](int step) {
    const double progress = std::min(1.0, static_cast<double>(step) / total);
    return base_rate * static_cast<float>(0.1 + 0.9 * 0.5 * (1.0 + std::cos(3.141592653589793 * progress)));
  };
  std::printf("train %zu chars, held out %zu chars, %zu parameters (%zu bytes of weights)\n", split.train.size(),
              split.held_out.size(), model.parameter_count(), model.parameter_count() * 4);
  const auto start = std::chrono::steady_clock::now();
  double recent_loss = 0;
  int recent = 0;
  for (int step = 1; step <= options.steps; ++step) {
    const float loss = trainer.train_step();
    if (!std::isfinite(loss)) fail("step " + std::to_string(step) + ": " + trainer.error());
    recent_loss += loss;
    ++recent;
    if (step % options.evaluate_every == 0 || step == options.steps) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("step %d  train %.4f  held-out %.4f  lr %.5f  %.0f s\n", step, recent_loss / recent,
                  held_out_loss(model, split.held_out), static_cast<double>(trainer.optimizer().current_learning_rate()),
                  seconds);
      std::fflush(stdout);
      recent_loss = 0;
      recent = 0;
      save(model, options.out_path);  // a stopped run still leaves usable weights
    }
  }
  save(model, options.out_path);
  std::printf("wrote %s\n", options.out_path.c_str());
  return 0;
}
