// The logit explorer's maths: softmax(z / T) and the numbers that describe
// it (entropy, the largest probability, the ratio of the two largest), the
// logits as URL text, and samples drawn from the distribution.
//
//   p_i = exp(z_i / T) / sum_k exp(z_k / T)
//   T -> 0: one-hot at the argmax;  T = 1: the plain softmax;  T -> inf: uniform 1/K.
#pragma once

#include <string>
#include <vector>

#include "engine/random.h"

constexpr int kMinLogits = 3, kMaxLogits = 10;
constexpr float kLogitLimit = 10.0f;  // the URL and the bars accept logits in [-10, 10]
constexpr float kMinTemperature = 0.05f, kMaxTemperature = 20.0f;

struct SoftmaxSummary {
  std::vector<double> probabilities;
  double entropy = 0;          // nats: 0 for one-hot, log K for uniform
  double max_probability = 0;
  double top_two_ratio = 1;    // p_(1) / p_(2) = exp((z_(1) - z_(2)) / T); capped at 1e300
};

// Computed in double from shifted logits, so logits of +/-1e4 and T = 0.05
// neither overflow nor lose the entropy: H = log Z - sum_i p_i s_i with
// s_i = (z_i - max z) / T and Z = sum_i exp(s_i).
SoftmaxSummary summarize_softmax(const std::vector<float>& logits, double temperature);

// "2,1,0.5" -> {2, 1, 0.5}: 3 to 10 finite numbers within +/-kLogitLimit, nothing else.
bool parse_logits(const std::string& text, std::vector<float>* logits);
bool valid_logits_text(const std::string& text);
std::string format_logits(const std::vector<float>& logits);  // two decimals at most

// How many of `draws` samples from `probabilities` fell on each class
// (inverse CDF on uniform draws from one seeded stream).
std::vector<int> sample_counts(const std::vector<double>& probabilities, int draws, Pcg32& rng);
