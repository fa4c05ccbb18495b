// A gradient check for functions with kinks, like networks of ReLUs.
//
// A central difference straddling a ReLU's kink averages two slopes and
// disagrees with the true gradient, so the engine's gradcheck flags correct
// code whenever some unit sits within a step of 0. ReLU networks are piecewise
// linear (piecewise quadratic after a squared loss): on at least one side of x
// the one-sided difference stays on x's own piece, so an element passes if
// either the forward or the backward difference matches.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "engine/autodiff.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

// f maps an image to any Var; checks d sum(w * f(x)) / dx with seeded weights w.
inline GradCheckResult one_sided_gradcheck(const std::function<Var(Tape&, Var)>& f, const Tensor& x,
                                           float step = 1e-3f, double tolerance = 2e-2, double floor = 1e-3) {
  GradCheckResult result;
  Tape tape;
  Var input = tape.variable(x.clone());
  Var y = f(tape, input);
  if (!y.ok()) return {false, 0, "forward failed: " + tape.error()};
  const Tensor weights = random_tensor(y.shape(), 5, 0.5f, 1.5f);
  if (!tape.backward(ops::sum(ops::mul(y, tape.constant(weights))))) return {false, 0, tape.error()};
  const Tensor analytic = tape.grad(input).clone();

  const auto weighted = [&](const Tensor& probe) {
    Tape t;
    NoGradScope no_grad(t);
    const Tensor& v = f(t, t.constant(probe)).value();
    double total = 0;
    for (int i = 0; i < v.size(); ++i) total += static_cast<double>(weights[i]) * v[i];
    return total;
  };
  Tensor probe = x.clone();
  const double centre = weighted(probe);
  int mismatches = 0;
  for (int i = 0; i < x.size(); ++i) {
    probe[i] = x[i] + step;
    const double forward = (weighted(probe) - centre) / step;
    probe[i] = x[i] - step;
    const double backward = (centre - weighted(probe)) / step;
    probe[i] = x[i];
    const double a = analytic[i];
    const double error = std::min(std::fabs(a - forward), std::fabs(a - backward)) /
                         (tolerance * std::max(std::fabs(a), std::fabs(forward)) + floor);
    result.worst_error = std::max(result.worst_error, error);
    if (error > 1 && ++mismatches <= 5)
      result.report += "element " + std::to_string(i) + ": analytic " + std::to_string(a) + ", one-sided " +
                       std::to_string(forward) + " / " + std::to_string(backward) + "\n";
  }
  result.ok = mismatches == 0;
  return result;
}
