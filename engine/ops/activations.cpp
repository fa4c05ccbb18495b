#include "engine/ops/activations.h"

#include <algorithm>
#include <utility>

#include "engine/kernels/elementwise.h"

void activation_forward(Activation a, const float* x, float* y, int n) {
  switch (a) {
    case Activation::Sigmoid: return kernels::sigmoid(x, y, n);
    case Activation::Tanh: return kernels::tanh(x, y, n);
    case Activation::Relu: return kernels::relu(x, y, n);
    case Activation::LeakyRelu: return kernels::leaky_relu(x, kLeakyReluSlope, y, n);
    case Activation::Gelu: return kernels::gelu(x, y, n);
    case Activation::Linear: std::copy(x, x + n, y); return;
  }
}

void activation_backward(Activation a, const float* x, const float* y, const float* dy, float* dx, int n) {
  switch (a) {
    case Activation::Sigmoid: return kernels::sigmoid_backward(y, dy, dx, n);
    case Activation::Tanh: return kernels::tanh_backward(y, dy, dx, n);
    case Activation::Relu: return kernels::relu_backward(x, dy, dx, n);
    case Activation::LeakyRelu: return kernels::leaky_relu_backward(x, kLeakyReluSlope, dy, dx, n);
    case Activation::Gelu: return kernels::gelu_backward(x, dy, dx, n);
    case Activation::Linear:
      for (int i = 0; i < n; ++i) dx[i] += dy[i];
      return;
  }
}

// One element through the array functions, so a plotted curve is exactly the
// function the networks train with; the derivative is the backward with dy = 1 into dx = 0.
float activation_value(Activation a, float x) {
  float y = 0;
  activation_forward(a, &x, &y, 1);
  return y;
}

float activation_derivative(Activation a, float x) {
  const float y = activation_value(a, x), one = 1.0f;
  float dx = 0;
  activation_backward(a, &x, &y, &one, &dx, 1);
  return dx;
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
