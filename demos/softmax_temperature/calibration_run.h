// The calibration tab's experiment: a wide MLP trained for long on few noisy
// points of overlapping blobs fits its training set and becomes
// over-confident; then one temperature is fitted on a held-out validation set
// and the reliability diagram and ECE are measured on a separate test set
// before (T = 1) and after (the fitted T), as in Guo et al. 2017.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/softmax_temperature/calibration_math.h"
#include "demos/softmax_temperature/point_classifier.h"
#include "engine/data/batches.h"

struct CalibrationConfig {
  int classes = 4;
  float noise = 0.25f;           // blobs of spread 0.15 plus this: the classes overlap
  int train_points = 200;
  int validation_points = 500;   // where T is fitted
  int test_points = 2000;        // where ECE is measured
  std::vector<int> hidden = {64, 64};
  int steps = 2000;              // mini-batches of 50
  float learning_rate = 0.005f;
  int bins = 10;                 // of the reliability diagrams: set_bins changes it without retraining
  uint64_t seed = 1;
};

// The validation NLL is sampled once per run at these temperatures (log-spaced)
// for the tab's curve, rather than recomputed every frame.
constexpr double kNllCurveMinT = 0.5, kNllCurveMaxT = 20.0;
constexpr int kNllCurvePoints = 81;
double nll_curve_temperature(int point);  // point in [0, kNllCurvePoints)

struct CalibrationResult {
  double fitted_temperature = 1;
  double test_accuracy = 0;
  double ece_before = 0, ece_after = 0;    // on the test set
  double nll_before = 0, nll_after = 0;    // on the test set
  std::vector<ReliabilityBin> bins_before, bins_after;
  std::vector<double> validation_nll_curve;  // at nll_curve_temperature(i)
  double validation_nll_fitted = 0;          // at the fitted T: the curve's minimum
};

class CalibrationRun {
 public:
  enum class Phase { Training, Finished, Failed };

  explicit CalibrationRun(const CalibrationConfig& config);

  bool advance();  // one training step, or the measurement that closes the run
  void run_to_end();
  // Re-bins the finished run's test predictions (diagrams and ECE); the
  // network, the fitted T and the NLLs do not depend on the bins.
  void set_bins(int bins);

  Phase phase() const { return phase_; }
  double progress() const;
  const std::string& error() const { return error_; }
  const CalibrationConfig& config() const { return config_; }
  const CalibrationResult& result() const { return result_; }  // valid when Finished
  float train_loss() const { return network_.last_loss(); }
  // Mean NLL on the validation set at T: the curve the fit minimises.
  double validation_nll(double temperature) const;
  double test_ece(double temperature) const;  // ECE on the test set at any T (the slider's)
  const Tensor& test_logits() const { return test_logits_; }
  const Dataset2D& train_data() const { return train_; }
  const Dataset2D& test_data() const { return test_; }

 private:
  void measure();
  void bin_predictions();

  CalibrationConfig config_;
  Phase phase_ = Phase::Training;
  std::string error_;
  Dataset2D train_, validation_, test_;
  PointClassifier network_;
  std::unique_ptr<BatchIterator> batches_;
  Tensor validation_logits_, test_logits_;
  CalibrationResult result_;
};
