// Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989) over a flat float
// vector: the quasi-Newton method Gatys et al. 2016 optimise pixels with.
//
// Each iteration builds the search direction d = -H g from the last m steps
// s = x_new - x_old and gradient changes y = g_new - g_old (the two-loop
// recursion, Nocedal & Wright, "Numerical Optimization", Algorithm 7.4, with
// the initial scaling H0 = s.y / y.y), then a backtracking line search: try
// t = 1 (the first iteration, without curvature information, tries
// min(1, 1 / |g|_1) as PyTorch's L-BFGS does), halve t until the Armijo
// condition f(x + t d) <= f(x) + c1 t g.d holds. Pairs with s.y <= 0 would
// break the positive definiteness of H and are skipped.
//
// Optional box bounds project every trial point onto [lower, upper] (a
// projected search: the Armijo test then uses the step actually taken,
// g.(x' - x), and never accepts an increase). Plain arithmetic only, so a run
// is the same natively and in wasm.
#pragma once

#include <deque>
#include <functional>
#include <limits>
#include <vector>

struct LbfgsOptions {
  int history = 10;                // m: step pairs kept
  double armijo = 1e-4;            // c1 of the sufficient-decrease test
  int max_line_search_evaluations = 20;
  double gradient_tolerance = 0;   // finished once max |g_i| <= this
  float lower = -std::numeric_limits<float>::infinity();
  float upper = std::numeric_limits<float>::infinity();
};

// Fills `gradient` (same size as x) and returns the loss at x.
using LossAndGradient = std::function<double(const std::vector<float>& x, std::vector<float>& gradient)>;

class Lbfgs {
 public:
  // The start is projected onto the bounds; nothing is evaluated yet.
  Lbfgs(std::vector<float> start, LossAndGradient loss_and_gradient, LbfgsOptions options = {});

  // One iteration: direction, line search, history update. The first call
  // also evaluates the start. Returns false, leaving x as it was, when no
  // step lowers the loss (converged or stuck) or the loss is not finite.
  bool iterate();

  const std::vector<float>& x() const { return x_; }
  double loss() const { return loss_; }  // at x (NaN before the first iterate())
  const std::vector<float>& gradient() const { return gradient_; }
  int iterations() const { return iterations_; }    // accepted steps
  int evaluations() const { return evaluations_; }  // calls of loss_and_gradient
  int history_size() const { return static_cast<int>(steps_.size()); }
  void reset_history();

 private:
  double evaluate(const std::vector<float>& x, std::vector<float>& gradient);
  std::vector<float> direction() const;  // -H g

  std::vector<float> x_, gradient_;
  LossAndGradient loss_and_gradient_;
  LbfgsOptions options_;
  double loss_ = std::numeric_limits<double>::quiet_NaN();
  bool evaluated_ = false;
  int iterations_ = 0, evaluations_ = 0;
  std::deque<std::vector<float>> steps_, gradient_changes_;  // s, y; newest at the back
  std::deque<double> inverse_curvatures_;                    // rho = 1 / (s.y)
};
