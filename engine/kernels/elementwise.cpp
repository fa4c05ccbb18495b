#include "engine/kernels/elementwise.h"

#include <algorithm>

#include "engine/kernels/simd.h"

namespace kernels {
namespace {

// out[i] = f(in_0[i], in_1[i], ...) four at a time; the tail on zero-padded copies.
template <typename F, typename... In>
void map(int n, float* out, F f, const In*... in) {
  int i = 0;
  for (; i + 4 <= n; i += 4) store(out + i, f(load(in + i)...));
  if (i == n) return;
  const int rest = n - i;
  auto padded = [i, rest](const float* p) {
    struct Lanes {
      float lane[4] = {0, 0, 0, 0};
    } copy;
    std::copy(p + i, p + i + rest, copy.lane);
    return copy;
  };
  float result[4];
  store(result, f(load(padded(in).lane)...));
  std::copy(result, result + rest, out + i);
}

// e^x by Cody-Waite range reduction: x = n ln2 + r, |r| <= ln2 / 2, and
// e^x = 2^n e^r with e^r from its degree-7 Taylor polynomial (error below
// r^8 / 8! < 5e-9, under float's half ulp).
F32x4 exp4(F32x4 x) {
  const F32x4 lowest = splat(-87.33f), highest = splat(88.37f);  // n stays in [-126, 127]
  const F32x4 clamped = max(min(x, highest), lowest);              // NaN passes through
  const F32x4 round_magic = splat(12582912.0f);                     // 1.5 * 2^23: adding it rounds to an integer
  const F32x4 n = (clamped * splat(1.44269504f) + round_magic) - round_magic;
  // ln 2 in two parts; n * 0.693359375 is exact for |n| <= 127.
  const F32x4 r = (clamped - n * splat(0.693359375f)) - n * splat(-2.12194440e-4f);
  F32x4 p = splat(1.0f / 5040);
  p = p * r + splat(1.0f / 720);
  p = p * r + splat(1.0f / 120);
  p = p * r + splat(1.0f / 24);
  p = p * r + splat(1.0f / 6);
  p = p * r + splat(0.5f);
  p = p * r + splat(1.0f);
  p = p * r + splat(1.0f);
  return select_greater(lowest, x, splat(0.0f), p * pow2(n));
}

// tanh(x) = x P(x^2) / Q(x^2), a [13/6] rational minimax fit on [-7.9, 7.9]
// (the coefficients of Eigen's float tanh); beyond, tanh is 1 to float
// precision, and below 4e-4 it is x.
F32x4 tanh4(F32x4 x) {
  const F32x4 clamped = max(min(x, splat(7.90531110763549805f)), splat(-7.90531110763549805f));
  const F32x4 x2 = clamped * clamped;
  F32x4 p = splat(-2.76076847742355e-16f);
  p = p * x2 + splat(2.00018790482477e-13f);
  p = p * x2 + splat(-8.60467152213735e-11f);
  p = p * x2 + splat(5.12229709037114e-08f);
  p = p * x2 + splat(1.48572235717979e-05f);
  p = p * x2 + splat(6.37261928875436e-04f);
  p = p * x2 + splat(4.89352455891786e-03f);
  F32x4 q = splat(1.19825839466702e-06f);
  q = q * x2 + splat(1.18534705686654e-04f);
  q = q * x2 + splat(2.26843463243900e-03f);
  q = q * x2 + splat(4.89352518554385e-03f);
  return select_greater(splat(4e-4f), abs(x), x, clamped * p / q);
}

// GELU's tanh form (Hendrycks & Gimpel 2016): u = sqrt(2/pi) (x + 0.044715 x^3).
constexpr float kGeluScale = 0.7978845608f, kGeluCubic = 0.044715f;

F32x4 gelu_inner(F32x4 x) { return splat(kGeluScale) * (x + splat(kGeluCubic) * x * x * x); }

}  // namespace

void relu(const float* x, float* y, int n) {
  map(n, y, [](F32x4 v) { return select_greater(v, splat(0.0f), v, splat(0.0f)); }, x);
}

void leaky_relu(const float* x, float slope, float* y, int n) {
  map(n, y, [slope](F32x4 v) { return select_greater(v, splat(0.0f), v, splat(slope) * v); }, x);
}

void tanh(const float* x, float* y, int n) { map(n, y, tanh4, x); }

void exp(const float* x, float* y, int n) { map(n, y, exp4, x); }

// With e = e^-|x| <= 1: 1 / (1 + e) for x > 0, e / (1 + e) otherwise; neither overflows.
void sigmoid(const float* x, float* y, int n) {
  map(
      n, y,
      [](F32x4 v) {
        const F32x4 e = exp4(splat(0.0f) - abs(v)), one = splat(1.0f);
        return select_greater(v, splat(0.0f), one / (one + e), e / (one + e));
      },
      x);
}

void gelu(const float* x, float* y, int n) {
  map(n, y, [](F32x4 v) { return splat(0.5f) * v * (splat(1.0f) + tanh4(gelu_inner(v))); }, x);
}

void relu_backward(const float* x, const float* dy, float* dx, int n) {
  map(n, dx, [](F32x4 xv, F32x4 g, F32x4 acc) { return acc + select_greater(xv, splat(0.0f), g, splat(0.0f)); }, x, dy,
      dx);
}

void leaky_relu_backward(const float* x, float slope, const float* dy, float* dx, int n) {
  map(
      n, dx,
      [slope](F32x4 xv, F32x4 g, F32x4 acc) { return acc + select_greater(xv, splat(0.0f), g, g * splat(slope)); }, x,
      dy, dx);
}

// d/dx [x/2 (1 + tanh u)] = (1 + tanh u) / 2 + x/2 (1 - tanh^2 u) du/dx,  du/dx = sqrt(2/pi) (1 + 3 * 0.044715 x^2).
void gelu_backward(const float* x, const float* dy, float* dx, int n) {
  map(
      n, dx,
      [](F32x4 v, F32x4 g, F32x4 acc) {
        const F32x4 t = tanh4(gelu_inner(v)), one = splat(1.0f), half = splat(0.5f);
        const F32x4 du = splat(kGeluScale) * (one + splat(3 * kGeluCubic) * v * v);
        return acc + g * (half * (one + t) + half * v * (one - t * t) * du);
      },
      x, dy, dx);
}

void tanh_backward(const float* y, const float* dy, float* dx, int n) {
  map(n, dx, [](F32x4 yv, F32x4 g, F32x4 acc) { return acc + g * (splat(1.0f) - yv * yv); }, y, dy, dx);
}

// log(1 + e^x) = max(x, 0) + log(1 + u), u = e^-|x| in (0, 1], which neither
// overflows nor loses small values. log(1 + u) = 2 atanh(s) = 2 (s + s^3/3 + ...),
// s = u / (2 + u) <= 1/3: the terms past s^17 are below 2e-9 of the sum.
void softplus(const float* x, float* y, int n) {
  map(
      n, y,
      [](F32x4 v) {
        const F32x4 u = exp4(splat(0.0f) - abs(v));
        const F32x4 s = u / (splat(2.0f) + u), s2 = s * s;
        F32x4 p = splat(1.0f / 17);
        for (int k = 15; k >= 1; k -= 2) p = p * s2 + splat(1.0f / static_cast<float>(k));
        return max(v, splat(0.0f)) + splat(2.0f) * s * p;
      },
      x);
}

void sigmoid_backward(const float* y, const float* dy, float* dx, int n) {
  map(n, dx, [](F32x4 yv, F32x4 g, F32x4 acc) { return acc + g * (yv * (splat(1.0f) - yv)); }, y, dy, dx);
}

// softmax(z / T)_i = e^{(z_i - max z) / T} / sum_j e^{(z_j - max z) / T}: the
// shift by the row's maximum keeps every exponent <= 0 (no overflow).
void softmax_rows(const float* z, int rows, int k, float temperature, float* y) {
  for (int r = 0; r < rows; ++r) {
    const float* in = z + static_cast<long>(r) * k;
    float* out = y + static_cast<long>(r) * k;
    const F32x4 top = splat(*std::max_element(in, in + k)), t = splat(temperature);
    map(k, out, [top, t](F32x4 v) { return exp4((v - top) / t); }, in);
    F32x4 lanes = splat(0.0f);
    int i = 0;
    for (; i + 4 <= k; i += 4) lanes = lanes + load(out + i);
    float total = sum_lanes(lanes);
    for (; i < k; ++i) total += out[i];
    const F32x4 scale = splat(total);
    map(k, out, [scale](F32x4 v) { return v / scale; }, out);
  }
}

void adam_update(const AdamStep& s, const float* grad, float* value, float* m, float* v, int n) {
  const F32x4 beta1 = splat(s.beta1), beta2 = splat(s.beta2), keep1 = splat(1.0f - s.beta1),
              keep2 = splat(1.0f - s.beta2), rate = splat(s.rate), epsilon = splat(s.epsilon),
              m_correction = splat(s.m_correction), v_correction = splat(s.v_correction);
  map(n, m, [&](F32x4 mv, F32x4 g) { return beta1 * mv + keep1 * g; }, m, grad);
  map(n, v, [&](F32x4 vv, F32x4 g) { return beta2 * vv + keep2 * g * g; }, v, grad);
  map(
      n, value,
      [&](F32x4 w, F32x4 mv, F32x4 vv) { return w - rate * (mv * m_correction) / (sqrt(vv * v_correction) + epsilon); },
      value, m, v);
}

}  // namespace kernels
