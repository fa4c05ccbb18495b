// Softmax and log-softmax over the last axis, with a temperature T:
// softmax(z / T)_i = exp(z_i / T) / sum_k exp(z_k / T).
// T -> 0 tends to one-hot at the argmax, T -> infinity to uniform; T = 1 is
// the plain softmax. Stable for T in [0.01, 100] and logits up to +/-1e4:
// the maximum is subtracted before exponentiating.
#pragma once

#include "engine/autodiff.h"

namespace ops {

Var softmax(Var logits, float temperature = 1.0f);      // [..., K] -> [..., K]
Var log_softmax(Var logits, float temperature = 1.0f);  // [..., K] -> [..., K]

}  // namespace ops

// Plain-array versions for code outside the tape (sampling, plots).
void softmax_values(const float* logits, int count, float temperature, float* out);
