#include "engine/ops/dropout.h"

#include <cmath>
#include <string>

namespace ops {
namespace {

Dropout failed(Var x) { return Dropout{x.tape ? x.tape->fail("") : Var{}, Tensor()}; }

bool valid_probability(float p) { return p >= 0.0f && p < 1.0f; }  // false for NaN

Dropout identity(Var x) { return Dropout{x, Tensor(x.shape(), 1.0f)}; }

float inverse_keep(float drop_probability) { return 1.0f / (1.0f - drop_probability); }

// y = x * z / (1 - p), z[i] ~ Bernoulli(1 - p) from rng;  dx = dy * z / (1 - p).
Dropout sample(Var x, float drop_probability, Pcg32& rng) {
  const Tensor& xv = x.value();
  Tensor mask(xv.shape());
  Tensor out(xv.shape());
  dropout_values(xv.data(), xv.size(), drop_probability, rng, mask.data(), out.data());
  Tensor saved_mask = mask.clone();  // the caller's copy may be edited without changing the gradient
  Var y = x.tape->record(std::move(out), {x}, [x, saved_mask, drop_probability](Tape& t, Var result) {
    const Tensor& gy = t.grad(result);
    dropout_backward_values(saved_mask.data(), drop_probability, gy.data(), t.grad(x).data(), gy.size());
  });
  return Dropout{y, std::move(mask)};
}

Dropout checked(const char* name, Var x, float drop_probability, bool draw, Pcg32* rng = nullptr) {
  if (!x.ok()) return failed(x);
  if (!valid_probability(drop_probability)) {
    x.tape->fail(std::string(name) + ": drop probability must be in [0, 1), got " + std::to_string(drop_probability) +
                 " for " + x.shape().str());
    return Dropout{Var{x.tape, -1}, Tensor()};
  }
  if (!draw || drop_probability == 0.0f) return identity(x);
  return sample(x, drop_probability, rng ? *rng : x.tape->rng);
}

}  // namespace

Dropout dropout(Var x, float drop_probability) {
  return checked("dropout", x, drop_probability, x.tape && x.tape->training);
}

Dropout dropout_sample(Var x, float drop_probability) { return checked("dropout_sample", x, drop_probability, true); }

Dropout dropout_sample(Var x, float drop_probability, Pcg32& rng) {
  return checked("dropout_sample", x, drop_probability, true, &rng);
}

void draw_keep_mask_values(int n, float keep_probability, Pcg32& rng, float* mask) {
  for (int i = 0; i < n; ++i) mask[i] = rng.uniform() < keep_probability ? 1.0f : 0.0f;
}

void dropout_values(const float* x, int n, float drop_probability, Pcg32& rng, float* mask, float* y) {
  const float scale = inverse_keep(drop_probability);
  draw_keep_mask_values(n, 1.0f - drop_probability, rng, mask);
  for (int i = 0; i < n; ++i) y[i] = mask[i] != 0.0f ? x[i] * scale : 0.0f;
}

void dropout_backward_values(const float* mask, float drop_probability, const float* dy, float* dx, int n) {
  const float scale = inverse_keep(drop_probability);
  for (int i = 0; i < n; ++i) dx[i] += dy[i] * mask[i] * scale;
}

}  // namespace ops
