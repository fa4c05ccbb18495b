// Stochastic gradient descent with optional (Nesterov) momentum, in PyTorch's
// formulation (torch.optim.SGD, dampening 0), with g the gradient:
//   momentum 0:  p <- p - lr g
//   otherwise:   b <- momentum b + g   (b = g on the first step)
//                p <- p - lr b                      (classical, Polyak 1964)
//                p <- p - lr (g + momentum b)       (Nesterov)
// The learning rate multiplies the whole step, not the velocity (unlike
// Sutskever et al. 2013's v <- mu v - lr g; p <- p + v), so changing the rate
// mid-training takes effect at once. For a constant rate both are the same.
#pragma once

#include <vector>

#include "engine/optim/optimizer.h"

class Sgd : public Optimizer {
 public:
  explicit Sgd(std::vector<Parameter*> parameters, float rate = 0.01f, float momentum_factor = 0.0f,
               bool use_nesterov = false);

  void step() override;

  float momentum;  // 0 = plain SGD
  bool nesterov;   // ignored when momentum is 0

 private:
  std::vector<Tensor> velocity_;  // b, one per parameter; made anew when its shape changes
};
