// Trains the fast style-transfer network (demos/style_transfer/transform_network.h)
// for the shipped styles at once, with the project's own engine, and writes
// its weights (.dlpw). Single-threaded and seeded: the same command gives the
// same file byte for byte. The shipped assets/style-transform.dlpw was made by
// the command in docs/style-transfer-fast.md.
//
// Checkpoints: every --checkpoint-every steps the weights so far are written
// to --out (through a temporary file, so a stopped run leaves a whole file),
// and they equal the final file of a run with --steps set to that step: the
// learning rate is constant and nothing depends on the total step count.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "demos/style_transfer/fast_styles.h"
#include "demos/style_transfer/transform_training.h"
#include "engine/data/image_loader.h"
#include "engine/io/bytes.h"
#include "engine/io/weights.h"

namespace {

struct Options {
  std::string data_dir = "third_party";  // the links tools/setup.sh makes
  std::string out_path;
  std::string loss_weights;  // a classifier loss network's DLPW; empty: the random normalised one
  int steps = 20000;
  int checkpoint_every = 100;
  int evaluate_every = 500;
  int log_every = 25;
  TransformTrainingSettings training;
  uint64_t network_seed = kFastNetworkSeed;
  uint64_t loss_seed = kFastLossNetworkSeed;
};

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "train_style_transform: %s\n", message.c_str());
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

float parse_float(const std::string& name, const std::string& value) {
  char* end = nullptr;
  const float parsed = std::strtof(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(parsed) || parsed < 0) fail(name + " must be a number >= 0");
  return parsed;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    if (i + 1 >= argc) fail(name + " needs a value");
    const std::string value = argv[i + 1];
    if (name == "--data") o.data_dir = value;
    else if (name == "--out") o.out_path = value;
    else if (name == "--loss-weights") o.loss_weights = value;
    else if (name == "--steps") o.steps = parse_int(name, value, 1, 10000000);
    else if (name == "--checkpoint-every") o.checkpoint_every = parse_int(name, value, 1, 10000000);
    else if (name == "--evaluate-every") o.evaluate_every = parse_int(name, value, 1, 10000000);
    else if (name == "--crop") o.training.crops.size = parse_int(name, value, 16, 512);
    else if (name == "--batch") o.training.batch = parse_int(name, value, 1, 64);
    else if (name == "--style-weight") o.training.style_weight = parse_float(name, value);
    else if (name == "--tv-weight") o.training.tv_weight = parse_float(name, value);
    else if (name == "--learning-rate") o.training.learning_rate = parse_float(name, value);
    else if (name == "--seed") o.training.seed = static_cast<uint64_t>(parse_int(name, value, 0, 1 << 30));
    else
      fail("unknown option '" + name + "' (usage: --out FILE [--data DIR] [--steps N] [--checkpoint-every N] "
           "[--evaluate-every N] [--crop S] [--batch B] [--style-weight W] [--tv-weight W] [--learning-rate R] "
           "[--seed S] [--loss-weights FILE])");
  }
  if (o.out_path.empty()) fail("--out FILE is required");
  if (!(o.training.learning_rate > 0)) fail("--learning-rate must be positive");
  return o;
}

Tensor load(const std::string& path) {
  ImageResult r = load_image_file(path, 3);
  if (!r.ok) fail(path + ": " + r.error + " (run tools/setup.sh: it links the Debian image folders into third_party/)");
  return r.image;
}

