#include "engine/optim/sgd.h"

#include <utility>

Sgd::Sgd(std::vector<Parameter*> parameters, float rate, float momentum_factor, bool use_nesterov)
    : Optimizer(std::move(parameters), rate), momentum(momentum_factor), nesterov(use_nesterov) {}

void Sgd::step() {
  const float lr = current_learning_rate();
  if (velocity_.empty()) velocity_.resize(parameters_.size());
  for (size_t k = 0; k < parameters_.size(); ++k) {
    Parameter& p = *parameters_[k];
    if (!updatable(p)) continue;
    float* value = p.value.data();
    const float* g = p.grad.data();
    const int n = p.value.size();
    if (momentum == 0.0f) {
      for (int i = 0; i < n; ++i) value[i] -= lr * g[i];
      continue;
    }
    // The first step of a parameter (or the first after its shape changed) starts the velocity at g.
    const bool first_momentum_step = velocity_[k].shape() != p.value.shape();
    if (first_momentum_step) velocity_[k] = Tensor(p.value.shape());
    float* b = velocity_[k].data();
    for (int i = 0; i < n; ++i) {
      b[i] = first_momentum_step ? g[i] : momentum * b[i] + g[i];
      value[i] -= lr * (nesterov ? g[i] + momentum * b[i] : b[i]);
    }
  }
  ++steps;
}
