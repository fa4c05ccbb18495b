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

// Records y = f(x) through forward(x, y, n); the backward adds dy f' through
// backward(x, y, dy, dx, n), which reads f' from the input or the output.
template <typename Forward, typename Backward>
Var pointwise(Var a, Forward forward, Backward backward) {
  if (!a.ok()) return a.tape ? a.tape->fail("") : Var{};
  const Tensor& x = a.value();
  Tensor out(x.shape());
  forward(x.data(), out.data(), x.size());
  return a.tape->record(std::move(out), {a}, [a, backward](Tape& t, Var y) {
    const Tensor& input = t.value(a);
    backward(input.data(), t.value(y).data(), t.grad(y).data(), t.grad(a).data(), input.size());
  });
}

}  // namespace

// One op for every activation, through the same array functions as fused
// paths (engine/layers/dense_stack.h), so both get the same bits.
Var activate(Var a, Activation activation) {
  if (activation == Activation::Linear) return a;  // the identity records nothing
  return pointwise(
      a, [activation](const float* x, float* y, int n) { activation_forward(activation, x, y, n); },
      [activation](const float* x, const float* y, const float* dy, float* dx, int n) {
        activation_backward(activation, x, y, dy, dx, n);
      });
}

Var relu(Var a) { return activate(a, Activation::Relu); }

Var leaky_relu(Var a, float slope) {
  return pointwise(
      a, [slope](const float* x, float* y, int n) { kernels::leaky_relu(x, slope, y, n); },
      [slope](const float* x, const float*, const float* dy, float* dx, int n) {
        kernels::leaky_relu_backward(x, slope, dy, dx, n);
      });
}

Var tanh(Var a) { return activate(a, Activation::Tanh); }

Var sigmoid(Var a) { return activate(a, Activation::Sigmoid); }

Var gelu(Var a) { return activate(a, Activation::Gelu); }

Var linear(Var a) { return activate(a, Activation::Linear); }

}  // namespace ops
