// Element-wise kernels on float arrays: activations and their backward
// products, exp, softmax rows and the Adam update. Four lanes at a time
// (engine/kernels/simd.h); the last n % 4 elements go through the same
// vector code on a zero-padded copy, so every element gets the same
// operations whatever its position.
#pragma once

namespace kernels {

// Forward: y[i] = f(x[i]) for i < n. y may alias x.
void relu(const float* x, float* y, int n);
void leaky_relu(const float* x, float slope, float* y, int n);
void tanh(const float* x, float* y, int n);     // rational approximation, a few ulp
void sigmoid(const float* x, float* y, int n);  // 1 / (1 + e^-x) without overflow
void gelu(const float* x, float* y, int n);     // x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
void exp(const float* x, float* y, int n);      // e^x; 0 below -87.3, e^88.37 above 88.37
void softplus(const float* x, float* y, int n);  // log(1 + e^x) without overflow, a few ulp

// Backward: dx[i] += dy[i] f'(.), from the input x (ReLU family) or the output y.
void relu_backward(const float* x, const float* dy, float* dx, int n);
void leaky_relu_backward(const float* x, float slope, const float* dy, float* dx, int n);
void gelu_backward(const float* x, const float* dy, float* dx, int n);
void tanh_backward(const float* y, const float* dy, float* dx, int n);     // f' = 1 - y^2
void sigmoid_backward(const float* y, const float* dy, float* dx, int n);  // f' = y (1 - y)

// y[r, :] = softmax(z[r, :] / temperature) for each of `rows` rows of length k.
void softmax_rows(const float* z, int rows, int k, float temperature, float* y);

// One Adam step (Kingma & Ba 2015, Algorithm 1) on n parameters:
//   m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,
//   value -= rate (m m_correction) / (sqrt(v v_correction) + epsilon),
// with m_correction = 1 / (1 - b1^t) and v_correction = 1 / (1 - b2^t).
struct AdamStep {
  float rate, beta1, beta2, epsilon, m_correction, v_correction;
};
void adam_update(const AdamStep& step, const float* grad, float* value, float* m, float* v, int n);

}  // namespace kernels
