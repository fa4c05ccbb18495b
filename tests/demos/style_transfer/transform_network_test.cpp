// tests/demos/style_transfer/transform_network_test.cpp: the fast transform network's shapes,
// gradients, style blending, strength and determinism.
#include "demos/style_transfer/transform_network.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

TransformNetworkShape tiny_shape(int styles = 2) {
  TransformNetworkShape shape;
  shape.styles = styles;
  shape.width1 = 3;
  shape.width2 = 4;
  shape.width3 = 5;
  shape.residual_blocks = 1;
  shape.outer_kernel = 3;
  return shape;
}

double max_abs_difference(const Tensor& a, const Tensor& b) {
  double worst = 0;
  for (int i = 0; i < a.size(); ++i) worst = std::max(worst, static_cast<double>(std::fabs(a[i] - b[i])));
  return worst;
}

}  // namespace

TEST_CASE("the transform network keeps the image size, outputs pixels in (0, 1) and counts its parameters") {
  TransformNetworkShape shape;  // the shipped shape: 16-32-64, 3 residual blocks, 9x9 outer convs
  shape.styles = 4;
  TransformNetwork network(shape, 1);
  Tape tape;
  NoGradScope no_grad(tape);
  Var y = network.forward(tape, tape.constant(random_tensor({2, 3, 32, 40}, 3, 0.0f, 1.0f)), 1);
  REQUIRE_MESSAGE(y.ok(), tape.error());
  CHECK(y.shape() == Shape{2, 3, 32, 40});
  for (float v : y.value().to_vector()) REQUIRE((v > 0.0f && v < 1.0f));
  // Convs: 3*16*81 + 16*32*9 + 32*64*9 + 6 * 64*64*9 + 64*32*9 + 32*16*9 + 16*3*81 = 275,616;
  // norms: 2 * (16+32+64 + 6*64 + 32+16+3) = 1,094 per style.
  CHECK(network.parameter_count() == 275616u + 4u * 1094u);
  CHECK(network.forward_macs(256, 256) == doctest::Approx(2.164e9).epsilon(0.01));
}

TEST_CASE("the transform network rejects sizes it cannot pad and wrong style weights with a message") {
  TransformNetwork network(tiny_shape(), 1);
  Tape tape;
  CHECK_FALSE(network.forward(tape, tape.constant(Tensor(Shape{1, 3, 10, 12})), 0).ok());
  CHECK(tape.error().find("multiples of 4") != std::string::npos);
  tape.clear();
  CHECK_FALSE(network.forward(tape, tape.constant(Tensor(Shape{1, 3, 8, 8})), std::vector<float>{1.0f}).ok());
  tape.clear();
  CHECK_FALSE(network.forward(tape, tape.constant(Tensor(Shape{1, 3, 8, 8})), 2).ok());
  tape.clear();
  CHECK_FALSE(network.forward(tape, tape.constant(Tensor(Shape{1, 3, 8, 8})), std::vector<float>{0.0f, 0.0f}).ok());
  StyliseResult bad = stylise(network, Tensor(Shape{1, 1, 8, 8}), 0);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("stylise") == 0);
}

