// tests/demos/style_transfer/gatys_optimisation_test.cpp: optimising pixels.
#include "demos/style_transfer/gatys_optimisation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "demos/style_transfer/colour_transfer.h"
#include "demos/style_transfer/style_metrics.h"
#include "tests/demos/style_transfer/style_test_images.h"

namespace {

GatysSettings small_settings(int resolution = 64) {
  GatysSettings s;
  s.resolution = resolution;
  return s;
}

}  // namespace

TEST_CASE("on the default pair at 64x64 the style loss falls at least 10x within 40 L-BFGS iterations, for 3 networks") {
  const Tensor content = test_content_image(), style = test_style_image();
  REQUIRE_FALSE(content.empty());
  for (uint64_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    GatysSettings settings = small_settings();
    settings.network_seed = seed;
    GatysOptimisation gatys;
    std::string error;
    REQUIRE_MESSAGE(gatys.start(settings, content, style, &error), error);
    const float initial = gatys.style_loss();
    CHECK(gatys.content_loss() == 0);  // it starts from the content image
    int iterations = 0;
    while (iterations < 40 && gatys.style_loss() > initial / 10 && gatys.iterate()) ++iterations;
    CAPTURE(initial);
    CAPTURE(iterations);
    CHECK(gatys.style_loss() < initial / 10);
    CHECK(gatys.iteration() == iterations);
    const Tensor out = gatys.image();
    CHECK(out.shape() == Shape{1, 3, 64, 64});
    for (int i = 0; i < out.size(); ++i) REQUIRE((out[i] >= 0 && out[i] <= 1));
  }
}

// The issue asks for a lower SSIM to the content as well. Measured at 64² after
// 25 iterations (seeds 1, 2; style weights 10 vs 1000, and 1 vs 1000, with and
// without TV) SSIM came out HIGHER for the larger weight (e.g. 0.53 -> 0.60):
// at this size every weight already moves the pixels far from the photo in
// ways the content layer (relu3_2) does not see, and SSIM measures those. So
// the trade-off is asserted on the loss network's own content error, and SSIM
// is only reported (CAPTURE); docs/style-transfer.md says so.
TEST_CASE("a larger style weight gives a lower style loss and a higher content loss") {
  const Tensor content = test_content_image(), style = test_style_image();
  for (uint64_t seed : {1u, 2u}) {
    CAPTURE(seed);
    double style_loss[2], similarity[2], content_loss[2];
    const float weights[2] = {1, 1000};
    for (int k = 0; k < 2; ++k) {
      GatysSettings settings = small_settings();
      settings.network_seed = seed;
      settings.loss.style_weight = weights[k];
      // TV at its default: without it, noise the content layer cannot see lowers SSIM at every style weight.
      GatysOptimisation gatys;
      std::string error;
      REQUIRE(gatys.start(settings, content, style, &error));
      for (int i = 0; i < 25; ++i) gatys.iterate();
      style_loss[k] = gatys.style_loss();
      content_loss[k] = gatys.content_loss();
      similarity[k] = ssim(gatys.image(), gatys.content());
    }
    CAPTURE(style_loss[0]);
    CAPTURE(style_loss[1]);
    CAPTURE(similarity[0]);
    CAPTURE(similarity[1]);
    CAPTURE(content_loss[0]);
    CAPTURE(content_loss[1]);
    CHECK(style_loss[1] < style_loss[0]);
    CHECK(content_loss[1] > content_loss[0]);
  }
}

TEST_CASE("texture synthesis lowers the style loss from noise without copying or shifting the style image") {
  const Tensor content = test_content_image(), style = test_style_image();
  for (uint64_t noise_seed : {1u, 2u}) {
    CAPTURE(noise_seed);
    GatysSettings settings = gatys_presets()[1].settings;
    REQUIRE(std::string(gatys_presets()[1].id) == "texture");
    settings.resolution = 64;
    settings.noise_seed = noise_seed;
    GatysOptimisation gatys;
    std::string error;
    REQUIRE(gatys.start(settings, content, style, &error));
    const float initial = gatys.style_loss();
    for (int i = 0; i < 40; ++i) gatys.iterate();
    CAPTURE(initial);
    CHECK(gatys.style_loss() < initial / 5);
    const double copy = max_normalised_cross_correlation(gatys.image(), gatys.style());
    CAPTURE(copy);
    CHECK(copy < 0.6);
    // The measure does flag a copy: a shifted crop of the style correlates almost perfectly.
    CHECK(max_normalised_cross_correlation(gatys.style(), gatys.style()) > 0.99);
  }
}

