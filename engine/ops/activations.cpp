#include "engine/ops/activations.h"

#include <utility>

#include "engine/kernels/elementwise.h"

namespace {

// One element through the same kernels the ops use, so a plotted curve is
// exactly the function the networks train with.
template <typename Forward>
float one_value(Forward forward, float x) {
  float y = 0;
  forward(&x, &y, 1);
  return y;
}

// f'(.) for one element: the backward kernel with dy = 1 into dx = 0.
template <typename Backward>
float one_derivative(Backward backward, float from) {
  const float one = 1.0f;
  float dx = 0;
  backward(&from, &one, &dx, 1);
  return dx;
}

}  // namespace

float activation_value(Activation a, float x) {
  switch (a) {
    case Activation::Sigmoid: return one_value(kernels::sigmoid, x);
    case Activation::Tanh: return one_value(kernels::tanh, x);
    case Activation::Relu: return one_value(kernels::relu, x);
    case Activation::LeakyRelu:
      return one_value([](const float* in, float* out, int n) { kernels::leaky_relu(in, kLeakyReluSlope, out, n); }, x);
    case Activation::Gelu: return one_value(kernels::gelu, x);
    case Activation::Linear: return x;
  }
  return x;
}

// Tanh and sigmoid take their derivative from the output, the others from the input.
float activation_derivative(Activation a, float x) {
  switch (a) {
    case Activation::Sigmoid: return one_derivative(kernels::sigmoid_backward, activation_value(a, x));
    case Activation::Tanh: return one_derivative(kernels::tanh_backward, activation_value(a, x));
    case Activation::Relu: return one_derivative(kernels::relu_backward, x);
    case Activation::LeakyRelu:
      return one_derivative([](const float* in, const float* dy, float* dx, int n) {
        kernels::leaky_relu_backward(in, kLeakyReluSlope, dy, dx, n);
      }, x);
    case Activation::Gelu: return one_derivative(kernels::gelu_backward, x);
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
