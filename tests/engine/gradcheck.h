// Finite-difference gradient checking for any op or composition of ops.
//
// For f(inputs) -> output, the check draws fixed random weights w and
// compares the tape's gradient of L = sum(w * f(inputs)) with respect to
// every input element against the central difference (L(x+h) - L(x-h)) / 2h.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/autodiff.h"

struct GradCheckOptions {
  float step = 1e-2f;            // h
  // Passes when |analytic - numeric| <= tolerance * max(|analytic|, |numeric|) + absolute_tolerance:
  // relative for gradients of any size, with a floor for float rounding near 0.
  double tolerance = 2e-2;
  double absolute_tolerance = 1e-3;
  uint64_t seed = 1;             // for the weights w
  bool training = true;          // tape.training during both passes
};

struct GradCheckResult {
  bool ok = true;
  double worst_error = 0;  // largest relative error seen (with the absolute floor folded in)
  std::string report;      // the first mismatches, or the tape's error
};

using GradCheckFunction = std::function<Var(Tape& tape, const std::vector<Var>& inputs)>;

GradCheckResult gradcheck(const GradCheckFunction& f, const std::vector<Tensor>& inputs,
                          const GradCheckOptions& options = {});

// Random test input in [lo, hi), seeded.
Tensor random_tensor(const Shape& shape, uint64_t seed, float lo = -1.0f, float hi = 1.0f);
