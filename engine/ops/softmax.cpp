#include "engine/ops/softmax.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/det_math.h"
#include "engine/kernels/elementwise.h"

namespace {

// For each row r of `rows` x `k`: shifted_r = (z_r - max z_r) / T and the log of sum exp(shifted_r).
void log_sum_exp_rows(const float* z, int rows, int k, float temperature, float* shifted, float* lse) {
  for (int r = 0; r < rows; ++r) {
    const size_t offset = static_cast<size_t>(r) * k;
    lse[r] = log_sum_exp(z + offset, k, temperature, shifted + offset);
  }
}

bool check(Var logits, float temperature, const char* name) {
  if (!logits.ok()) {
    if (logits.tape) logits.tape->fail("");
    return false;
  }
  if (logits.shape().rank < 1) {
    logits.tape->fail(std::string(name) + ": needs at least one axis, got a scalar");
    return false;
  }
  if (!(temperature > 0) || !std::isfinite(temperature)) {
    logits.tape->fail(std::string(name) + ": temperature must be positive and finite, got " + std::to_string(temperature));
    return false;
  }
  return true;
}

}  // namespace

namespace ops {

// y = softmax(z / T) per row;  dz = y * (dy - sum(dy * y)) / T.
Var softmax(Var logits, float temperature) {
  if (!check(logits, temperature, "softmax")) return logits.tape ? Var{logits.tape, -1} : Var{};
  const Tensor& z = logits.value();
  int k = z.dim(z.rank() - 1), rows = z.size() / k;
  Tensor out(z.shape());
  kernels::softmax_rows(z.data(), rows, k, temperature, out.data());
  return logits.tape->record(std::move(out), {logits}, [logits, k, rows, temperature](Tape& t, Var y) {
    const Tensor &yv = t.value(y), &gy = t.grad(y);
    Tensor& gz = t.grad(logits);
    for (int r = 0; r < rows; ++r) {
      double dot = 0;
      for (int i = 0; i < k; ++i) dot += static_cast<double>(gy[r * k + i]) * yv[r * k + i];
      for (int i = 0; i < k; ++i)
        gz[r * k + i] += yv[r * k + i] * (gy[r * k + i] - static_cast<float>(dot)) / temperature;
    }
  });
}

// y = z / T - logsumexp(z / T) per row;  dz = (dy - softmax * sum(dy)) / T.
Var log_softmax(Var logits, float temperature) {
  if (!check(logits, temperature, "log_softmax")) return logits.tape ? Var{logits.tape, -1} : Var{};
  const Tensor& z = logits.value();
  int k = z.dim(z.rank() - 1), rows = z.size() / k;
  Tensor out(z.shape());
  std::vector<float> lse(static_cast<size_t>(rows));
  log_sum_exp_rows(z.data(), rows, k, temperature, out.data(), lse.data());
  for (int r = 0; r < rows; ++r)
    for (int i = 0; i < k; ++i) out[r * k + i] -= lse[r];
  return logits.tape->record(std::move(out), {logits}, [logits, k, rows, temperature](Tape& t, Var y) {
    const Tensor &yv = t.value(y), &gy = t.grad(y);
    Tensor& gz = t.grad(logits);
    for (int r = 0; r < rows; ++r) {
      double total = 0;
      for (int i = 0; i < k; ++i) total += gy[r * k + i];
      for (int i = 0; i < k; ++i)
        gz[r * k + i] += (gy[r * k + i] - static_cast<float>(det_math::exp(yv[r * k + i])) * static_cast<float>(total)) / temperature;
    }
  });
}

}  // namespace ops

// The same kernel as ops::softmax: sampled and plotted probabilities are the op's.
void softmax_values(const float* logits, int count, float temperature, float* out) {
  kernels::softmax_rows(logits, 1, count, temperature, out);
}
