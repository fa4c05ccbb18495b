#include "engine/layers/linear.h"

#include <algorithm>

#include "engine/init.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

Linear::Linear(int in, int out, Pcg32& rng, Init init, const std::string& name)
    : weight(name + ".weight", Tensor(Shape{std::max(1, in), std::max(1, out)})),
      bias(name + ".bias", Tensor(Shape{std::max(1, out)})) {
  if (init == Init::He)
    he_normal(weight.value, rng, in_features());
  else
    glorot_uniform(weight.value, rng, in_features(), out_features());
}

// y[B, out] = x[B, in] W[in, out] + b[out] (b broadcast over rows), one
// fused op: dx = dy W^T, dW = x^T dy, db = sum_B dy.
Var Linear::forward(Tape& tape, Var x) {
  if (!x.ok()) return tape.fail("");
  if (x.shape().rank != 2 || x.shape()[1] != in_features())
    return tape.fail("linear: input " + x.shape().str() + " does not fit weight " + weight.value.shape().str() +
                     "; need [B, " + std::to_string(in_features()) + "]");
  return ops::affine(x, tape.param(weight), tape.param(bias));
}
