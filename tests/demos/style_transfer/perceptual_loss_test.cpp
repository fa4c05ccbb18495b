// tests/demos/style_transfer/perceptual_loss_test.cpp: content, style and TV losses.
#include "demos/style_transfer/perceptual_loss.h"

#include <doctest/doctest.h>

#include "engine/ops/elementwise.h"
#include "engine/ops/gram.h"
#include "tests/demos/style_transfer/one_sided_gradcheck.h"
#include "tests/engine/gradcheck.h"

namespace {

Tensor random_image(int size, uint64_t seed) { return random_tensor({1, 3, size, size}, seed, 0.0f, 1.0f); }

}  // namespace

TEST_CASE("relative_squared_error is ||x - t||^2 / ||t||^2 and matches finite differences") {
  Tape tape;
  const Tensor target = Tensor::from({4}, {1, 2, 0, -2});  // ||t||^2 = 9
  Var e = relative_squared_error(tape.constant(Tensor::from({4}, {1, 0, 1, -2})), target);
  CHECK(e.value().item() == doctest::Approx((0 + 4 + 1 + 0) / 9.0));
  CHECK(relative_squared_error(tape.constant(Tensor(Shape{4})), target).value().item() == doctest::Approx(1.0));
  GradCheckResult r = gradcheck(
      [&target](Tape&, const std::vector<Var>& v) { return relative_squared_error(v[0], target); },
      {random_tensor({4}, 21)});
  CHECK_MESSAGE(r.ok, r.report);
  relative_squared_error(tape.constant(Tensor(Shape{3})), target);
  CHECK(tape.error() == "relative_squared_error: x [3] and target [4] differ in size");
}

