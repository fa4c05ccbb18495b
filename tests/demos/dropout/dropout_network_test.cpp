// tests/demos/dropout/dropout_network_test.cpp: masks keep the right
// fraction of units, and the two test-time rules (inverted dropout, weight
// scaling) are the networks the notes describe.
#include "demos/dropout/dropout_network.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/init.h"
#include "engine/ops/dropout.h"

namespace {

NetworkConfig small_config(DropoutScaling scaling) {
  NetworkConfig config;
  config.inputs = 7;
  config.classes = 3;
  config.hidden = {11, 9};
  config.drop = {0.2f, 0.5f, 0.3f};
  config.scaling = scaling;
  return config;
}

Tensor random_inputs(int rows, int columns, uint64_t seed) {
  Tensor x(Shape{rows, columns});
  Pcg32 rng(seed);
  fill_uniform(x, rng, 0.0f, 1.0f);
  return x;
}

Tensor run(DropoutNetwork& network, const Tensor& x, Pass pass, uint64_t seed = 1) {
  Tape tape;
  Pcg32 rng(seed);
  return network.forward(tape, tape.constant(x.clone()), pass, rng).value().clone();
}

}  // namespace

TEST_CASE("keep masks keep a fraction q of units, within sampling error, for each rate") {
  Pcg32 rng(5);
  for (float keep : {0.1f, 0.5f, 0.8f}) {
    CAPTURE(keep);
    Tensor mask(Shape{200, 500});
    ops::draw_keep_mask_values(mask.size(), keep, rng, mask.data());
    double kept = 0;
    int neither = 0;
    for (int i = 0; i < mask.size(); ++i) {
      neither += mask[i] != 0.0f && mask[i] != 1.0f;
      kept += mask[i];
    }
    CHECK(neither == 0);
    double n = mask.size(), sd = std::sqrt(keep * (1 - keep) / n);
    CHECK(std::fabs(kept / n - keep) < 5 * sd);
    // Each row (one example's thinned layer) varies around q too: no row is all kept or all dropped.
    for (int r = 0; r < 200; ++r) {
      double row = 0;
      for (int j = 0; j < 500; ++j) row += mask[r * 500 + j];
      CHECK(row > 0);
      CHECK(row < 500);
    }
  }
}

TEST_CASE("a training pass records one mask per dropped layer, keeping about 1 - p of its units") {
  DropoutNetwork network(small_config(DropoutScaling::Inverted), 3);
  Tape tape;
  Pcg32 rng(8);
  PassDetails details;
  Var logits = network.forward(tape, tape.constant(random_inputs(400, 7, 2)), Pass::Training, rng, &details);
  REQUIRE(logits.ok());
  CHECK(logits.shape() == Shape{400, 3});
  REQUIRE(details.masks.size() == 3);
  REQUIRE(details.hidden.size() == 2);
  for (int l = 0; l < 3; ++l) {
    const Tensor& mask = details.masks[static_cast<size_t>(l)];
    double kept = 0;
    for (int i = 0; i < mask.size(); ++i) kept += mask[i];
    CHECK(kept / mask.size() == doctest::Approx(1.0 - network.drop_rate(l)).epsilon(0.08));
  }
}

TEST_CASE("in evaluation mode inverted dropout is the identity: the network equals its no-dropout twin") {
  DropoutNetwork dropped(small_config(DropoutScaling::Inverted), 4);
  DropoutNetwork plain(without_dropout(small_config(DropoutScaling::Inverted)), 4);
  Tensor x = random_inputs(5, 7, 3);
  Tensor a = run(dropped, x, Pass::Deterministic), b = run(plain, x, Pass::Deterministic);
  for (int i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);

  // The engine's op agrees: evaluation mode returns its input unchanged, with a mask of ones.
  Tape tape;
  tape.training = false;
  Var input = tape.constant(x.clone());
  ops::Dropout result = ops::dropout(input, 0.5f);
  CHECK(result.output.id == input.id);
  for (int i = 0; i < result.mask.size(); ++i) CHECK(result.mask[i] == 1.0f);
}

TEST_CASE("weight scaling at test time equals the network with each layer's incoming weights scaled by q") {
  NetworkConfig config = small_config(DropoutScaling::WeightScaling);
  DropoutNetwork dropped(config, 6);
  DropoutNetwork scaled(without_dropout(config), 6);
  for (size_t l = 0; l < scaled.layers().size(); ++l) {
    Tensor& w = scaled.layers()[l].weight.value;
    for (int i = 0; i < w.size(); ++i) w[i] *= 1.0f - config.drop[l];  // W <- q W, as the paper's test network
  }
  Tensor x = random_inputs(6, 7, 4);
  Tensor a = run(dropped, x, Pass::Deterministic), b = run(scaled, x, Pass::Deterministic);
  for (int i = 0; i < a.size(); ++i) CHECK(a[i] == doctest::Approx(b[i]).epsilon(1e-5));
}

TEST_CASE("the two networks of a comparison start from identical weights") {
  NetworkConfig config = small_config(DropoutScaling::Inverted);
  DropoutNetwork a(config, 12), b(without_dropout(config), 12), c(config, 13);
  bool differs_with_other_seed = false;
  for (size_t l = 0; l < a.layers().size(); ++l) {
    const Tensor &wa = a.layers()[l].weight.value, &wb = b.layers()[l].weight.value, &wc = c.layers()[l].weight.value;
    for (int i = 0; i < wa.size(); ++i) {
      CHECK(wa[i] == wb[i]);
      differs_with_other_seed |= wa[i] != wc[i];
    }
  }
  CHECK(differs_with_other_seed);
  CHECK(a.uses_dropout());
  CHECK_FALSE(b.uses_dropout());
}

TEST_CASE("inverted dropout keeps each layer's expected input: a linear output's mean over masks is the test-time output") {
  // Dropout only before the output layer: logits are linear in the mask, so
  // E[logits] is exactly the deterministic network's, for either scaling rule.
  for (DropoutScaling scaling : {DropoutScaling::Inverted, DropoutScaling::WeightScaling}) {
    NetworkConfig config = small_config(scaling);
    config.drop = {0.0f, 0.0f, 0.5f};
    DropoutNetwork network(config, 9);
    Tensor one = random_inputs(1, 7, 5);
    Tensor repeated(Shape{20000, 7});
    for (int r = 0; r < 20000; ++r)
      for (int i = 0; i < 7; ++i) repeated[r * 7 + i] = one[i];
    Tensor samples = run(network, repeated, Pass::Training, 21);
    Tensor fixed = run(network, one, Pass::Deterministic);
    for (int k = 0; k < 3; ++k) {
      double mean = 0;
      for (int r = 0; r < 20000; ++r) mean += samples[r * 3 + k] / 20000.0;
      CHECK(mean == doctest::Approx(fixed[k]).epsilon(0.02).scale(1.0));
    }
  }
}
