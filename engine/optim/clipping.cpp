#include "engine/optim/clipping.h"

#include <algorithm>
#include <cmath>

float clip_grad_norm(const std::vector<Parameter*>& parameters, float max_norm) {
  double sum_of_squares = 0;
  for (const Parameter* p : parameters)
    for (int i = 0; i < p->grad.size(); ++i) sum_of_squares += static_cast<double>(p->grad[i]) * p->grad[i];
  const double norm = std::sqrt(sum_of_squares);
  if (std::isfinite(norm) && norm > max_norm) {
    const float scale = static_cast<float>(std::max(0.0, static_cast<double>(max_norm)) / norm);
    for (Parameter* p : parameters)
      for (int i = 0; i < p->grad.size(); ++i) p->grad[i] *= scale;
  }
  return static_cast<float>(norm);
}

void clip_grad_value(const std::vector<Parameter*>& parameters, float limit) {
  const float bound = std::fabs(limit);
  for (Parameter* p : parameters)
    for (int i = 0; i < p->grad.size(); ++i) p->grad[i] = std::clamp(p->grad[i], -bound, bound);
}
