#include "engine/ops/dropout.h"

#include <cmath>
#include <string>

namespace ops {
namespace {

Dropout failed(Var x) { return Dropout{x.tape ? x.tape->fail("") : Var{}, Tensor()}; }

bool valid_probability(float p) { return p >= 0.0f && p < 1.0f; }  // false for NaN

Dropout identity(Var x) { return Dropout{x, Tensor(x.shape(), 1.0f)}; }

// y = x * z / (1 - p), z[i] ~ Bernoulli(1 - p) from the tape's rng;  dx = dy * z / (1 - p).
Dropout sample(Var x, float drop_probability) {
  const Tensor& xv = x.value();
  float keep_probability = 1.0f - drop_probability;
  float inverse_keep = 1.0f / keep_probability;
  Tensor mask(xv.shape());
  Tensor out(xv.shape());
  for (int i = 0, end = xv.size(); i < end; ++i) {
    bool kept = x.tape->rng.uniform() < keep_probability;
    mask[i] = kept ? 1.0f : 0.0f;
    out[i] = kept ? xv[i] * inverse_keep : 0.0f;
  }
  Tensor saved_mask = mask.clone();  // the caller's copy may be edited without changing the gradient
  Var y = x.tape->record(std::move(out), {x}, [x, saved_mask, inverse_keep](Tape& t, Var result) {
    const Tensor& gy = t.grad(result);
    Tensor& gx = t.grad(x);
    for (int i = 0, end = gy.size(); i < end; ++i) gx[i] += gy[i] * saved_mask[i] * inverse_keep;
  });
  return Dropout{y, std::move(mask)};
}

Dropout checked(const char* name, Var x, float drop_probability, bool draw) {
  if (!x.ok()) return failed(x);
  if (!valid_probability(drop_probability)) {
    x.tape->fail(std::string(name) + ": drop probability must be in [0, 1), got " + std::to_string(drop_probability) +
                 " for " + x.shape().str());
    return Dropout{Var{x.tape, -1}, Tensor()};
  }
  if (!draw || drop_probability == 0.0f) return identity(x);
  return sample(x, drop_probability);
}

}  // namespace

Dropout dropout(Var x, float drop_probability) {
  return checked("dropout", x, drop_probability, x.tape && x.tape->training);
}

Dropout dropout_sample(Var x, float drop_probability) { return checked("dropout_sample", x, drop_probability, true); }

}  // namespace ops