void save(const TransformNetwork& network, const std::string& path) {
  const std::string temporary = path + ".partial";
  if (!save_weights_file(temporary, network.parameters())) fail("cannot write " + temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot rename " + temporary + " to " + path);
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::vector<Tensor> photos, held_out, styles;
  for (const char* file : kFastTrainingPhotos)
    photos.push_back(resize_shorter_side(load(o.data_dir + "/" + file), kFastPhotoShorterSide));
  for (const char* file : kFastHeldOutPhotos)
    held_out.push_back(resize_shorter_side(load(o.data_dir + "/" + file), kFastEvaluationSize));
  for (const FastStyle& style : kFastStyles) {
    std::string error;
    Tensor image = load_fast_style_image(style, o.data_dir, &error);
    if (image.empty()) fail(error);
    styles.push_back(image);
  }

  LossNetwork loss_network = LossNetwork::random_normalised(o.loss_seed);
  if (!o.loss_weights.empty()) {
    std::vector<uint8_t> bytes;
    std::string error;
    if (!read_whole_file(o.loss_weights, 64u << 20, bytes, error)) fail(error);
    LoadResult loaded = loss_network.load(bytes.data(), bytes.size());
    if (!loaded.ok) fail(o.loss_weights + ": " + loaded.error);
  }
  TransformNetwork network(fast_network_shape(), o.network_seed);
  TransformTrainer trainer(network, loss_network, o.training);
  std::string error;
  if (!trainer.set_data(styles, photos, &error)) fail(error);
  std::printf("%zu training photos, %zu held out, %d styles; %zu parameters (%zu bytes), %.2f GMAC per 256x256\n",
              photos.size(), held_out.size(), network.shape().styles, network.parameter_count(),
              network.parameter_count() * 4, network.forward_macs(256, 256) * 1e-9);
  std::printf("crop %d, batch %d, content weight %g, style weight %g, tv weight %g, lr %g, seed %llu, loss network %s\n",
              o.training.crops.size, o.training.batch, static_cast<double>(o.training.content_weight),
              static_cast<double>(o.training.style_weight), static_cast<double>(o.training.tv_weight),
              static_cast<double>(o.training.learning_rate), static_cast<unsigned long long>(o.training.seed),
              o.loss_weights.empty() ? "random normalised" : o.loss_weights.c_str());
  std::fflush(stdout);

  const auto start = std::chrono::steady_clock::now();
  const int styles_count = network.shape().styles;
  std::vector<TransformLosses> recent(static_cast<size_t>(styles_count));
  std::vector<int> recent_count(static_cast<size_t>(styles_count), 0);
  for (int step = 1; step <= o.steps; ++step) {
    const TransformStepReport report = trainer.step();
    if (!trainer.error().empty()) fail(trainer.error());
    TransformLosses& r = recent[static_cast<size_t>(report.style)];
    r.content += report.losses.content;
    r.style += report.losses.style;
    r.tv += report.losses.tv;
    r.total += report.losses.total;
    ++recent_count[static_cast<size_t>(report.style)];
    if (step % o.log_every == 0 || step == o.steps) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("step %d  %.0f s", step, seconds);
      for (int s = 0; s < styles_count; ++s) {
        const float n = static_cast<float>(std::max(1, recent_count[s]));
        std::printf("  | %s c %.3f s %.3f tv %.4f", kFastStyles[s].id, static_cast<double>(recent[s].content / n),
                    static_cast<double>(recent[s].style / n), static_cast<double>(recent[s].tv / n));
        recent[s] = {};
        recent_count[s] = 0;
      }
      std::printf("\n");
      std::fflush(stdout);
    }
    if (step % o.checkpoint_every == 0 || step == o.steps) {
      save(network, o.out_path);
      std::printf("saved step %d to %s\n", step, o.out_path.c_str());
    }
    if (step % o.evaluate_every == 0 || step == o.steps) {
      for (int s = 0; s < styles_count; ++s) {
        TransformLosses mean;
        for (const Tensor& photo : held_out) {
          TransformLosses l = trainer.evaluate(photo, s, &error);
          if (!error.empty()) fail(error);
          mean.content += l.content / static_cast<float>(held_out.size());
          mean.style += l.style / static_cast<float>(held_out.size());
        }
        std::printf("held-out step %d %s: content %.4f style %.4f\n", step, kFastStyles[s].id,
                    static_cast<double>(mean.content), static_cast<double>(mean.style));
      }
      std::fflush(stdout);
    }
  }
  std::printf("wrote %s after %d steps\n", o.out_path.c_str(), o.steps);
  return 0;
}
