// tests/demos/dropout/mc_inference_test.cpp: Monte-Carlo dropout converges
// on the deterministic (weight-scaled) network as the number of samples grows.
#include "demos/dropout/mc_inference.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "engine/init.h"

namespace {

NetworkConfig config_with(std::vector<float> drop) {
  NetworkConfig config;
  config.inputs = 6;
  config.classes = 4;
  config.hidden = {16, 12};
  config.drop = std::move(drop);
  return config;
}

std::vector<float> example(uint64_t seed) {
  Pcg32 rng(seed);
  std::vector<float> x(6);
  for (float& v : x) v = rng.uniform(-1.0f, 1.0f);
  return x;
}

double distance(const std::vector<float>& a, const float* b) {
  double d = 0;
  for (size_t k = 0; k < a.size(); ++k) d = std::max(d, std::fabs(static_cast<double>(a[k] - b[k])));
  return d;
}

}  // namespace

TEST_CASE("summarise_rows gives each column's mean and standard deviation") {
  Tensor values = Tensor::from(Shape{4, 2}, {1, 10, 3, 10, 5, 10, 7, 10});
  SampleSummary s = summarise_rows(values);
  CHECK(s.mean[0] == doctest::Approx(4.0));
  CHECK(s.deviation[0] == doctest::Approx(std::sqrt(5.0)));
  CHECK(s.mean[1] == doctest::Approx(10.0));
  CHECK(s.deviation[1] == doctest::Approx(0.0));
}

TEST_CASE("the MC-dropout mean approaches the scaled network's output as N grows") {
  // Dropout on the last hidden layer only: the logits are linear in that
  // mask, so the mean of N samples converges on the deterministic logits
  // exactly, its error shrinking like 1/sqrt(N).
  DropoutNetwork network(config_with({0.0f, 0.0f, 0.5f}), 3);
  std::vector<float> x = example(4);
  Tensor fixed = deterministic_logits(network, x.data(), 1);
  double previous = 1e9;
  for (int samples : {10, 1000, 100000}) {
    CAPTURE(samples);
    Pcg32 rng(static_cast<uint64_t>(samples));
    SampleSummary mc = summarise_rows(monte_carlo_logits(network, x.data(), samples, rng));
    double error = distance(mc.mean, fixed.data());
    double tolerance = 5 * static_cast<double>(*std::max_element(mc.deviation.begin(), mc.deviation.end())) / std::sqrt(samples);
    CHECK(error < tolerance);
    CHECK(error < previous);
    previous = error;
  }
  CHECK(previous < 0.01);
}

TEST_CASE("with dropout through ReLU layers, MC dropout's averaged probabilities stay close to weight scaling") {
  // Not exact (ReLU is not linear), but close: the reason weight scaling works.
  DropoutNetwork network(config_with({0.2f, 0.5f, 0.5f}), 5);
  for (uint64_t seed : {1u, 2u, 3u}) {
    std::vector<float> x = example(seed);
    Tensor fixed = row_softmax(deterministic_logits(network, x.data(), 1));
    Pcg32 rng(seed);
    SampleSummary mc = summarise_rows(row_softmax(monte_carlo_logits(network, x.data(), 20000, rng)));
    CHECK(distance(mc.mean, fixed.data()) < 0.15);
    for (float d : mc.deviation) CHECK(d > 0);  // thinned networks disagree: that spread is the uncertainty
  }
}

TEST_CASE("without dropout every Monte-Carlo sample is the deterministic network") {
  DropoutNetwork network(config_with({0.0f, 0.0f, 0.0f}), 2);
  std::vector<float> x = example(9);
  Pcg32 rng(1);
  Tensor samples = monte_carlo_logits(network, x.data(), 5, rng);
  Tensor fixed = deterministic_logits(network, x.data(), 1);
  for (int s = 0; s < 5; ++s)
    for (int k = 0; k < 4; ++k) CHECK(samples[s * 4 + k] == doctest::Approx(fixed[k]));  // a batch of 5 vs 1 may round differently
}

TEST_CASE("the Monte-Carlo test-set evaluation runs in chunks and matches the deterministic error without dropout") {
  ClassificationData data = points_from_generator(Dataset2DKind::Moons, 20, 130, 0.2f, 3);
  NetworkConfig config = config_with({0.0f, 0.0f, 0.0f});
  config.inputs = 2;
  config.classes = 2;
  DropoutNetwork network(config, 1);
  MonteCarloEvaluation evaluation;
  Pcg32 rng(3);
  CHECK_FALSE(evaluation.advance(network, data, rng));  // not started
  evaluation.start(7, 42);
  int chunks = 0;
  while (evaluation.advance(network, data, rng)) ++chunks;
  CHECK(chunks >= 2);
  REQUIRE(evaluation.finished());
  CHECK(evaluation.measured_at_step() == 42);
  CHECK(evaluation.progress(data) == doctest::Approx(1.0));
  CHECK(evaluation.monte_carlo_error() == evaluation.deterministic_error());
}
