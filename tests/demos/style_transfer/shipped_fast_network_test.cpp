// tests/demos/style_transfer/shipped_fast_network_test.cpp: the shipped fast network
// (assets/style-transform.dlpw): it loads, damaged files are refused with a message, it is
// deterministic, and the training command's first steps reproduce (docs/style-transfer-fast.md).
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>

#include "demos/style_transfer/fast_evaluation.h"
#include "demos/style_transfer/fast_styles.h"
#include "demos/style_transfer/loss_network_choice.h"
#include "demos/style_transfer/transform_training.h"
#include "engine/io/bytes.h"
#include "engine/io/crc32.h"
#include "engine/io/weights.h"
#include "tests/engine/gradcheck.h"

namespace {

const std::string kShippedPath = std::string(PLAYGROUND_DATA_DIR) + "/style-transform.dlpw";

std::vector<uint8_t> shipped_bytes() {
  std::vector<uint8_t> bytes;
  std::string error;
  REQUIRE_MESSAGE(read_whole_file(kShippedPath, 8u << 20, bytes, error), error);
  return bytes;
}

// The stated factor: the shipped network's mean held-out style loss is below this times that of
// 20 steps of pixel optimisation at 96 px. Measured for the shipped file: 0.196 against 0.051,
// a ratio of 3.8 (at 192 px and 50 steps the gap is far wider; docs/style-transfer-fast.md).
constexpr double kFastStyleFactor = 4.5;

uint32_t weights_hash(const std::vector<uint8_t>& file) { return crc32(file.data(), file.size() - 4); }

}  // namespace

TEST_CASE("the shipped fast network loads, holds four styles and fits the size budget") {
  const std::vector<uint8_t> bytes = shipped_bytes();
  CHECK(bytes.size() <= 1536u * 1024u);  // 1.5 MB for all styles together, well under 1.5 MB per style
  TransformNetwork network(fast_network_shape(), 123);
  const LoadResult loaded = load_weights(bytes.data(), bytes.size(), network.parameters());
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  CHECK(network.shape().styles == kFastStyleCount);
  CHECK(kFastStyleCount >= 4);
  // Trained styles differ from one another and from the content.
  const Tensor image = random_tensor({1, 3, 64, 64}, 8, 0.0f, 1.0f);
  const StyliseResult a = stylise(network, image, 0), b = stylise(network, image, 1);
  REQUIRE((a.ok && b.ok));
  CHECK(a.image.to_vector() != b.image.to_vector());
}

TEST_CASE("damaged fast-network weights are refused with a message and leave the network as it was") {
  std::vector<uint8_t> bytes = shipped_bytes();
  TransformNetwork network(fast_network_shape(), 123);
  const std::vector<float> before = network.parameters()[0]->value.to_vector();

  std::vector<uint8_t> flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40u;
  LoadResult r = load_weights(flipped.data(), flipped.size(), network.parameters());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("weights:") == 0);

  r = load_weights(bytes.data(), bytes.size() / 3, network.parameters());
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.error.empty());

  // A network built for a different number of styles does not take the file.
  TransformNetworkShape three = fast_network_shape();
  three.styles = kFastStyleCount - 1;
  TransformNetwork smaller(three, 1);
  r = load_weights(bytes.data(), bytes.size(), smaller.parameters());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("style") != std::string::npos);
  CHECK(network.parameters()[0]->value.to_vector() == before);
}

TEST_CASE("the shipped fast network stylises deterministically, and blends and strength stay in range") {
  const std::vector<uint8_t> bytes = shipped_bytes();
  TransformNetwork network(fast_network_shape(), 1);
  REQUIRE(load_weights(bytes.data(), bytes.size(), network.parameters()).ok);
  const Tensor image = random_tensor({1, 3, 64, 64}, 9, 0.0f, 1.0f);
  const StyliseResult first = stylise(network, image, 2), second = stylise(network, image, 2);
  CHECK(first.image.to_vector() == second.image.to_vector());
  const StyliseResult mixed = stylise(network, image, std::vector<float>{0.5f, 0.0f, 0.5f, 0.0f}, 0.7f);
  REQUIRE(mixed.ok);
  for (float v : mixed.image.to_vector()) REQUIRE((v >= 0.0f && v <= 1.0f));
}

