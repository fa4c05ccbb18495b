#include "demos/softmax_temperature/calibration_math.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"

namespace {

// Per row: the largest probability of softmax(z / T), whether it is at the
// label, and -log p[label]; in double, shifted by the row's maximum.
struct RowPrediction {
  double confidence;
  bool correct;
  double negative_log_likelihood;
};

RowPrediction predict_row(const float* z, int classes, int label, double temperature) {
  int best = static_cast<int>(std::max_element(z, z + classes) - z);
  double sum = 0;
  for (int k = 0; k < classes; ++k) sum += det_math::exp((static_cast<double>(z[k]) - z[best]) / temperature);
  double log_sum = det_math::log(sum);
  double nll = log_sum - (static_cast<double>(z[label]) - z[best]) / temperature;
  return {1.0 / sum, best == label, nll};
}

}  // namespace

std::vector<ReliabilityBin> reliability_bins(const Tensor& logits, const std::vector<int>& labels, double temperature,
                                             int bins) {
  bins = std::max(1, bins);
  std::vector<ReliabilityBin> out(static_cast<size_t>(bins));
  if (logits.empty() || logits.rank() != 2 || logits.dim(0) != static_cast<int>(labels.size())) return out;
  int classes = logits.dim(1);
  for (size_t r = 0; r < labels.size(); ++r) {
    RowPrediction p = predict_row(logits.data() + r * static_cast<size_t>(classes), classes, labels[r], temperature);
    int bin = std::clamp(static_cast<int>(std::ceil(p.confidence * bins)) - 1, 0, bins - 1);
    ReliabilityBin& b = out[static_cast<size_t>(bin)];
    ++b.count;
    b.confidence += p.confidence;
    b.accuracy += p.correct ? 1 : 0;
  }
  for (ReliabilityBin& b : out)
    if (b.count > 0) {
      b.confidence /= b.count;
      b.accuracy /= b.count;
    }
  return out;
}

double expected_calibration_error(const std::vector<ReliabilityBin>& bins) {
  long total = 0;
  double weighted_gap = 0;
  for (const ReliabilityBin& b : bins) {
    total += b.count;
    weighted_gap += b.count * std::fabs(b.accuracy - b.confidence);
  }
  return total > 0 ? weighted_gap / static_cast<double>(total) : 0;
}

double mean_negative_log_likelihood(const Tensor& logits, const std::vector<int>& labels, double temperature) {
  if (logits.empty() || labels.empty()) return 0;
  int classes = logits.dim(1);
  double total = 0;
  for (size_t r = 0; r < labels.size(); ++r)
    total += predict_row(logits.data() + r * static_cast<size_t>(classes), classes, labels[r], temperature)
                 .negative_log_likelihood;
  return total / static_cast<double>(labels.size());
}

double fit_temperature(const Tensor& logits, const std::vector<int>& labels, double min_t, double max_t) {
  const double golden = (std::sqrt(5.0) - 1) / 2;
  auto nll_at_beta = [&](double beta) { return mean_negative_log_likelihood(logits, labels, 1.0 / beta); };
  double lo = 1.0 / max_t, hi = 1.0 / min_t;
  double a = hi - golden * (hi - lo), b = lo + golden * (hi - lo);
  double fa = nll_at_beta(a), fb = nll_at_beta(b);
  for (int i = 0; i < 80 && hi - lo > 1e-7; ++i) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - golden * (hi - lo);
      fa = nll_at_beta(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + golden * (hi - lo);
      fb = nll_at_beta(b);
    }
  }
  return 1.0 / ((lo + hi) / 2);
}
