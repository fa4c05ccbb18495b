// Activation functions: the scalar maths (shared with the demos' plots) and
// the autodiff ops.
#pragma once

#include "engine/autodiff.h"

enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Gelu, Linear };
constexpr float kLeakyReluSlope = 0.01f;

float activation_value(Activation a, float x);
float activation_derivative(Activation a, float x);

namespace ops {

Var relu(Var a);
Var leaky_relu(Var a, float slope = kLeakyReluSlope);
Var tanh(Var a);
Var sigmoid(Var a);
Var gelu(Var a);    // tanh approximation (Hendrycks & Gimpel 2016)
Var linear(Var a);  // the identity
Var activate(Var a, Activation activation);

}  // namespace ops
