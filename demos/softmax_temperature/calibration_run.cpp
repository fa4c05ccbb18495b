#include "demos/softmax_temperature/calibration_run.h"

#include <algorithm>
#include <cmath>

#include "engine/ops/losses.h"

namespace {
constexpr int kBatch = 50;
}

double nll_curve_temperature(int point) {
  const double lo = std::log(kNllCurveMinT), hi = std::log(kNllCurveMaxT);
  return std::exp(lo + (hi - lo) * point / (kNllCurvePoints - 1));
}

CalibrationRun::CalibrationRun(const CalibrationConfig& config)
    : config_(config), network_(config.hidden, config.classes, config.learning_rate, config.seed + 10) {
  Pcg32 data_rng(config_.seed);
  train_ = make_k_class_blobs(std::max(config_.train_points, 10), config_.classes, config_.noise, data_rng);
  validation_ = make_k_class_blobs(std::max(config_.validation_points, 10), config_.classes, config_.noise, data_rng);
  test_ = make_k_class_blobs(std::max(config_.test_points, 10), config_.classes, config_.noise, data_rng);
  Pcg32 batch_rng(config_.seed + 30);
  batches_ = std::make_unique<BatchIterator>(train_.size(), kBatch, batch_rng);
}

double CalibrationRun::progress() const {
  return std::min(1.0, static_cast<double>(network_.steps()) / std::max(1, config_.steps));
}

bool CalibrationRun::advance() {
  if (phase_ != Phase::Training) return false;
  if (network_.steps() >= config_.steps) {
    measure();
    return true;
  }
  Batch batch = gather_batch(train_, batches_->next());
  std::vector<int> labels = batch.labels;
  if (!network_.step(batch.x, [&labels](Tape&, Var logits) { return ops::cross_entropy(logits, labels); })) {
    phase_ = Phase::Failed;
    error_ = "the classifier: " + network_.error();
  }
  return true;
}

void CalibrationRun::run_to_end() {
  while (advance()) {
  }
}

void CalibrationRun::measure() {
  validation_logits_ = network_.logits(validation_);
  test_logits_ = network_.logits(test_);
  CalibrationResult& r = result_;
  r.fitted_temperature = fit_temperature(validation_logits_, validation_.label);
  r.test_accuracy = accuracy(test_logits_, test_.label);
  r.nll_before = mean_negative_log_likelihood(test_logits_, test_.label, 1.0);
  r.nll_after = mean_negative_log_likelihood(test_logits_, test_.label, r.fitted_temperature);
  r.validation_nll_curve.clear();
  for (int i = 0; i < kNllCurvePoints; ++i) r.validation_nll_curve.push_back(validation_nll(nll_curve_temperature(i)));
  r.validation_nll_fitted = validation_nll(r.fitted_temperature);
  phase_ = Phase::Finished;
  bin_predictions();
}

void CalibrationRun::bin_predictions() {
  CalibrationResult& r = result_;
  r.bins_before = reliability_bins(test_logits_, test_.label, 1.0, config_.bins);
  r.bins_after = reliability_bins(test_logits_, test_.label, r.fitted_temperature, config_.bins);
  r.ece_before = expected_calibration_error(r.bins_before);
  r.ece_after = expected_calibration_error(r.bins_after);
}

void CalibrationRun::set_bins(int bins) {
  if (bins == config_.bins) return;
  config_.bins = bins;
  if (phase_ == Phase::Finished) bin_predictions();
}

double CalibrationRun::validation_nll(double temperature) const {
  return mean_negative_log_likelihood(validation_logits_, validation_.label, temperature);
}

double CalibrationRun::test_ece(double temperature) const {
  return expected_calibration_error(reliability_bins(test_logits_, test_.label, temperature, config_.bins));
}