TEST_CASE("mean_squared_tv is the squared neighbour differences over N C H W, and matches finite differences") {
  Tape tape;
  // One 2x2 plane [0, 1; 1, 3]: vertical differences 1, 2; horizontal 1, 2: (1+4+1+4) / 4.
  CHECK(mean_squared_tv(tape.constant(Tensor::from({1, 1, 2, 2}, {0, 1, 1, 3}))).value().item() ==
        doctest::Approx(2.5));
  CHECK(mean_squared_tv(tape.constant(Tensor(Shape{1, 3, 4, 4}, 0.7f))).value().item() == 0);
  GradCheckResult r = gradcheck([](Tape&, const std::vector<Var>& v) { return mean_squared_tv(v[0]); },
                                {random_tensor({2, 2, 3, 5}, 22)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("the content image has content loss 0 and the style image style loss 0") {
  LossNetwork network = LossNetwork::random_normalised(1);
  PerceptualLoss loss(network, {});
  const Tensor content = random_image(32, 23), style = random_image(48, 24);
  std::string error;
  REQUIRE(loss.set_targets(content, style, &error));
  Tape tape;
  PerceptualLossTerms at_content = loss.evaluate(tape, tape.constant(content));
  CHECK(at_content.content.value().item() == 0);
  CHECK(at_content.style.value().item() > 0);
  // The style image at the content's size: same statistics, so a zero style loss needs the same image.
  PerceptualLoss style_only(network, {});
  REQUIRE(style_only.set_targets(style, style, &error));
  CHECK(style_only.evaluate(tape, tape.constant(style)).style.value().item() == doctest::Approx(0).epsilon(1e-6));
}

TEST_CASE("the total is content_weight * content + style_weight * style + tv_weight * tv") {
  LossNetwork network = LossNetwork::random_normalised(2);
  PerceptualLossSettings settings;
  settings.content_weight = 2;
  settings.style_weight = 30;
  settings.tv_weight = 5;
  settings.style_layers = {{"relu1_1", 0.5f}, {"relu3_1", 2.0f}};
  PerceptualLoss loss(network, settings);
  std::string error;
  REQUIRE(loss.set_targets(random_image(32, 25), random_image(32, 26), &error));
  Tape tape;
  PerceptualLossTerms t = loss.evaluate(tape, tape.constant(random_image(32, 27)));
  const float c = t.content.value().item(), s = t.style.value().item(), tv = t.tv.value().item();
  CHECK(c > 0);
  CHECK(s > 0);
  CHECK(tv > 0);
  CHECK(t.total.value().item() == doctest::Approx(2 * c + 30 * s + 5 * tv));
}

TEST_CASE("the style loss is the weighted sum of per-layer relative Gram errors") {
  LossNetwork network = LossNetwork::random_normalised(3);
  PerceptualLossSettings settings;
  settings.style_layers = {{"relu1_2", 0.3f}, {"relu2_1", 0.7f}};
  PerceptualLoss loss(network, settings);
  const Tensor style = random_image(32, 28), image = random_image(32, 29);
  std::string error;
  REQUIRE(loss.set_targets(image, style, &error));
  Tape tape;
  const float s = loss.evaluate(tape, tape.constant(image)).style.value().item();
  double expected = 0;
  for (const StyleLayerWeight& layer : settings.style_layers) {
    Tensor g_style = ops::gram_matrix(network.features(tape, tape.constant(style), {layer.layer})[0]).value();
    Tensor g_image = ops::gram_matrix(network.features(tape, tape.constant(image), {layer.layer})[0]).value();
    double diff = 0, norm = 0;
    for (int i = 0; i < g_style.size(); ++i) {
      diff += (g_image[i] - g_style[i]) * static_cast<double>(g_image[i] - g_style[i]);
      norm += g_style[i] * static_cast<double>(g_style[i]);
    }
    expected += layer.weight * diff / norm;
  }
  CHECK(s == doctest::Approx(expected).epsilon(1e-4));
}

TEST_CASE("the total loss's gradient with respect to the pixels matches finite differences (tiny network)") {
  LossNetwork network({3, 4, 4, 4});
  network.init_random(30);
  network.normalise_activations(normalisation_images(1, 16, 31));
  PerceptualLossSettings settings;
  settings.content_layer = "relu2_1";
  settings.style_layers = {{"relu1_1", 0.5f}, {"relu2_2", 0.5f}};
  settings.style_weight = 10;
  settings.tv_weight = 3;
  PerceptualLoss loss(network, settings);
  std::string error;
  REQUIRE(loss.set_targets(random_image(16, 32), random_image(16, 33), &error));
  GradCheckResult r = one_sided_gradcheck([&loss](Tape& tape, Var x) { return loss.evaluate(tape, x).total; },
                                          random_image(16, 34), 1e-3f, 3e-2);
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("a term with weight 0 is still reported but sends no gradient to the pixels") {
  LossNetwork network = LossNetwork::random_normalised(4);
  const Tensor content = random_image(32, 35), style = random_image(32, 36), start = random_image(32, 37);
  PerceptualLossSettings settings;
  settings.content_weight = 0;
  settings.tv_weight = 0;
  PerceptualLoss loss(network, settings);
  std::string error;
  REQUIRE(loss.set_targets(content, style, &error));
  Tape tape;
  Var x = tape.variable(start);
  PerceptualLossTerms t = loss.evaluate(tape, x);
  CHECK(t.content.value().item() > 0);
  CHECK(t.tv.value().item() > 0);
  REQUIRE(tape.backward(t.total));
  const std::vector<float> with_zero_terms = tape.grad(x).to_vector();
  // The same gradient as the style term alone.
  Tape style_tape;
  Var y = style_tape.variable(start);
  REQUIRE(style_tape.backward(ops::scale(loss.evaluate(style_tape, y).style, settings.style_weight)));
  CHECK(with_zero_terms == style_tape.grad(y).to_vector());
}

TEST_CASE("bad layer names and mismatched sizes give messages") {
  LossNetwork network;
  PerceptualLossSettings settings;
  settings.content_layer = "relu9_9";
  PerceptualLoss loss(network, settings);
  std::string error;
  CHECK_FALSE(loss.set_targets(random_image(32, 1), random_image(32, 2), &error));
  CHECK(error == "perceptual loss: unknown layer 'relu9_9' (use relu1_1 ... relu4_2)");
  PerceptualLoss good(network, {});
  CHECK_FALSE(good.set_targets(random_image(32, 1), random_image(8, 2), &error));
  CHECK(error.find("loss network: needs an image") == 0);
  REQUIRE(good.set_targets(random_image(32, 1), random_image(32, 2), &error));
  Tape tape;
  good.evaluate(tape, tape.constant(random_image(48, 3)));
  CHECK(tape.failed());
}
