// Calibration of a classifier's confidence (Guo, Pleiss, Sun & Weinberger,
// "On Calibration of Modern Neural Networks", ICML 2017).
//
// Reliability diagram: predictions are grouped by confidence (the largest
// softmax probability) into M equal-width bins; a calibrated network's
// accuracy in each bin equals its mean confidence there.
//   ECE = sum_m (|B_m| / n) |acc(B_m) - conf(B_m)|
// Temperature scaling divides every logit by one T fitted on held-out data by
// minimising the negative log-likelihood; argmax, hence accuracy, is unchanged.
#pragma once

#include <vector>

#include "engine/tensor.h"

struct ReliabilityBin {
  int count = 0;
  double confidence = 0;  // mean confidence of the bin's predictions (0 if empty)
  double accuracy = 0;    // fraction of them that are right (0 if empty)
};

// logits [n, K] at temperature T; bins (lo, hi] over [0, 1] (the first includes 0).
std::vector<ReliabilityBin> reliability_bins(const Tensor& logits, const std::vector<int>& labels, double temperature,
                                             int bins);
double expected_calibration_error(const std::vector<ReliabilityBin>& bins);

// Mean of -log softmax(z / T)[y] over the rows.
double mean_negative_log_likelihood(const Tensor& logits, const std::vector<int>& labels, double temperature);

// argmin over T in [min_t, max_t] of the mean NLL. NLL is convex in beta = 1/T
// (a log-sum-exp of functions linear in beta, minus a linear term), so a
// golden-section search over beta finds the minimum.
double fit_temperature(const Tensor& logits, const std::vector<int>& labels, double min_t = 0.05, double max_t = 20);
