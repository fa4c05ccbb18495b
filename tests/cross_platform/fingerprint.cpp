// Prints numbers that must come out the same natively and in WebAssembly:
// random streams, a seeded training run, activation values. The test
// tests/cross_platform/compare.test.js runs both builds and compares.
#include <cstdio>
#include <cstring>
#include <vector>
#include <string>

#include "app/url_state.h"
#include "demos/captioning/captioner.h"
#include "demos/activations/activations.h"
#include "demos/dropout/twin_trainer.h"
#include "demos/perceptron/mlp_model.h"
#include "demos/perceptron/perceptron_mode.h"
#include "demos/style_transfer/fast_styles.h"
#include "demos/style_transfer/gatys_optimisation.h"
#include "engine/data/batches.h"
#include "engine/data/generators.h"
#include "engine/io/crc32.h"
#include "engine/layers/mlp.h"
#include "engine/ops/losses.h"
#include "engine/optim/adam.h"
#include "engine/random.h"

namespace {

// Loss after 100 Adam steps of a seeded 2-8-8-1 tanh MLP on spiral data.
double mlp_loss_after_100_steps() {
  Pcg32 rng(2024);
  Dataset2D data = make_spiral(200, 0.1f, rng);
  Mlp mlp({2, 8, 8, 1}, {Activation::Tanh}, rng);
  Adam adam(mlp.parameters(), 0.02f);
  BatchIterator batches(data.size(), 10, rng);
  Tape tape;
  double loss_value = 0;
  for (int step = 0; step < 100; ++step) {
    Batch batch = gather_batch(data, batches.next());
    tape.clear();
    Var loss = ops::binary_cross_entropy_with_logits(mlp.forward(tape, tape.constant(batch.x)),
                                                      tape.constant(batch.targets));
    adam.zero_grad();
    tape.backward(loss);
    adam.step();
    loss_value = loss.value().item();
  }
  return loss_value;
}

// The dropout demo's two networks (256-256 ReLU, dropout masks, softmax
// cross-entropy, Adam) after 300 shared steps on noisy moons: a long run in
// which any difference in the last bit would grow.
void print_twin_run() {
  TrainingConfig config;
  config.network.hidden = {256, 256};
  config.network.drop = {0.0f, 0.5f, 0.5f};
  config.seed = 9;
  TwinTrainer trainer;
  trainer.reset(std::make_shared<const ClassificationData>(points_from_generator(Dataset2DKind::Moons, 80, 1000, 0.3f, 9)),
                config);
  trainer.run_steps(300);
  std::printf(",\n  \"dropout_twins_after_300_steps\": [");
  for (int t = 0; t < 2; ++t) {
    const Metrics& m = trainer.metrics(static_cast<Twin>(t));
    std::printf("%s%.9g, %.9g, %.9g, %.9g", t ? ", " : "", static_cast<double>(m.train_loss),
                static_cast<double>(m.test_loss), static_cast<double>(m.train_error), static_cast<double>(m.test_error));
  }
  std::printf("]");
}

// The MLP demo's model through its dense stack: three spiral arms, sin
// features, tanh and ReLU layers with dropout, an L2 penalty, Adam; 400
// steps. A CRC-32 of every weight's bits, and the losses.
void print_mlp_demo_run() {
  MlpConfig config;
  config.dataset = MlpDataset::Spirals;
  config.features[static_cast<int>(Feature::SinX)] = config.features[static_cast<int>(Feature::SinY)] = true;
  config.hidden_layers = 3;
  config.neurons[0] = config.neurons[1] = config.neurons[2] = 8;
  config.activation[1] = Activation::Relu;
  config.dropout[0] = 0.2f;
  config.dropout[1] = 0.1f;
  config.optimizer = OptimizerKind::Adam;
  config.penalty = Penalty::L2;
  config.penalty_rate = 0.001f;
  config.seed = 4;
  MlpModel model;
  model.reset(config, {});
  for (int step = 0; step < 400 && model.train_step(); ++step) {
  }
  model.evaluate();
  std::vector<uint8_t> bits;
  for (const Linear& layer : model.layers())
    for (const Parameter* p : {&layer.weight, &layer.bias}) {
      const auto* bytes = reinterpret_cast<const uint8_t*>(p->value.data());
      bits.insert(bits.end(), bytes, bytes + p->value.size() * 4);
    }
  std::printf(",\n  \"mlp_demo_after_400_steps\": [%ld, %u, %.9g, %.9g]", model.steps(), crc32(bits.data(), bits.size()),
              static_cast<double>(model.train_loss()), static_cast<double>(model.test_loss()));
}

// The fast style-transfer network (its shipped shape, seeded weights, a two-style blend at
// strength 0.8) on a seeded 64 x 64 image: a CRC-32 of the output's float bits.
void print_fast_style_transfer() {
  TransformNetwork network(fast_network_shape(), kFastNetworkSeed);
  Pcg32 rng(5);
  Tensor image(Shape{1, 3, 64, 64});
  for (int i = 0; i < image.size(); ++i) image[i] = rng.uniform();
  std::vector<float> blend(static_cast<size_t>(kFastStyleCount), 0.0f);
  blend[0] = 0.25f;
  blend[1] = 0.75f;
  const StyliseResult out = stylise(network, image, blend, 0.8f);
  std::vector<uint8_t> bits(static_cast<size_t>(out.image.size()) * 4);
  std::memcpy(bits.data(), out.image.data(), bits.size());
  std::printf(",\n  \"fast_style_64_crc32\": %u", crc32(bits.data(), bits.size()));
}

// Three L-BFGS iterations of Gatys optimisation (the random loss network, the
// demo's default loss) on seeded 32 x 32 pictures: the losses after each, and
// the CRC-32 of the picture's bits after the third (every product, the Gram
// matrices' included, is the engine's GEMM, so the bits agree).
void print_gatys_iterations() {
  Pcg32 rng(11);
  Tensor content(Shape{1, 3, 32, 32}), style(Shape{1, 3, 32, 32});
  for (int i = 0; i < content.size(); ++i) content[i] = rng.uniform(), style[i] = rng.uniform();
  GatysSettings settings;
  settings.resolution = 32;
  GatysOptimisation gatys;
  std::string error;
  if (!gatys.start(settings, content, style, &error)) std::fprintf(stderr, "gatys: %s\n", error.c_str());
  std::printf(",\n  \"gatys_total_loss_per_iteration\": [");
  for (int i = 0; i < 3; ++i) {
    gatys.iterate();
    std::printf("%s%.9g", i ? ", " : "", static_cast<double>(gatys.total_loss()));
  }
  std::printf("]");
  const Tensor pixels = gatys.image();
  std::vector<uint8_t> bits(static_cast<size_t>(pixels.size()) * 4);
  std::memcpy(bits.data(), pixels.data(), bits.size());
  std::printf(",\n  \"gatys_pixels_crc32\": %u", crc32(bits.data(), bits.size()));
}

// The attention captioner (shipped sizes, seeded weights) on a seeded image:
// six greedy steps, a CRC-32 of every step's log-probability and attention bits.
void print_captioner_steps() {
  Captioner model(CaptionModel::attention, 12);
  Pcg32 rng(7);
  Tensor image(Shape{1, 3, 64, 64});
  for (int i = 0; i < image.size(); ++i) image[i] = rng.uniform();
  const CaptionContext context = model.encode(image);
  std::vector<float> state = model.initial_state(context), bits;
  int token = 1;  // <start>
  for (int t = 0; t < 6; ++t) {
    std::vector<float> attention;
    const DecoderStep out = model.step(context, token, state, &attention);
    bits.insert(bits.end(), out.log_probs.begin(), out.log_probs.end());
    bits.insert(bits.end(), attention.begin(), attention.end());
    state = out.state;
    token = 4 + t;
  }
  std::vector<uint8_t> bytes(bits.size() * 4);
  std::memcpy(bytes.data(), bits.data(), bytes.size());
  std::printf(",\n  \"captioner_steps_crc32\": %u", crc32(bytes.data(), bytes.size()));
}

}  // namespace

