#include "tests/engine/gradcheck.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

namespace {

// L = sum(w * f(x)) on a fresh tape; the tape's rng is reseeded so ops that
// draw random numbers (dropout) see the same draws in every evaluation.
double weighted_output(const GradCheckFunction& f, const std::vector<Tensor>& inputs, const Tensor& weights,
                       const GradCheckOptions& options, std::string* error) {
  Tape tape(options.seed + 1000);
  tape.training = options.training;
  NoGradScope no_grad(tape);
  std::vector<Var> vars;
  for (const Tensor& x : inputs) vars.push_back(tape.constant(x.clone()));
  Var y = f(tape, vars);
  if (!y.ok()) {
    *error = tape.error();
    return 0;
  }
  const Tensor& v = y.value();
  double total = 0;
  for (int i = 0; i < v.size(); ++i) total += static_cast<double>(weights[i]) * v[i];
  return total;
}

}  // namespace

Tensor random_tensor(const Shape& shape, uint64_t seed, float lo, float hi) {
  Pcg32 rng(seed, 77);
  Tensor t(shape);
  for (int i = 0; i < t.size(); ++i) t[i] = rng.uniform(lo, hi);
  return t;
}

GradCheckResult gradcheck(const GradCheckFunction& f, const std::vector<Tensor>& inputs,
                          const GradCheckOptions& options) {
  GradCheckResult result;
  // Analytic gradients.
  Tape tape(options.seed + 1000);
  tape.training = options.training;
  std::vector<Var> vars;
  for (const Tensor& x : inputs) vars.push_back(tape.variable(x.clone()));
  Var y = f(tape, vars);
  if (!y.ok()) {
    result.ok = false;
    result.report = "forward failed: " + tape.error();
    return result;
  }
  // Weights of magnitude 0.5..1.5 with random signs: never so small that a
  // wrong gradient hides under the absolute tolerance (a scalar output has one weight).
  Tensor weights = random_tensor(y.shape(), options.seed, -1.0f, 1.0f);
  for (int i = 0; i < weights.size(); ++i) weights[i] = weights[i] < 0 ? weights[i] - 0.5f : weights[i] + 0.5f;
  Var loss = ops::sum(ops::mul(y, tape.constant(weights)));
  if (!tape.backward(loss)) {
    result.ok = false;
    result.report = "backward failed: " + tape.error();
    return result;
  }

  // Numeric gradients, element by element.
  int mismatches = 0;
  std::vector<Tensor> probe;
  for (const Tensor& x : inputs) probe.push_back(x.clone());
  for (size_t k = 0; k < inputs.size(); ++k) {
    if (!tape.needs_grad(vars[k])) continue;
    const Tensor& analytic = tape.grad(vars[k]);
    for (int i = 0; i < inputs[k].size(); ++i) {
      std::string error;
      float original = probe[k][i];
      probe[k][i] = original + options.step;
      double plus = weighted_output(f, probe, weights, options, &error);
      probe[k][i] = original - options.step;
      double minus = weighted_output(f, probe, weights, options, &error);
      probe[k][i] = original;
      if (!error.empty()) {
        result.ok = false;
        result.report = "forward failed while probing: " + error;
        return result;
      }
      double numeric = (plus - minus) / (2.0 * options.step);
      double a = analytic[i];
      double scaled = std::fabs(a - numeric) /
                      (std::max(std::fabs(a), std::fabs(numeric)) + options.absolute_tolerance / options.tolerance);
      result.worst_error = std::max(result.worst_error, scaled);
      if (!(scaled <= options.tolerance)) {  // also catches NaN
        result.ok = false;
        if (++mismatches <= 5) {
          char line[160];
          std::snprintf(line, sizeof line, "input %zu element %d: analytic %.6g, numeric %.6g\n", k, i, a, numeric);
          result.report += line;
        }
      }
    }
  }
  return result;
}
