// A fully connected layer: y[B, out] = x[B, in] W[in, out] + b[out].
//
// W is stored [in, out] so the forward pass is one matmul with no transpose
// (each row of x is one sample). The layer owns its Parameters; the tape only
// borrows them, so gradients accumulate in weight.grad and bias.grad.
#pragma once

#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/random.h"

// Weight initialisation (engine/init.h); the bias always starts at zero.
enum class Init {
  Glorot,  // Glorot & Bengio (2010) uniform: for tanh, sigmoid and linear outputs
  He,      // He et al. (2015) normal: for ReLU-family activations
};

class Linear {
 public:
  // Sizes below 1 are raised to 1 (a layer cannot be empty).
  Linear(int in, int out, Pcg32& rng, Init init, const std::string& name = "linear");

  Var forward(Tape& tape, Var x);  // x [B, in] -> [B, out]
  std::vector<Parameter*> parameters() { return {&weight, &bias}; }

  int in_features() const { return weight.value.dim(0); }
  int out_features() const { return weight.value.dim(1); }

  Parameter weight;  // [in, out]
  Parameter bias;    // [out]
};