int main() {
  std::printf("{\n  \"pcg32\": [");
  Pcg32 rng(42, 54);
  for (int i = 0; i < 16; ++i) std::printf("%s%u", i ? ", " : "", rng.next_u32());
  std::printf("],\n  \"uniform\": [");
  for (int i = 0; i < 16; ++i) std::printf("%s%.9g", i ? ", " : "", static_cast<double>(rng.uniform()));

  // Overlapping clouds keep the perceptron updating for all 500 steps.
  PerceptronMode demo;
  StateFields fields;
  demo.declare_state(fields);
  url_state::apply_pairs(url_state::parse_hash("p_spread=1.2&p_seed=3&p_points=200&p_rate=0.1").pairs, fields);
  demo.state_loaded();
  for (int i = 0; i < 500; ++i) demo.update_once();
  DemoReport report;
  demo.report(report);
  std::printf("],\n  \"perceptron\": {\"hash\": \"%s\"", url_state::encode_state(demo.name(), fields).c_str());
  for (const auto& [key, value] : report.numbers) std::printf(", \"%s\": %.9g", key.c_str(), value);

  std::printf("},\n  \"mlp_loss_after_100_steps\": %.9g", mlp_loss_after_100_steps());
  print_twin_run();
  print_mlp_demo_run();
  print_fast_style_transfer();
  print_gatys_iterations();
  print_captioner_steps();
  std::printf(",\n  \"activations\": [");
  bool first = true;
  for (int a = 0; a <= static_cast<int>(Activation::Linear); ++a) {
    for (float x = -3.0f; x <= 3.0f; x += 0.75f) {
      Activation fn = static_cast<Activation>(a);
      std::printf("%s%.9g, %.9g", first ? "" : ", ", static_cast<double>(activation_value(fn, x)),
                  static_cast<double>(activation_derivative(fn, x)));
      first = false;
    }
  }
  std::printf("]\n}\n");
  return 0;
}
