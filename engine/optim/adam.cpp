#include "engine/optim/adam.h"

#include <cmath>
#include <utility>

#include "engine/kernels/elementwise.h"

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
  const kernels::AdamStep step{lr, beta1, beta2, epsilon, m_correction, v_correction};
  for (size_t k = 0; k < parameters_.size(); ++k) {
    Parameter& p = *parameters_[k];
    if (!updatable(p)) continue;
    kernels::adam_update(step, p.grad.data(), p.value.data(), first_moment_[k].data(), second_moment_[k].data(),
                         p.value.size());
  }
  ++steps;
}
