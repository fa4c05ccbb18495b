// A test problem for optimizers: L(p) = sum_i a_i (p_i - c_i)^2, minimum 0 at
// p = c, with curvatures 2 a_i from 1 to 4.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/autodiff.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

struct Quadratic {
  Tensor curvature = Tensor::from({3}, {0.5f, 1.0f, 2.0f});  // a
  Tensor minimum = Tensor::from({3}, {1.0f, -2.0f, 0.5f});   // c

  Parameter start() const { return Parameter("p", Tensor::from({3}, {-1.0f, 1.0f, 2.0f})); }

  // Computes L and adds dL/dp into p.grad.
  float loss_and_gradient(Parameter& p) const {
    Tape tape;
    Var diff = ops::sub(tape.param(p), tape.constant(minimum));
    Var loss = ops::sum(ops::mul(tape.constant(curvature), ops::square(diff)));
    tape.backward(loss);
    return loss.value().item();
  }

  float distance_to_minimum(const Parameter& p) const {
    float worst = 0;
    for (int i = 0; i < 3; ++i) worst = std::max(worst, std::fabs(p.value[i] - minimum[i]));
    return worst;
  }
};