TEST_CASE("the transform network's gradients match finite differences at a tiny size") {
  // Perturb the styles' parameters away from gamma = 1, beta = 0 so every term matters.
  TransformNetwork network(tiny_shape(), 5);
  Pcg32 rng(11);
  for (int s = 0; s < 2; ++s)
    for (Parameter* p : network.style_parameters(s))
      for (int i = 0; i < p->value.size(); ++i) p->value[i] += rng.uniform(-0.3f, 0.3f);
  // Gradient with respect to the input image, through every layer, for a blend of both styles.
  GradCheckOptions options;
  options.step = 1e-2f;
  options.tolerance = 5e-2;
  GradCheckResult to_pixels = gradcheck(
      [&network](Tape& tape, const std::vector<Var>& v) {
        return network.forward(tape, v[0], std::vector<float>{0.25f, 0.75f});
      },
      {random_tensor({1, 3, 8, 8}, 21, 0.0f, 1.0f)}, options);
  CHECK_MESSAGE(to_pixels.ok, to_pixels.report);

  // Gradient with respect to one conv weight and one style's gamma, by hand.
  const Tensor image = random_tensor({1, 3, 8, 8}, 22, 0.0f, 1.0f);
  const Tensor weights = random_tensor({1, 3, 8, 8}, 23);
  auto loss_of = [&](Tape& tape) {
    Var y = network.forward(tape, tape.constant(image), 1);
    return ops::sum(ops::mul(y, tape.constant(weights)));
  };
  for (Parameter* p : network.parameters()) p->grad = Tensor(p->value.shape());
  Tape tape;
  REQUIRE(tape.backward(loss_of(tape)));
  std::vector<Parameter*> checked{network.shared_parameters()[3], network.style_parameters(1)[2],
                                  network.style_parameters(1)[network.style_parameters(1).size() - 1]};
  for (Parameter* p : checked) {
    CAPTURE(p->name);
    for (int i = 0; i < std::min(p->value.size(), 6); ++i) {
      const float saved = p->value[i];
      const float h = 1e-2f;
      Tape plus, minus;
      p->value[i] = saved + h;
      const double up = loss_of(plus).value().item();
      p->value[i] = saved - h;
      const double down = loss_of(minus).value().item();
      p->value[i] = saved;
      const double numeric = (up - down) / (2 * h);
      CHECK(std::fabs(p->grad[i] - numeric) <= 0.05 * std::fabs(numeric) + 2e-3);
    }
  }
  // A one-hot style sends no gradient to the other style's parameters.
  for (Parameter* p : network.style_parameters(0))
    for (float g : p->grad.to_vector()) CHECK(g == 0.0f);
}

TEST_CASE("blending two styles equals using the blended normalisation parameters") {
  TransformNetwork network(tiny_shape(), 2), mixed(tiny_shape(1), 2);
  Pcg32 rng(3);
  for (int s = 0; s < 2; ++s)
    for (Parameter* p : network.style_parameters(s))
      for (int i = 0; i < p->value.size(); ++i) p->value[i] += rng.uniform(-0.5f, 0.5f);
  // mixed's only style = 0.3 * style 0 + 0.7 * style 1; the conv weights are the same (same seed).
  std::vector<Parameter*> a = network.style_parameters(0), b = network.style_parameters(1), m = mixed.style_parameters(0);
  for (size_t k = 0; k < m.size(); ++k)
    for (int i = 0; i < m[k]->value.size(); ++i) m[k]->value[i] = 0.3f * a[k]->value[i] + 0.7f * b[k]->value[i];
  const Tensor image = random_tensor({1, 3, 12, 16}, 4, 0.0f, 1.0f);
  StyliseResult blended = stylise(network, image, std::vector<float>{3.0f, 7.0f});  // normalised to 0.3, 0.7
  StyliseResult direct = stylise(mixed, image, 0);
  REQUIRE(blended.ok);
  REQUIRE(direct.ok);
  CHECK(max_abs_difference(blended.image, direct.image) < 1e-5);
  // And the two pure styles give different pictures.
  CHECK(max_abs_difference(stylise(network, image, 0).image, stylise(network, image, 1).image) > 1e-2);
}

TEST_CASE("strength blends the stylised output with the content pixel by pixel") {
  TransformNetwork network(tiny_shape(), 9);
  const Tensor image = random_tensor({1, 3, 8, 8}, 5, 0.0f, 1.0f);
  StyliseResult full = stylise(network, image, 0, 1.0f), none = stylise(network, image, 0, 0.0f),
                half = stylise(network, image, 0, 0.5f);
  REQUIRE((full.ok && none.ok && half.ok));
  CHECK(none.image.to_vector() == image.to_vector());
  for (int i = 0; i < image.size(); ++i)
    CHECK(half.image[i] == doctest::Approx(0.5 * full.image[i] + 0.5 * image[i]).epsilon(1e-6));
  CHECK_FALSE(stylise(network, image, 0, 1.5f).ok);
}

TEST_CASE("the transform network is deterministic: same seed, same input, same bits") {
  const Tensor image = random_tensor({1, 3, 16, 16}, 6, 0.0f, 1.0f);
  TransformNetwork first(tiny_shape(), 42), second(tiny_shape(), 42), other(tiny_shape(), 43);
  CHECK(stylise(first, image, 1).image.to_vector() == stylise(second, image, 1).image.to_vector());
  CHECK(stylise(first, image, 1).image.to_vector() != stylise(other, image, 1).image.to_vector());
}
