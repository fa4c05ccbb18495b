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
#include <memory>
#include <string>
#include <vector>

#include "demos/style_transfer/fast_styles.h"
#include "demos/style_transfer/loss_network_choice.h"
#include "demos/style_transfer/transform_training.h"
#include "engine/io/bytes.h"
#include "engine/io/weights.h"
#include "tools/tool_options.h"

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

constexpr const char* kProgram = "train_style_transform";
[[noreturn]] void fail(const std::string& message) { tool_fail(kProgram, message); }

Options parse(int argc, char** argv) {
  Options o;
  ToolOptions(kProgram)
      .text("--out", &o.out_path, "FILE")
      .text("--data", &o.data_dir, "DIR")
      .text("--loss-weights", &o.loss_weights, "FILE")
      .whole("--steps", &o.steps, 1, 10000000)
      .whole("--checkpoint-every", &o.checkpoint_every, 1, 10000000)
      .whole("--evaluate-every", &o.evaluate_every, 1, 10000000)
      .whole("--crop", &o.training.crops.size, 16, 512)
      .whole("--batch", &o.training.batch, 1, 64)
      .number("--style-weight", &o.training.style_weight)
      .number("--tv-weight", &o.training.tv_weight)
      .number("--learning-rate", &o.training.learning_rate)
      .seed("--seed", &o.training.seed)
      .parse(argc, argv);
  if (o.out_path.empty()) fail("--out FILE is required");
  if (!(o.training.learning_rate > 0)) fail("--learning-rate must be positive");
  return o;
}

void save(const TransformNetwork& network, const std::string& path) {
  const std::string temporary = path + ".partial";
  if (!save_weights_file(temporary, network.parameters())) fail("cannot write " + temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot rename " + temporary + " to " + path);
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  FastTrainingData data;
  std::string error;
  if (!load_fast_training_data(o.data_dir, &data, &error)) fail(error);
  const std::vector<Tensor>& photos = data.photos;
  const std::vector<Tensor>& held_out = data.held_out;
  // The classifier file (assets/style-loss-net.dlpw) holds a head too; its
  // trunk is the loss network, read the way the demo reads it.
  std::vector<uint8_t> classifier_bytes;
  if (!o.loss_weights.empty()) {
    std::string read_error;
    if (!read_whole_file(o.loss_weights, 64u << 20, classifier_bytes, read_error)) fail(read_error);
  }
  const LossNetworkKind loss_kind = o.loss_weights.empty() ? LossNetworkKind::Random : LossNetworkKind::Classifier;
  std::unique_ptr<LossNetwork> built = build_loss_network(loss_kind, o.loss_seed, &classifier_bytes, &error);
  if (!built) fail(o.loss_weights + ": " + error);
  LossNetwork& loss_network = *built;
  TransformNetwork network(fast_network_shape(), o.network_seed);
  TransformTrainer trainer(network, loss_network, o.training);
  if (!trainer.set_data(data.styles, photos, &error)) fail(error);
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
