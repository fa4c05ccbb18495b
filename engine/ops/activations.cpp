#include "engine/ops/activations.h"

#include <cmath>

#include "engine/kernels/elementwise.h"

namespace {

constexpr float kGeluC = 0.7978845608f;  // sqrt(2 / pi)

// Sigmoid without overflow for large |x|.
float stable_sigmoid(float x) {
  if (x >= 0) return 1.0f / (1.0f + std::exp(-x));
  float e = std::exp(x);
  return e / (1.0f + e);
}

}  // namespace

float activation_value(Activation a, float x) {
  switch (a) {
    case Activation::Sigmoid: return stable_sigmoid(x);
    case Activation::Tanh: return std::tanh(x);
    case Activation::Relu: return x > 0 ? x : 0.0f;
    case Activation::LeakyRelu: return x > 0 ? x : kLeakyReluSlope * x;
    case Activation::Gelu: return 0.5f * x * (1.0f + std::tanh(kGeluC * (x + 0.044715f * x * x * x)));
    case Activation::Linear: return x;
  }
  return x;
}

float activation_derivative(Activation a, float x) {
  switch (a) {
    case Activation::Sigmoid: {
      float s = stable_sigmoid(x);
      return s * (1 - s);
    }
    case Activation::Tanh: {
      float t = std::tanh(x);
      return 1 - t * t;
    }
    case Activation::Relu: return x > 0 ? 1.0f : 0.0f;
    case Activation::LeakyRelu: return x > 0 ? 1.0f : kLeakyReluSlope;
    case Activation::Gelu: {
      float u = kGeluC * (x + 0.044715f * x * x * x);
      float t = std::tanh(u);
      float du = kGeluC * (1 + 3 * 0.044715f * x * x);
      return 0.5f * (1 + t) + 0.5f * x * (1 - t * t) * du;
    }
    case Activation::Linear: return 1.0f;
  }
  return 1.0f;
}

namespace ops {
namespace {

// Forward and backward through the element-wise kernels (engine/kernels/):
// forward(x, y, n) computes y = f(x); backward(from, dy, dx, n) adds dy f'
// where f' is a function of the input (ReLU family) or the output (tanh, sigmoid).
template <typename Forward, typename Backward>
Var kernel_pointwise(Var a, Forward forward, Backward backward, bool derivative_from_output) {
  if (!a.ok()) return a.tape ? a.tape->fail("") : Var{};
  const Tensor& x = a.value();
  Tensor out(x.shape());
  forward(x.data(), out.data(), x.size());
  return a.tape->record(std::move(out), {a}, [a, backward, derivative_from_output](Tape& t, Var y) {
    const Tensor& from = derivative_from_output ? t.value(y) : t.value(a);
    backward(from.data(), t.grad(y).data(), t.grad(a).data(), from.size());
  });
}

}  // namespace

Var relu(Var a) { return kernel_pointwise(a, kernels::relu, kernels::relu_backward, false); }

Var leaky_relu(Var a, float slope) {
  return kernel_pointwise(
      a, [slope](const float* x, float* y, int n) { kernels::leaky_relu(x, slope, y, n); },
      [slope](const float* x, const float* dy, float* dx, int n) { kernels::leaky_relu_backward(x, slope, dy, dx, n); },
      false);
}

Var tanh(Var a) { return kernel_pointwise(a, kernels::tanh, kernels::tanh_backward, true); }

Var sigmoid(Var a) { return kernel_pointwise(a, kernels::sigmoid, kernels::sigmoid_backward, true); }

Var gelu(Var a) { return kernel_pointwise(a, kernels::gelu, kernels::gelu_backward, false); }

Var linear(Var a) { return a; }

Var activate(Var a, Activation activation) {
  switch (activation) {
    case Activation::Sigmoid: return sigmoid(a);
    case Activation::Tanh: return tanh(a);
    case Activation::Relu: return relu(a);
    case Activation::LeakyRelu: return leaky_relu(a);
    case Activation::Gelu: return gelu(a);
    case Activation::Linear: return linear(a);
  }
  return a;
}

}  // namespace ops
