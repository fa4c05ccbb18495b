// Activation functions: the scalar maths (shared with the demos' plots) and
// the autodiff ops.
#pragma once

#include "engine/autodiff.h"

enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Gelu, Linear };
constexpr float kLeakyReluSlope = 0.01f;

float activation_value(Activation a, float x);
float activation_derivative(Activation a, float x);

// The same maths over arrays, through the kernels the ops use (so a fused
// path such as engine/layers/dense_stack.h gets the ops' bits):
// y = f(x), and dx += dy f' with f' read from the input x (ReLU family, GELU)
// or from the output y (tanh, sigmoid). Linear copies and adds dy.
void activation_forward(Activation a, const float* x, float* y, int n);
void activation_backward(Activation a, const float* x, const float* y, const float* dy, float* dx, int n);

namespace ops {

Var relu(Var a);
Var leaky_relu(Var a, float slope = kLeakyReluSlope);
Var tanh(Var a);
Var sigmoid(Var a);
Var gelu(Var a);    // tanh approximation (Hendrycks & Gimpel 2016)
Var linear(Var a);  // the identity
Var activate(Var a, Activation activation);

}  // namespace ops
