#include "engine/optim/lbfgs.h"

#include <algorithm>
#include <cmath>

namespace {

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double total = 0;
  for (size_t i = 0; i < a.size(); ++i) total += static_cast<double>(a[i]) * b[i];
  return total;
}

}  // namespace

Lbfgs::Lbfgs(std::vector<float> start, LossAndGradient loss_and_gradient, LbfgsOptions options)
    : x_(std::move(start)), loss_and_gradient_(std::move(loss_and_gradient)), options_(options) {
  for (float& v : x_) v = std::clamp(v, options_.lower, options_.upper);
  gradient_.assign(x_.size(), 0.0f);
  options_.history = std::max(options_.history, 1);
  options_.max_line_search_evaluations = std::max(options_.max_line_search_evaluations, 1);
}

void Lbfgs::reset_history() {
  steps_.clear();
  gradient_changes_.clear();
  inverse_curvatures_.clear();
}

double Lbfgs::evaluate(const std::vector<float>& x, std::vector<float>& gradient) {
  ++evaluations_;
  gradient.assign(x.size(), 0.0f);
  return loss_and_gradient_(x, gradient);
}

// The two-loop recursion: q = g; newest to oldest a_i = rho_i s_i.q, q -= a_i y_i;
// r = gamma q; oldest to newest b = rho_i y_i.r, r += (a_i - b) s_i; d = -r.
std::vector<float> Lbfgs::direction() const {
  std::vector<float> q = gradient_;
  const size_t m = steps_.size();
  std::vector<double> alpha(m);
  for (size_t k = m; k-- > 0;) {
    alpha[k] = inverse_curvatures_[k] * dot(steps_[k], q);
    const float a = static_cast<float>(alpha[k]);
    for (size_t i = 0; i < q.size(); ++i) q[i] -= a * gradient_changes_[k][i];
  }
  if (m > 0) {
    const double gamma = 1.0 / (inverse_curvatures_.back() * dot(gradient_changes_.back(), gradient_changes_.back()));
    for (float& v : q) v *= static_cast<float>(gamma);
  }
  for (size_t k = 0; k < m; ++k) {
    const float b = static_cast<float>(alpha[k] - inverse_curvatures_[k] * dot(gradient_changes_[k], q));
    for (size_t i = 0; i < q.size(); ++i) q[i] += b * steps_[k][i];
  }
  for (float& v : q) v = -v;
  return q;
}

bool Lbfgs::iterate() {
  if (!evaluated_) {
    loss_ = evaluate(x_, gradient_);
    evaluated_ = true;
  }
  if (!std::isfinite(loss_)) return false;
  double largest = 0;
  for (float g : gradient_) largest = std::max(largest, static_cast<double>(std::fabs(g)));
  if (largest <= options_.gradient_tolerance) return false;

  std::vector<float> d = direction();
  if (dot(d, gradient_) >= 0) {  // not a descent direction: forget the curvature pairs
    reset_history();
    d = direction();
  }
  double t = 1;
  if (steps_.empty()) {
    double l1 = 0;
    for (float g : gradient_) l1 += std::fabs(g);
    t = std::min(1.0, 1.0 / l1);
  }

  std::vector<float> trial(x_.size()), trial_gradient;
  for (int attempt = 0; attempt < options_.max_line_search_evaluations; ++attempt, t *= 0.5) {
    const float step = static_cast<float>(t);
    for (size_t i = 0; i < x_.size(); ++i) trial[i] = std::clamp(x_[i] + step * d[i], options_.lower, options_.upper);
    double slope = 0;  // g.(x' - x): t g.d without bounds
    for (size_t i = 0; i < x_.size(); ++i) slope += static_cast<double>(gradient_[i]) * (trial[i] - x_[i]);
    const double trial_loss = evaluate(trial, trial_gradient);
    if (!(std::isfinite(trial_loss) && trial_loss <= loss_ + options_.armijo * std::min(slope, 0.0))) continue;

    std::vector<float> s(x_.size()), y(x_.size());
    for (size_t i = 0; i < x_.size(); ++i) {
      s[i] = trial[i] - x_[i];
      y[i] = trial_gradient[i] - gradient_[i];
    }
    const double sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y) && sy > 0) {
      steps_.push_back(std::move(s));
      gradient_changes_.push_back(std::move(y));
      inverse_curvatures_.push_back(1.0 / sy);
      if (static_cast<int>(steps_.size()) > options_.history) {
        steps_.pop_front();
        gradient_changes_.pop_front();
        inverse_curvatures_.pop_front();
      }
    }
    x_.swap(trial);
    gradient_.swap(trial_gradient);
    loss_ = trial_loss;
    ++iterations_;
    return true;
  }
  reset_history();  // the line search failed: the model of the curvature was wrong
  return false;
}
