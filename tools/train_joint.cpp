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
#include <fstream>
#include <iterator>
#include <string>

#include "demos/captioning/joint_vqa_training.h"

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

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "train_joint: %s\n", message.c_str());
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
    if (name == "--data") options.data_path = value;
    else if (name == "--out") options.out_path = value;
    else if (name == "--steps") options.steps = parse_int(name, value, 1, 10000000);
    else if (name == "--batch") options.batch = parse_int(name, value, 2, 256);
    else if (name == "--evaluate-every") options.evaluate_every = parse_int(name, value, 1, 10000000);
    else if (name == "--test-scenes") options.test_scenes = parse_int(name, value, 5, 2000);
    else if (name == "--seed") options.seed = static_cast<uint64_t>(parse_int(name, value, 0, 1 << 30));
    else if (name == "--learning-rate") options.learning_rate = std::strtof(value.c_str(), nullptr);
    else fail("unknown option '" + name + "' (usage: --data FILE --out FILE [--steps N] [--batch B] "
              "[--evaluate-every N] [--test-scenes N] [--seed S] [--learning-rate R])");
  }
  if (options.data_path.empty() || options.out_path.empty()) fail("--data FILE and --out FILE are required");
  if (!(options.learning_rate > 0)) fail("--learning-rate must be a positive number");
  return options;
}

SceneItems load_items(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) fail("cannot read " + path + " (build the native preset: it writes data/fashion-mnist.bin)");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const ImageAssetResult parsed = parse_image_asset(bytes.data(), bytes.size());
  if (!parsed.ok) fail(parsed.error);
  SceneItems items;
  const std::string error = items.load(parsed.asset);
  if (!error.empty()) fail(error);
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
