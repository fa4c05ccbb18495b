// Finite-difference check for gradients that land in Parameters (layers), the
// counterpart of tests/engine/gradcheck.h, which checks gradients of inputs.
//
// For L = sum(w * f(tape)) with fixed random w, compares each p.grad element
// after one backward pass with (L(p + h) - L(p - h)) / 2h.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

inline GradCheckResult parameter_gradcheck(const std::function<Var(Tape&)>& f, const std::vector<Parameter*>& parameters,
                                           float step = 1e-2f, double tolerance = 2e-2) {
  GradCheckResult result;
  for (Parameter* p : parameters) p->grad.zero();
  Tensor weights;
  {
    Tape tape;
    Var y = f(tape);
    if (!y.ok()) return {false, 0, "forward failed: " + tape.error()};
    weights = random_tensor(y.shape(), 3);
    if (!tape.backward(ops::sum(ops::mul(y, tape.constant(weights))))) return {false, 0, tape.error()};
  }
  auto weighted_output = [&f, &weights]() {
    Tape tape;
    NoGradScope no_grad(tape);
    const Tensor& v = f(tape).value();
    double total = 0;
    for (int i = 0; i < v.size(); ++i) total += static_cast<double>(weights[i]) * v[i];
    return total;
  };
  int mismatches = 0;
  for (Parameter* p : parameters)
    for (int i = 0; i < p->value.size(); ++i) {
      const float original = p->value[i];
      p->value[i] = original + step;
      const double plus = weighted_output();
      p->value[i] = original - step;
      const double minus = weighted_output();
      p->value[i] = original;
      const double numeric = (plus - minus) / (2.0 * step), analytic = p->grad[i];
      const double scaled = std::fabs(analytic - numeric) / std::max({1.0, std::fabs(analytic), std::fabs(numeric)});
      result.worst_error = std::max(result.worst_error, scaled);
      if (!(scaled <= tolerance)) {
        result.ok = false;
        if (++mismatches <= 5) {
          char line[200];
          std::snprintf(line, sizeof line, "%s element %d: analytic %.6g, numeric %.6g\n", p->name.c_str(), i, analytic,
                        numeric);
          result.report += line;
        }
      }
    }
  return result;
}
