#include "demos/softmax_temperature/tempered_softmax.h"

#include "engine/ops/softmax.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

SoftmaxSummary summarize_softmax(const std::vector<float>& logits, double temperature) {
  SoftmaxSummary s;
  if (logits.empty() || !(temperature > 0)) return s;
  std::vector<double> shifted(logits.size());
  const double log_z = log_sum_exp(logits.data(), static_cast<int>(logits.size()), temperature, shifted.data());
  double expected_shift = 0;
  for (double v : shifted) {
    double p = det_math::exp(v - log_z);
    s.probabilities.push_back(p);
    expected_shift += p * v;
  }
  s.entropy = std::max(0.0, log_z - expected_shift);
  std::vector<double> sorted(shifted);
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  s.max_probability = det_math::exp(sorted[0] - log_z);
  s.top_two_ratio = sorted.size() < 2 ? 1 : det_math::exp(std::min(sorted[0] - sorted[1], 690.0));
  return s;
}

bool parse_logits(const std::string& text, std::vector<float>* logits) {
  std::vector<float> values;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty() || item.size() > 16) return false;
    char* end = nullptr;
    double v = std::strtod(item.c_str(), &end);
    if (end != item.c_str() + item.size() || !std::isfinite(v) || std::fabs(v) > kLogitLimit) return false;
    values.push_back(static_cast<float>(v));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (static_cast<int>(values.size()) < kMinLogits || static_cast<int>(values.size()) > kMaxLogits) return false;
  if (logits) *logits = std::move(values);
  return true;
}

bool valid_logits_text(const std::string& text) { return parse_logits(text, nullptr); }

std::string format_logits(const std::vector<float>& logits) {
  std::string text;
  char buffer[32];
  for (float v : logits) {
    double rounded = std::round(static_cast<double>(v) * 100) / 100;
    std::snprintf(buffer, sizeof buffer, "%s%g", text.empty() ? "" : ",", rounded == 0 ? 0.0 : rounded);
    text += buffer;
  }
  return text;
}

std::vector<int> sample_counts(const std::vector<double>& probabilities, int draws, Pcg32& rng) {
  std::vector<int> counts(probabilities.size(), 0);
  if (probabilities.empty()) return counts;
  for (int d = 0; d < draws; ++d) {
    double u = rng.uniform(), cumulative = 0;
    size_t k = 0;
    for (; k + 1 < probabilities.size(); ++k) {
      cumulative += probabilities[k];
      if (u < cumulative) break;
    }
    ++counts[k];
  }
  return counts;
}
