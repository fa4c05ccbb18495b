#include "engine/optim/adam.h"

#include <cmath>
#include <utility>

Adam::Adam(std::vector<Parameter*> parameters, float rate, float first_moment_decay, float second_moment_decay,
           float epsilon_term)
    : Optimizer(std::move(parameters), rate),
      beta1(first_moment_decay),
      beta2(second_moment_decay),
      epsilon(epsilon_term) {}

void Adam::step() {
  const float lr = current_learning_rate();
  if (first_moment_.empty())
    for (Parameter* p : parameters_) {
      first_moment_.emplace_back(p->value.empty() ? Tensor() : Tensor(p->value.shape()));
      second_moment_.emplace_back(p->value.empty() ? Tensor() : Tensor(p->value.shape()));
    }
  beta1_power_ *= beta1;
  beta2_power_ *= beta2;
  const float m_correction = static_cast<float>(1.0 / (1.0 - beta1_power_));
  const float v_correction = static_cast<float>(1.0 / (1.0 - beta2_power_));
  for (size_t k = 0; k < parameters_.size(); ++k) {
    Parameter& p = *parameters_[k];
    if (!updatable(p)) continue;
    float* value = p.value.data();
    const float* g = p.grad.data();
    float* m = first_moment_[k].data();
    float* v = second_moment_[k].data();
    for (int i = 0; i < p.value.size(); ++i) {
      m[i] = beta1 * m[i] + (1.0f - beta1) * g[i];
      v[i] = beta2 * v[i] + (1.0f - beta2) * g[i] * g[i];
      const float m_hat = m[i] * m_correction, v_hat = v[i] * v_correction;
      value[i] -= lr * m_hat / (std::sqrt(v_hat) + epsilon);
    }
  }
  ++steps;
}
