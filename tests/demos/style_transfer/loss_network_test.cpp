// tests/demos/style_transfer/loss_network_test.cpp: the VGG-shaped loss network.
#include "demos/style_transfer/loss_network.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/linalg.h"
#include "tests/demos/style_transfer/one_sided_gradcheck.h"
#include "tests/engine/gradcheck.h"

namespace {

double mean_of(const Tensor& t) {
  double total = 0;
  for (int i = 0; i < t.size(); ++i) total += t[i];
  return total / t.size();
}

Tensor random_image(int size, uint64_t seed) { return random_tensor({1, 3, size, size}, seed, 0.0f, 1.0f); }

}  // namespace

TEST_CASE("the loss network has VGG's layer names, halves the resolution per block and has 293 k parameters") {
  LossNetwork network;
  CHECK(LossNetwork::layer_names().size() == 8);
  CHECK(LossNetwork::layer_index("relu1_1") == 0);
  CHECK(LossNetwork::layer_index("relu4_2") == 7);
  CHECK(LossNetwork::layer_index("conv4_2") == -1);
  CHECK(network.parameter_count() == 293040 + 480);  // 3x3 weights + biases of [16, 32, 64, 128]
  network.init_random(3);
  Tape tape;
  std::vector<Var> f = network.features(tape, tape.constant(random_image(32, 1)), {"relu4_2", "relu1_1", "relu2_2"});
  REQUIRE_FALSE(tape.failed());
  CHECK(f[0].shape() == Shape{1, 128, 4, 4});
  CHECK(f[1].shape() == Shape{1, 16, 32, 32});
  CHECK(f[2].shape() == Shape{1, 32, 16, 16});
}

TEST_CASE("the random kind's every ReLU layer has mean activation 1 over its normalisation images") {
  for (uint64_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    LossNetwork network = LossNetwork::random_normalised(seed);
    std::vector<Tensor> images = normalisation_images(4, 64, seed ^ 0x9e3779b97f4a7c15ULL);
    for (const std::string& layer : LossNetwork::layer_names()) {
      CAPTURE(layer);
      double total = 0;
      for (const Tensor& image : images) {
        Tape tape;
        total += mean_of(network.features(tape, tape.constant(image), {layer})[0].value());
      }
      CHECK(total / 4 == doctest::Approx(1.0).epsilon(1e-3));
    }
  }
}

TEST_CASE("the random kind is the same for the same seed and differs between seeds") {
  LossNetwork a = LossNetwork::random_normalised(5), b = LossNetwork::random_normalised(5),
              c = LossNetwork::random_normalised(6);
  CHECK(a.save() == b.save());
  CHECK(a.save() != c.save());
}

TEST_CASE("normalising rescales each layer's output alone: later layers compute the same function") {
  LossNetwork network;
  network.init_random(8);
  // Non-zero biases, as a trained network has, make the check non-trivial.
  Pcg32 rng(9);
  for (Parameter* p : network.parameters())
    if (p->value.rank() == 1)
      for (int i = 0; i < p->value.size(); ++i) p->value[i] = rng.uniform(-0.2f, 0.2f);
  const Tensor image = random_image(32, 10);
  const auto layer_values = [&](LossNetwork& n) {
    Tape tape;
    std::vector<Tensor> out;
    for (Var v : n.features(tape, tape.constant(image), LossNetwork::layer_names())) out.push_back(v.value());
    return out;
  };
  std::vector<Tensor> before = layer_values(network);
  network.normalise_activations(normalisation_images(2, 32, 11));
  std::vector<Tensor> after = layer_values(network);
  for (size_t l = 0; l < before.size(); ++l) {
    CAPTURE(l);
    // after = s_l * before for one positive s_l per layer.
    double dot = 0, bb = 0;
    for (int i = 0; i < before[l].size(); ++i) {
      dot += static_cast<double>(before[l][i]) * after[l][i];
      bb += static_cast<double>(before[l][i]) * before[l][i];
    }
    const double s = dot / bb;
    CHECK(s > 0);
    double worst = 0;
    for (int i = 0; i < before[l].size(); ++i) worst = std::max(worst, std::fabs(after[l][i] - s * before[l][i]));
    CHECK(worst < 1e-4 * s * std::sqrt(bb / before[l].size()) + 1e-6);
  }
}

TEST_CASE("saved weights load into a fresh network and give the same features") {
  LossNetwork a = LossNetwork::random_normalised(12), b;
  std::vector<uint8_t> bytes = a.save();
  REQUIRE(b.load(bytes.data(), bytes.size()).ok);
  Tape tape;
  Var image = tape.constant(random_image(16, 13));
  CHECK(a.features(tape, image, {"relu3_2"})[0].value().to_vector() ==
        b.features(tape, image, {"relu3_2"})[0].value().to_vector());
  LossNetwork wider({32, 64, 128, 256});
  CHECK_FALSE(wider.load(bytes.data(), bytes.size()).ok);
}

TEST_CASE("the features' gradient with respect to the pixels matches finite differences (tiny network)") {
  LossNetwork network({3, 4, 4, 5});
  network.init_random(14);
  for (const char* layer : {"relu1_2", "relu2_1", "relu4_2"}) {
    CAPTURE(layer);
    GradCheckResult r = one_sided_gradcheck(
        [&network, layer](Tape& tape, Var x) { return network.features(tape, x, {layer})[0]; }, random_image(16, 15));
    CHECK_MESSAGE(r.ok, r.report);
  }
}

TEST_CASE("the loss network names an unknown layer and a too-small or grey image instead of crashing") {
  LossNetwork network;
  Tape tape;
  network.features(tape, tape.constant(random_image(16, 1)), {"relu5_1"});
  CHECK(tape.error() == "loss network: unknown layer 'relu5_1' (use relu1_1 ... relu4_2)");
  Tape small;
  network.features(small, small.constant(random_image(8, 1)), {"relu1_1"});
  CHECK(small.error() == "loss network: needs an image [1, 3, H, W] with H, W >= 16, got [1, 3, 8, 8]");
  Tape grey;
  network.features(grey, grey.constant(Tensor(Shape{1, 1, 32, 32})), {"relu1_1"});
  CHECK(grey.failed());
}
