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
  if (moments_.empty()) moments_.resize(parameters_.size());
  for (size_t k = 0; k < parameters_.size(); ++k) {
    Parameter& p = *parameters_[k];
    if (!updatable(p)) continue;
    Moments& m = moments_[k];
    if (m.first.shape() != p.value.shape()) m = Moments{Tensor(p.value.shape()), Tensor(p.value.shape())};
    m.beta1_power *= beta1;
    m.beta2_power *= beta2;
    const float m_correction = static_cast<float>(1.0 / (1.0 - m.beta1_power));
    const float v_correction = static_cast<float>(1.0 / (1.0 - m.beta2_power));
    const kernels::AdamStep step{lr, beta1, beta2, epsilon, m_correction, v_correction};
    kernels::adam_update(step, p.grad.data(), p.value.data(), m.first.data(), m.second.data(), p.value.size());
  }
  ++steps;
}
