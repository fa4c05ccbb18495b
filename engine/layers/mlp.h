// A multilayer perceptron: [linear -> activation] per hidden layer, then a
// linear output layer (the loss decides what the outputs mean: a sigmoid for
// binary cross-entropy, a softmax for classes, nothing for regression).
//
// Without the activations the stack would collapse into one linear map, so
// depth would add nothing; the activation is what lets each layer bend the
// decision boundary.
#pragma once

#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/layers/linear.h"
#include "engine/ops/activations.h"
#include "engine/random.h"

class Mlp {
 public:
  // sizes: {inputs, hidden..., outputs}, e.g. {2, 8, 8, 1}. hidden_activations:
  // one per hidden layer, or a single one used for all of them. Each layer is
  // initialised for the activation that follows it: He for ReLU-family,
  // Glorot otherwise. A bad configuration builds no layers and makes every
  // forward pass fail with error().
  Mlp(const std::vector<int>& sizes, const std::vector<Activation>& hidden_activations, Pcg32& rng);

  Var forward(Tape& tape, Var x);  // x [B, sizes.front()] -> [B, sizes.back()]

  // The parameters of all layers in order (weight, bias per layer). The
  // pointers stay valid as long as this Mlp is not moved or destroyed; a
  // copied Mlp shares its weights' storage with the original (Tensor copies
  // are views), so build a new one for independent weights.
  std::vector<Parameter*> parameters();

  // Post-activation values [B, sizes[i + 1]] of hidden layer i from the last
  // forward pass, for per-neuron heat maps. Valid until that tape is cleared.
  const std::vector<Var>& hidden_outputs() const { return hidden_outputs_; }

  const std::vector<Linear>& layers() const { return layers_; }
  std::vector<Linear>& layers() { return layers_; }
  const std::vector<int>& sizes() const { return sizes_; }
  const std::vector<Activation>& hidden_activations() const { return activations_; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  std::vector<int> sizes_;
  std::vector<Activation> activations_;  // one per hidden layer
  std::vector<Linear> layers_;
  std::vector<Var> hidden_outputs_;
  std::string error_;
};