TEST_CASE("luminance-only transfer keeps the content's chroma (I and Q of YIQ)") {
  const Tensor content = test_content_image(), style = test_style_image();
  GatysSettings settings = small_settings();
  settings.colour = ColourMode::LuminanceOnly;
  GatysOptimisation gatys;
  std::string error;
  REQUIRE(gatys.start(settings, content, style, &error));
  for (int i = 0; i < 15; ++i) gatys.iterate();
  const Tensor out = rgb_to_yiq(gatys.image()), reference = rgb_to_yiq(gatys.content());
  const int pixels = 64 * 64;
  double chroma_error = 0, luminance_change = 0;
  int unclamped = 0;
  const Tensor rgb = gatys.image();
  for (int p = 0; p < pixels; ++p) {
    luminance_change += std::fabs(out[p] - reference[p]);
    bool clamped = false;
    for (int c = 0; c < 3; ++c) clamped = clamped || rgb[c * pixels + p] <= 0 || rgb[c * pixels + p] >= 1;
    if (clamped) continue;  // clamping to [0, 1] may bend the chroma of saturated pixels
    ++unclamped;
    chroma_error = std::max({chroma_error, std::fabs(static_cast<double>(out[pixels + p] - reference[pixels + p])),
                             std::fabs(static_cast<double>(out[2 * pixels + p] - reference[2 * pixels + p]))});
  }
  CHECK(unclamped > pixels / 2);
  CHECK(chroma_error < 1e-4);
  CHECK(luminance_change / pixels > 0.02);  // the luminance did change: the style went somewhere
}

TEST_CASE("Adam with a clamp also lowers the total loss and keeps pixels in [0, 1]") {
  GatysSettings settings = small_settings();
  settings.optimizer = GatysOptimizer::Adam;
  GatysOptimisation gatys;
  std::string error;
  REQUIRE(gatys.start(settings, test_content_image(), test_style_image(), &error));
  const float initial = gatys.total_loss();
  for (int i = 0; i < 20; ++i) REQUIRE(gatys.iterate());
  CHECK(gatys.total_loss() < initial / 2);
  const Tensor out = gatys.image();
  for (int i = 0; i < out.size(); ++i) REQUIRE((out[i] >= 0 && out[i] <= 1));
}

TEST_CASE("every preset starts and iterates; the feature-loss preset sharpens its blurred start") {
  for (const GatysPreset& preset : gatys_presets()) {
    CAPTURE(preset.id);
    GatysSettings settings = preset.settings;
    settings.resolution = 48;
    GatysOptimisation gatys;
    std::string error;
    REQUIRE_MESSAGE(gatys.start(settings, test_content_image(), test_style_image(), &error), error);
    const float initial = gatys.total_loss();
    for (int i = 0; i < 5; ++i) gatys.iterate();
    CHECK(gatys.total_loss() < initial);
  }
}

TEST_CASE("bad settings or images give a message and leave the previous run alone") {
  GatysOptimisation gatys;
  std::string error;
  CHECK_FALSE(gatys.iterate());
  REQUIRE(gatys.start(small_settings(), test_content_image(), test_style_image(), &error));
  gatys.iterate();
  const Tensor before = gatys.image();
  GatysSettings bad = small_settings(8);
  CHECK_FALSE(gatys.start(bad, test_content_image(), test_style_image(), &error));
  CHECK(error == "gatys: the resolution must be from 32 to 1024, not 8");
  CHECK_FALSE(gatys.start(small_settings(), Tensor(Shape{1, 1, 32, 32}), test_style_image(), &error));
  GatysSettings classifier = small_settings();
  classifier.network = LossNetworkKind::Classifier;
  CHECK_FALSE(gatys.start(classifier, test_content_image(), test_style_image(), &error));
  const std::vector<uint8_t> junk = {1, 2, 3};
  CHECK_FALSE(gatys.start(classifier, test_content_image(), test_style_image(), &error, &junk));
  CHECK(error.find("gatys: weights:") == 0);
  CHECK(gatys.image().to_vector() == before.to_vector());
  CHECK(gatys.iteration() == 1);
}
