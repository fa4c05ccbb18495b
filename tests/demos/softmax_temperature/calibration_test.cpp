// tests/demos/softmax_temperature/calibration_test.cpp: reliability bins,
// ECE, fitting one temperature (Guo et al. 2017), and the tab's claim.
#include "demos/softmax_temperature/calibration_run.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "demos/softmax_temperature/tempered_softmax.h"

TEST_CASE("ECE is the bin-weighted gap between accuracy and confidence") {
  // Two rows of confidence 0.85 (one right), one of confidence 0.65 (right):
  // bins (0.8, 0.9] and (0.6, 0.7]; ECE = (2 |0.5 - 0.85| + 1 |1 - 0.65|) / 3.
  double a = std::log(0.85 / 0.075), b = std::log(0.65 / 0.175);
  Tensor logits = Tensor::from(Shape{3, 3}, {static_cast<float>(a), 0, 0, static_cast<float>(a), 0, 0,
                                             static_cast<float>(b), 0, 0});
  std::vector<ReliabilityBin> bins = reliability_bins(logits, {0, 1, 0}, 1.0, 10);
  CHECK(bins[8].count == 2);
  CHECK(bins[8].confidence == doctest::Approx(0.85));
  CHECK(bins[8].accuracy == doctest::Approx(0.5));
  CHECK(bins[6].count == 1);
  CHECK(expected_calibration_error(bins) == doctest::Approx((2 * 0.35 + 0.35) / 3));
}

TEST_CASE("fitting the temperature recovers the T that generated the labels") {
  // Labels drawn from softmax(z / 2.5): the maximum-likelihood T is near 2.5.
  const int rows = 4000, classes = 4;
  Pcg32 rng(5);
  Tensor logits(Shape{rows, classes});
  std::vector<int> labels;
  for (int r = 0; r < rows; ++r) {
    std::vector<float> z;
    for (int k = 0; k < classes; ++k) z.push_back(logits[r * classes + k] = rng.uniform(-6, 6));
    std::vector<int> one_draw = sample_counts(summarize_softmax(z, 2.5).probabilities, 1, rng);
    labels.push_back(static_cast<int>(std::max_element(one_draw.begin(), one_draw.end()) - one_draw.begin()));
  }
  double t = fit_temperature(logits, labels);
  CHECK(t == doctest::Approx(2.5).epsilon(0.08));
  CHECK(mean_negative_log_likelihood(logits, labels, t) < mean_negative_log_likelihood(logits, labels, 1.0));
  CHECK(mean_negative_log_likelihood(logits, labels, t) <= mean_negative_log_likelihood(logits, labels, t * 1.05));
  CHECK(mean_negative_log_likelihood(logits, labels, t) <= mean_negative_log_likelihood(logits, labels, t / 1.05));
}

TEST_CASE("temperature scaling lowers the over-confident network's ECE on held-out data, with T > 1") {
  CalibrationConfig config;  // seed 1; measured: accuracy 77.3%, T = 4.97, ECE 0.153 -> 0.013
  CalibrationRun run(config);
  run.run_to_end();
  REQUIRE(run.phase() == CalibrationRun::Phase::Finished);
  const CalibrationResult& r = run.result();
  MESSAGE("accuracy " << r.test_accuracy << "  T " << r.fitted_temperature << "  ECE " << r.ece_before << " -> "
                      << r.ece_after);
  CHECK(r.fitted_temperature > 1);
  CHECK(r.ece_after < r.ece_before);
  CHECK(r.nll_after < r.nll_before);
  CHECK(run.test_ece(r.fitted_temperature) == doctest::Approx(r.ece_after));
}

TEST_CASE("changing the number of bins re-bins the finished run without retraining it") {
  CalibrationConfig config;
  config.steps = 300;
  CalibrationRun run(config);
  run.run_to_end();
  REQUIRE(run.phase() == CalibrationRun::Phase::Finished);
  const double fitted = run.result().fitted_temperature;
  const std::vector<double> curve = run.result().validation_nll_curve;
  run.set_bins(15);
  CHECK(run.phase() == CalibrationRun::Phase::Finished);
  CHECK(run.result().fitted_temperature == fitted);
  CHECK(run.result().validation_nll_curve == curve);
  CHECK(run.result().bins_before.size() == 15);

  config.bins = 15;  // the same run, binned 15 ways from the start
  CalibrationRun fresh(config);
  fresh.run_to_end();
  CHECK(run.result().ece_before == fresh.result().ece_before);
  CHECK(run.result().ece_after == fresh.result().ece_after);
}

TEST_CASE("the validation NLL curve is sampled once per run, and its lowest point is near the fitted T") {
  CalibrationRun run(CalibrationConfig{});
  run.run_to_end();
  const CalibrationResult& r = run.result();
  REQUIRE(static_cast<int>(r.validation_nll_curve.size()) == kNllCurvePoints);
  for (int i = 0; i < kNllCurvePoints; ++i)
    CHECK(r.validation_nll_curve[static_cast<size_t>(i)] == run.validation_nll(nll_curve_temperature(i)));
  CHECK(nll_curve_temperature(0) == doctest::Approx(kNllCurveMinT));
  CHECK(nll_curve_temperature(kNllCurvePoints - 1) == doctest::Approx(kNllCurveMaxT));
  CHECK(r.validation_nll_fitted <= *std::min_element(r.validation_nll_curve.begin(), r.validation_nll_curve.end()));
}
