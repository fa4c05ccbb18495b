#include "demos/dropout/linear_dropout_identity.h"

#include <algorithm>
#include <cmath>

#include "engine/init.h"

namespace {

double at(const LinearUnitProblem& problem, int sample, int input) {
  return problem.x[static_cast<size_t>(sample) * problem.inputs + input];
}

}  // namespace

LinearUnitProblem make_linear_unit_problem(int samples, int inputs, double keep, bool varied_keep, uint64_t seed) {
  LinearUnitProblem problem;
  problem.samples = std::max(1, samples);
  problem.inputs = std::max(1, inputs);
  Pcg32 rng(seed);
  std::vector<double> scale, rule;
  for (int i = 0; i < problem.inputs; ++i) {
    scale.push_back(0.4 + 1.6 * i / std::max(1, problem.inputs - 1));  // x_i of growing size: 0.4 .. 2
    rule.push_back(static_cast<double>(normal_draw(rng)));
    problem.w.push_back(static_cast<double>(rng.uniform(-1.5f, 1.5f)));
    double spread = 0.2 + 0.7 * i / std::max(1, problem.inputs - 1);
    problem.keep.push_back(std::clamp(varied_keep ? spread : keep, 0.0, 1.0));
  }
  for (int s = 0; s < problem.samples; ++s) {
    double target = 0;
    for (int i = 0; i < problem.inputs; ++i) {
      double x = scale[static_cast<size_t>(i)] * static_cast<double>(normal_draw(rng));
      problem.x.push_back(x);
      target += rule[static_cast<size_t>(i)] * x;
    }
    problem.y.push_back(target + 0.3 * static_cast<double>(normal_draw(rng)));
  }
  return problem;
}

std::vector<double> mean_unit_gradient(const LinearUnitProblem& problem, const std::vector<double>& w) {
  std::vector<double> g(static_cast<size_t>(problem.inputs), 0.0);
  for (int s = 0; s < problem.samples; ++s) {
    double prediction = 0;
    for (int j = 0; j < problem.inputs; ++j) prediction += problem.keep[static_cast<size_t>(j)] * w[static_cast<size_t>(j)] * at(problem, s, j);
    double residual = problem.y[static_cast<size_t>(s)] - prediction;
    for (int i = 0; i < problem.inputs; ++i)
      g[static_cast<size_t>(i)] -= residual * problem.keep[static_cast<size_t>(i)] * at(problem, s, i) / problem.samples;
  }
  return g;
}

std::vector<double> penalty_gradient(const LinearUnitProblem& problem, const std::vector<double>& w) {
  std::vector<double> g(static_cast<size_t>(problem.inputs), 0.0);
  for (int i = 0; i < problem.inputs; ++i) {
    double mean_square = 0;
    for (int s = 0; s < problem.samples; ++s) mean_square += at(problem, s, i) * at(problem, s, i) / problem.samples;
    double p = problem.keep[static_cast<size_t>(i)];
    g[static_cast<size_t>(i)] = p * (1 - p) * w[static_cast<size_t>(i)] * mean_square;
  }
  return g;
}

std::vector<double> regularised_gradient(const LinearUnitProblem& problem, const std::vector<double>& w) {
  std::vector<double> g = mean_unit_gradient(problem, w), penalty = penalty_gradient(problem, w);
  for (size_t i = 0; i < g.size(); ++i) g[i] += penalty[i];
  return g;
}

std::vector<double> thinned_gradient(const LinearUnitProblem& problem, const std::vector<double>& w,
                                     const std::vector<double>& masks) {
  std::vector<double> g(static_cast<size_t>(problem.inputs), 0.0);
  for (int s = 0; s < problem.samples; ++s) {
    const double* z = masks.data() + static_cast<size_t>(s) * problem.inputs;
    double prediction = 0;
    for (int j = 0; j < problem.inputs; ++j) prediction += z[j] * w[static_cast<size_t>(j)] * at(problem, s, j);
    double residual = problem.y[static_cast<size_t>(s)] - prediction;
    for (int i = 0; i < problem.inputs; ++i) g[static_cast<size_t>(i)] -= residual * z[i] * at(problem, s, i) / problem.samples;
  }
  return g;
}

GradientEstimate mean_thinned_gradient(const LinearUnitProblem& problem, const std::vector<double>& w, int draws,
                                       Pcg32& rng) {
  size_t n = static_cast<size_t>(problem.inputs);
  std::vector<double> sum(n, 0.0), sum_squares(n, 0.0);
  std::vector<double> masks(static_cast<size_t>(problem.samples) * n);
  for (int d = 0; d < draws; ++d) {
    for (size_t k = 0; k < masks.size(); ++k) masks[k] = rng.uniform() < problem.keep[k % n] ? 1.0 : 0.0;
    std::vector<double> g = thinned_gradient(problem, w, masks);
    for (size_t i = 0; i < n; ++i) {
      sum[i] += g[i];
      sum_squares[i] += g[i] * g[i];
    }
  }
  GradientEstimate estimate;
  estimate.draws = std::max(1, draws);
  for (size_t i = 0; i < n; ++i) {
    double mean = sum[i] / estimate.draws;
    double variance = std::max(0.0, sum_squares[i] / estimate.draws - mean * mean);
    estimate.mean.push_back(mean);
    estimate.standard_error.push_back(std::sqrt(variance / estimate.draws));
  }
  return estimate;
}

void GradientSweep::start(const LinearUnitProblem& problem, int draws, uint64_t seed, int points, double half_range) {
  started_ = true;
  problem_ = problem;
  draws_ = std::max(1, draws);
  next_ = 0;
  rng_ = Pcg32(seed);
  w0_values_.clear();
  for (int k = 0; k < points; ++k) w0_values_.push_back(-half_range + 2 * half_range * k / std::max(1, points - 1));
  at_weights_ = GradientEstimate{};
  along_w0_.clear();
}

std::vector<double> GradientSweep::weights_with_w0(double w0) const {
  std::vector<double> w = problem_.w;
  w[0] = w0;
  return w;
}

bool GradientSweep::advance() {
  if (!started_ || finished()) return false;
  if (next_ == 0) at_weights_ = mean_thinned_gradient(problem_, problem_.w, draws_, rng_);
  else along_w0_.push_back(mean_thinned_gradient(problem_, weights_with_w0(w0_values_[static_cast<size_t>(next_ - 1)]), draws_, rng_));
  ++next_;
  return true;
}

float GradientSweep::progress() const {
  return started_ ? static_cast<float>(next_) / static_cast<float>(w0_values_.size() + 1) : 0.0f;
}
