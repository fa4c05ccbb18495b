// Trains the captioning demo's retrieval and VQA models together (one image
// encoder, joint embedding + VQA, demos/captioning/joint_vqa_training.h) and
// writes their weights (.dlpw). The shipped assets/joint-vqa.dlpw was made by
// (docs/captioning.md, "Retrieval" and "VQA"):
//   nice -n 10 build/native/train_joint --data build/native/data/fashion-mnist.bin --out assets/joint-vqa.dlpw
// Seeded: the same arguments give the same weights on the same build.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "demos/captioning/joint_vqa_training.h"
#include "tools/tool_options.h"

namespace {

struct Options {
  std::string data_path;
  std::string out_path;
  int steps = 1500;
  int batch = 32;
  int evaluate_every = 250;
  int test_scenes = 200;
  float learning_rate = 2e-3f;
  uint64_t seed = JointVqaModels::kSeed;
};

constexpr const char* kProgram = "train_joint";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Options parse(int argc, char** argv) {
  Options o;
  ToolOptions(kProgram)
      .text("--data", &o.data_path, "FILE")
      .text("--out", &o.out_path, "FILE")
      .whole("--steps", &o.steps, 1, 10000000)
      .whole("--batch", &o.batch, 2, 256)
      .whole("--evaluate-every", &o.evaluate_every, 1, 10000000)
      .whole("--test-scenes", &o.test_scenes, 5, 2000)
      .seed("--seed", &o.seed)
      .number("--learning-rate", &o.learning_rate)
      .parse(argc, argv);
  if (o.data_path.empty() || o.out_path.empty()) fail("--data FILE and --out FILE are required");
  if (!(o.learning_rate > 0)) fail("--learning-rate must be a positive number");
  return o;
}

SceneItems load_items(const std::string& path) {
  SceneItems items;
  if (const std::string error = items.load_file(path); !error.empty())
    fail(error + " (build the native preset: it writes data/fashion-mnist.bin)");
  return items;
}

void save(JointVqaModels& models, const std::string& path) {
  if (!save_weights_file(path, models.saved_parameters())) fail("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const SceneItems items = load_items(options.data_path);
  JointVqaModels models(options.seed);
  JointVqaTrainer trainer(models, items, options.batch, options.learning_rate, options.seed);
  // Cosine decay to a tenth of the rate over the run (Loshchilov & Hutter 2017).
  const float base_rate = options.learning_rate;
  const int total = options.steps;
  trainer.optimizer().schedule = [base_rate, total](int step) {
    const double progress = std::min(1.0, static_cast<double>(step) / total);
    return base_rate * static_cast<float>(0.1 + 0.9 * 0.5 * (1.0 + std::cos(3.141592653589793 * progress)));
  };
  size_t parameters = 0;
  for (const Parameter* p : models.saved_parameters()) parameters += static_cast<size_t>(p->value.size());
  std::printf("%zu parameters (%zu bytes of weights), batch %d\n", parameters, parameters * 4, options.batch);
  const auto start = std::chrono::steady_clock::now();
  double retrieval = 0, vqa = 0;
  int recent = 0;
  for (int step = 1; step <= options.steps; ++step) {
    const JointStepLosses losses = trainer.step();
    if (!std::isfinite(losses.retrieval) || !std::isfinite(losses.vqa))
      fail("step " + std::to_string(step) + ": " + trainer.error());
    retrieval += losses.retrieval;
    vqa += losses.vqa;
    ++recent;
    if (step % options.evaluate_every == 0 || step == options.steps) {
      JointEvaluation evaluation(items, options.test_scenes);
      while (evaluation.step(models)) {
      }
      if (!evaluation.error().empty()) fail(evaluation.error());
      const RecallAtK recall = evaluation.recall();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("step %d  InfoNCE %.4f  VQA CE %.4f  test R@1 %.3f R@5 %.3f  VQA %.3f (colour %.3f count %.3f "
                  "relation %.3f)  %.0f s\n",
                  step, retrieval / recent, vqa / recent, recall.at_1, recall.at_5, evaluation.vqa_accuracy(),
                  evaluation.vqa_accuracy(QuestionType::colour), evaluation.vqa_accuracy(QuestionType::count),
                  evaluation.vqa_accuracy(QuestionType::relation), seconds);
      std::fflush(stdout);
      retrieval = vqa = 0;
      recent = 0;
      save(models, options.out_path);  // a stopped run still leaves usable weights
    }
  }
  save(models, options.out_path);
  std::printf("wrote %s\n", options.out_path.c_str());
  return 0;
}
