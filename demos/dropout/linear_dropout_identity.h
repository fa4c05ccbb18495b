// Dropout as an adaptive L2 penalty, exactly (Baldi & Sadowski 2013, the seed
// notes): for one linear unit with keep-probabilities p_i and masks
// z_i ~ Bernoulli(p_i),
//
//   E_D = 1/2 (y - sum_j z_j w_j x_j)^2          (the error of a thinned unit)
//   E_N = 1/2 (y - sum_j p_j w_j x_j)^2          (the error of the mean unit)
//   E_z[dE_D/dw_i] = d/dw_i (E_N + 1/2 sum_j p_j (1 - p_j) w_j^2 x_j^2)
//
// because E[z_i z_j] = p_i p_j for i != j but E[z_i^2] = p_i. The penalty is
// largest for p = 1/2 and scales with each input's x_i^2: an L2 penalty that
// adapts to the data. Here over a small regression set (errors averaged over
// samples), in double precision so the only error left is sampling error.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random.h"

struct LinearUnitProblem {
  int inputs = 0, samples = 0;
  std::vector<double> x;     // [samples, inputs]
  std::vector<double> y;     // [samples]
  std::vector<double> keep;  // p_i, one per input
  std::vector<double> w;     // the weights at which the gradients are compared
};

// Random inputs of different scales (so the penalty differs per weight),
// targets from a random linear rule plus noise, random weights. With
// `varied_keep` the p_i spread evenly over [0.2, 0.9]; else all equal `keep`.
LinearUnitProblem make_linear_unit_problem(int samples, int inputs, double keep, bool varied_keep, uint64_t seed);

// dE_N/dw_i = -mean_s (y_s - sum_j p_j w_j x_sj) p_i x_si
std::vector<double> mean_unit_gradient(const LinearUnitProblem& problem, const std::vector<double>& w);
// p_i (1 - p_i) w_i mean_s x_si^2: the gradient of the penalty term alone
std::vector<double> penalty_gradient(const LinearUnitProblem& problem, const std::vector<double>& w);
// the two added: the gradient of the regularised objective
std::vector<double> regularised_gradient(const LinearUnitProblem& problem, const std::vector<double>& w);
// dE_D/dw_i = -mean_s (y_s - sum_j z_sj w_j x_sj) z_si x_si for one draw of masks z [samples, inputs]
std::vector<double> thinned_gradient(const LinearUnitProblem& problem, const std::vector<double>& w,
                                     const std::vector<double>& masks);

// The average of thinned_gradient over `draws` independent mask draws, with
// its standard error (standard deviation of the draws / sqrt(draws)).
struct GradientEstimate {
  std::vector<double> mean, standard_error;
  int draws = 0;
};
GradientEstimate mean_thinned_gradient(const LinearUnitProblem& problem, const std::vector<double>& w, int draws,
                                       Pcg32& rng);

// The demo's picture, computed one estimate per call so a frame never waits:
// first every weight's mean thinned gradient at problem.w, then dE/dw_0 at
// `points` values of w_0 in [-half_range, half_range], the other weights fixed.
// Along that line all three gradients are straight lines; the plain one has
// slope p_0^2 mean x_0^2, the regularised one p_0 mean x_0^2.
class GradientSweep {
 public:
  void start(const LinearUnitProblem& problem, int draws, uint64_t seed, int points = 13, double half_range = 3.0);
  bool advance();  // false once every estimate is done (or before start)
  bool finished() const { return started_ && next_ > static_cast<int>(w0_values_.size()); }
  float progress() const;

  const LinearUnitProblem& problem() const { return problem_; }
  const std::vector<double>& w0_values() const { return w0_values_; }
  const GradientEstimate& at_weights() const { return at_weights_; }          // valid once next_ > 0
  const std::vector<GradientEstimate>& along_w0() const { return along_w0_; }  // those done so far
  std::vector<double> weights_with_w0(double w0) const;

 private:
  bool started_ = false;
  LinearUnitProblem problem_;
  int draws_ = 0, next_ = 0;  // 0: at_weights, k >= 1: w0_values_[k - 1]
  Pcg32 rng_{1};
  std::vector<double> w0_values_;
  GradientEstimate at_weights_;
  std::vector<GradientEstimate> along_w0_;
};
