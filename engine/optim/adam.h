// Adam (Kingma & Ba 2015, Algorithm 1), with g the gradient and t the step
// number from 1:
//   m <- beta1 m + (1 - beta1) g          v <- beta2 v + (1 - beta2) g^2
//   m_hat = m / (1 - beta1^t)             v_hat = v / (1 - beta2^t)
//   p <- p - lr m_hat / (sqrt(v_hat) + eps)
// The bias correction undoes the zero start of m and v, so the first step
// moves every parameter by about lr (m_hat / sqrt(v_hat) = g / |g|).
#pragma once

#include <vector>

#include "engine/optim/optimizer.h"

class Adam : public Optimizer {
 public:
  explicit Adam(std::vector<Parameter*> parameters, float rate = 1e-3f, float first_moment_decay = 0.9f,
                float second_moment_decay = 0.999f, float epsilon_term = 1e-8f);

  void step() override;

  float beta1;
  float beta2;
  float epsilon;

 private:
  // Per parameter: m, v and beta^t for its bias correction. A parameter whose
  // shape changes starts all three over, as if it had just been added.
  // beta^t as running products rather than std::pow, whose last bit may
  // differ between the native and WebAssembly C libraries.
  struct Moments {
    Tensor first, second;
    double beta1_power = 1.0, beta2_power = 1.0;
  };
  std::vector<Moments> moments_;
};
