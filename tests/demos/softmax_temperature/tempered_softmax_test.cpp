// tests/demos/softmax_temperature/tempered_softmax_test.cpp: softmax(z / T)
// as the logit explorer shows it (engine/ops/softmax.h's softmax_values and
// the demo's summary), the URL text of the logits, and sampling.
#include "demos/softmax_temperature/tempered_softmax.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "engine/ops/softmax.h"

namespace {

const std::vector<float> kLogits = {3, 1.5f, 1, 0.2f, -1};

std::vector<float> engine_softmax(const std::vector<float>& z, float temperature) {
  std::vector<float> p(z.size());
  softmax_values(z.data(), static_cast<int>(z.size()), temperature, p.data());
  return p;
}

}  // namespace

TEST_CASE("softmax with temperature sums to 1 at every T") {
  for (float t : {0.05f, 0.3f, 1.0f, 4.0f, 20.0f}) {
    std::vector<float> p = engine_softmax(kLogits, t);
    CHECK(std::accumulate(p.begin(), p.end(), 0.0) == doctest::Approx(1.0).epsilon(1e-6));
    SoftmaxSummary s = summarize_softmax(kLogits, t);
    CHECK(std::accumulate(s.probabilities.begin(), s.probabilities.end(), 0.0) == doctest::Approx(1.0).epsilon(1e-12));
    for (size_t i = 0; i < p.size(); ++i) CHECK(s.probabilities[i] == doctest::Approx(p[i]).epsilon(1e-5));
  }
}

TEST_CASE("softmax with temperature is invariant to adding a constant to every logit") {
  std::vector<float> shifted = kLogits;
  for (float& z : shifted) z += 7.5f;
  for (float t : {0.1f, 1.0f, 10.0f}) {
    SoftmaxSummary a = summarize_softmax(kLogits, t), b = summarize_softmax(shifted, t);
    for (size_t i = 0; i < kLogits.size(); ++i) CHECK(a.probabilities[i] == doctest::Approx(b.probabilities[i]));
    CHECK(a.entropy == doctest::Approx(b.entropy));
  }
}

TEST_CASE("entropy increases monotonically with T, from near 0 to near log K") {
  double previous = -1;
  for (int i = 0; i <= 200; ++i) {
    double t = 0.05 * std::pow(400.0, i / 200.0);  // 0.05 .. 20, log-spaced
    double h = summarize_softmax(kLogits, t).entropy;
    CHECK(h > previous);
    previous = h;
  }
  CHECK(summarize_softmax(kLogits, 0.05).entropy < 1e-6);
  CHECK(summarize_softmax(kLogits, 20).entropy > std::log(5.0) - 0.01);
}

TEST_CASE("softmax with temperature -> one-hot at the argmax as T -> 0, uniform as T grows, the plain softmax at T = 1") {
  SoftmaxSummary cold = summarize_softmax(kLogits, 0.05);
  CHECK(cold.probabilities[0] > 1 - 1e-9);  // the next logit is 1.5 below: exp(-30)
  CHECK(cold.max_probability == doctest::Approx(cold.probabilities[0]));
  std::vector<float> hot = engine_softmax(kLogits, 1000);
  for (float p : hot) CHECK(p == doctest::Approx(0.2).epsilon(0.01));
  double z = 0;
  for (float v : kLogits) z += std::exp(static_cast<double>(v));
  SoftmaxSummary plain = summarize_softmax(kLogits, 1);
  for (size_t i = 0; i < kLogits.size(); ++i)
    CHECK(plain.probabilities[i] == doctest::Approx(std::exp(static_cast<double>(kLogits[i])) / z));
  CHECK(plain.top_two_ratio == doctest::Approx(std::exp(1.5)));
}

TEST_CASE("softmax with temperature is stable for logits of +-1e4") {
  const std::vector<float> extreme = {1e4f, -1e4f, 0, 9999};
  for (float t : {0.05f, 1.0f, 20.0f}) {
    std::vector<float> p = engine_softmax(extreme, t);
    SoftmaxSummary s = summarize_softmax(extreme, t);
    for (size_t i = 0; i < p.size(); ++i) {
      CHECK(std::isfinite(p[i]));
      CHECK(std::isfinite(s.probabilities[i]));
    }
    CHECK(std::accumulate(p.begin(), p.end(), 0.0) == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(std::isfinite(s.entropy));
    CHECK(std::isfinite(s.top_two_ratio));
    CHECK(s.probabilities[1] == 0.0);
  }
  // At T = 1 the logits 1e4 and 9999 share the mass e : 1.
  CHECK(summarize_softmax(extreme, 1).probabilities[0] == doctest::Approx(std::exp(1.0) / (1 + std::exp(1.0))));
}

TEST_CASE("logits in the URL: 3 to 10 finite numbers within +-10, separated by commas") {
  std::vector<float> z;
  CHECK(parse_logits("3,1.5,-1", &z));
  CHECK(z == std::vector<float>{3, 1.5f, -1});
  CHECK(parse_logits(format_logits({2.004f, -0.5f, 10, 0}), &z));
  CHECK(format_logits(z) == "2,-0.5,10,0");
  for (const char* bad : {"", "1,2", "1,2,3,4,5,6,7,8,9,10,11", "1,,2,3", "1,2,3,", "1,2,x", "1,2,nan", "1,2,inf",
                          "1,2,11", "1,2,-10.5", "1 ,2,3", "1e400,1,2"})
    CHECK_MESSAGE(!valid_logits_text(bad), bad);
}

TEST_CASE("sample frequencies approach the probabilities") {
  SoftmaxSummary s = summarize_softmax(kLogits, 1.5);
  Pcg32 rng(3);
  std::vector<int> counts = sample_counts(s.probabilities, 100000, rng);
  CHECK(std::accumulate(counts.begin(), counts.end(), 0) == 100000);
  for (size_t i = 0; i < counts.size(); ++i)
    CHECK(counts[i] / 100000.0 == doctest::Approx(s.probabilities[i]).epsilon(0.01).scale(1));
}