TEST_CASE("the training command's first steps reproduce a fixed fingerprint") {
  // The documented command with --steps 2, on the real photos and styles: the same two steps.
  FastTrainingData data;
  std::string error;
  REQUIRE_MESSAGE(load_fast_training_data(PLAYGROUND_THIRD_PARTY_DIR, &data, &error), error);
  CHECK(data.photos.size() == sizeof(kFastTrainingPhotos) / sizeof(kFastTrainingPhotos[0]));
  // The documented command's settings: the trained classifier's trunk as loss network, 128 px crops, style weight 5.
  std::vector<uint8_t> classifier_bytes;
  REQUIRE_MESSAGE(read_whole_file(std::string(PLAYGROUND_SOURCE_DIR) + "/assets/style-loss-net.dlpw", 8u << 20,
                                  classifier_bytes, error),
                  error);
  std::unique_ptr<LossNetwork> loss_network =
      build_loss_network(LossNetworkKind::Classifier, kFastLossNetworkSeed, &classifier_bytes, &error);
  REQUIRE_MESSAGE(loss_network, error);
  TransformTrainingSettings settings;
  settings.crops.size = 128;
  settings.style_weight = 5;
  TransformNetwork network(fast_network_shape(), kFastNetworkSeed);
  TransformTrainer trainer(network, *loss_network, settings);
  REQUIRE_MESSAGE(trainer.set_data(data.styles, data.photos, &error), error);
  for (int i = 0; i < 2; ++i) {
    trainer.step();
    REQUIRE_MESSAGE(trainer.error().empty(), trainer.error());
  }
  const std::vector<uint8_t> bytes = save_weights(static_cast<const TransformNetwork&>(network).parameters());
  // The value printed by: train_style_transform --out f.dlpw --loss-weights assets/style-loss-net.dlpw
  // --style-weight 5 --crop 128 --steps 2, then the CRC-32 of f.dlpw less its last 4 bytes.
  // The same in wasm and on any machine: every product, the Gram matrices' included, is the engine's GEMM.
  CHECK(weights_hash(bytes) == 1116796231u);
}

TEST_CASE("on held-out photos the shipped network's style loss is within a stated factor of pixel optimisation") {
  // The three photos the network never trained on, at 96 px (smaller than the docs' 192 to
  // keep the test short), every style; the reference optimises the pixels of each on the same
  // loss for 20 Adam steps from the content (docs/style-transfer-fast.md has the 192 px, 100-step table).
  FastTrainingData data;
  std::string error;
  REQUIRE_MESSAGE(load_fast_training_data(PLAYGROUND_THIRD_PARTY_DIR, &data, &error), error);
  const std::vector<uint8_t> bytes = shipped_bytes();
  TransformNetwork network(fast_network_shape(), 1);
  REQUIRE(load_weights(bytes.data(), bytes.size(), network.parameters()).ok);
  LossNetwork loss_network = LossNetwork::random_normalised(kFastLossNetworkSeed);
  TransformTrainer trainer(network, loss_network, TransformTrainingSettings{});
  REQUIRE_MESSAGE(trainer.set_data(data.styles, data.photos, &error), error);
  double fast_style = 0, optimised_style = 0, photo_style = 0, fast_content = 0;
  for (const Tensor& held_out : data.held_out) {
    const Tensor photo = resize_shorter_side(held_out, 96);
    for (int s = 0; s < kFastStyleCount; ++s) {
      const TransformLosses fast = trainer.evaluate(photo, s, &error);
      const Tensor optimised = optimise_pixels(trainer, photo, s, 20, 0.02f, &error);
      REQUIRE_MESSAGE(!optimised.empty(), error);
      fast_style += fast.style;
      fast_content += fast.content;
      optimised_style += trainer.measure(optimised, photo, s, &error).style;
      photo_style += trainer.measure(photo, photo, s, &error).style;
    }
  }
  const double pairs = static_cast<double>(data.held_out.size()) * kFastStyleCount;
  MESSAGE("held-out means: fast style " << fast_style / pairs << ", optimised style " << optimised_style / pairs
                                        << ", untouched photo style " << photo_style / pairs << ", fast content "
                                        << fast_content / pairs);
  CHECK(fast_style < kFastStyleFactor * optimised_style);
  CHECK(fast_style < 0.6 * photo_style);  // it does stylise
}
