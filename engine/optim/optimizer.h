// The common interface of optimizers: each step() reads the gradients the
// last backward pass accumulated in every Parameter and updates its value in
// place; zero_grad() clears the gradients before the next backward pass.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "engine/autodiff.h"

class Optimizer {
 public:
  // Keeps the pointers: the parameters must outlive the optimizer.
  Optimizer(std::vector<Parameter*> parameters, float rate) : learning_rate(rate), parameters_(std::move(parameters)) {}
  virtual ~Optimizer() = default;

  virtual void step() = 0;  // one update, then ++steps

  void zero_grad() {
    for (Parameter* p : parameters_)
      if (!p->grad.empty()) p->grad.zero();
  }

  // The rate the next step() will use: schedule(steps) if set, else learning_rate.
  float current_learning_rate() const { return schedule ? schedule(steps) : learning_rate; }

  const std::vector<Parameter*>& parameters() const { return parameters_; }

  float learning_rate;
  std::function<float(int step)> schedule;  // optional: the learning rate for step 0, 1, ...
  int steps = 0;                            // updates done so far

 protected:
  // Parameters step() can update: value and gradient present and the same size.
  static bool updatable(const Parameter& p) {
    return !p.value.empty() && !p.grad.empty() && p.value.size() == p.grad.size();
  }

  std::vector<Parameter*> parameters_;
};
