// Softmax and log-softmax over the last axis, with a temperature T:
// softmax(z / T)_i = exp(z_i / T) / sum_k exp(z_k / T).
// T -> 0 tends to one-hot at the argmax, T -> infinity to uniform; T = 1 is
// the plain softmax. Stable for T in [0.01, 100] and logits up to +/-1e4:
// the maximum is subtracted before exponentiating.
#pragma once

#include <algorithm>

#include "engine/autodiff.h"
#include "engine/det_math.h"

namespace ops {

Var softmax(Var logits, float temperature = 1.0f);      // [..., K] -> [..., K]
Var log_softmax(Var logits, float temperature = 1.0f);  // [..., K] -> [..., K]

}  // namespace ops

// Plain-array versions for code outside the tape (sampling, plots).
void softmax_values(const float* logits, int count, float temperature, float* out);

// The one stable log-sum-exp: log sum_i exp((z_i - max z) / T) over a row of
// k >= 1 logits, summed in double with det_math (the same bits natively and in
// wasm). The max term is exp(0): nothing overflows and the log's argument is
// at least 1. Real is the precision of the shifted values (z_i - max z) / T,
// written to `shifted` if given; log softmax(z / T)_i = shifted_i - the result.
template <typename Real>
Real log_sum_exp(const float* z, int k, Real temperature, Real* shifted = nullptr) {
  const Real top = static_cast<Real>(*std::max_element(z, z + k));
  double total = 0;
  for (int i = 0; i < k; ++i) {
    const Real s = (static_cast<Real>(z[i]) - top) / temperature;
    if (shifted) shifted[i] = s;
    total += det_math::exp(static_cast<double>(s));
  }
  return static_cast<Real>(det_math::log(total));
}
