// A multilayer perceptron: [linear -> activation] per hidden layer, then a
// linear output layer (the loss decides what the outputs mean: a sigmoid for
// binary cross-entropy, a softmax for classes, nothing for regression), with
// an optional dropout rate on each layer's input (Srivastava et al. 2014).
//
// Without the activations the stack would collapse into one linear map, so
// depth would add nothing; the activation is what lets each layer bend the
// decision boundary.
//
// The one definition of the stack: the perceptron and temperature demos run
// forward() on a tape, the dropout demo adds its masks through MlpPass, and
// the MLP mode runs its layers through DenseStack (dense_stack.h), the same
// arithmetic without a tape.
#pragma once

#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/layers/linear.h"
#include "engine/ops/activations.h"
#include "engine/random.h"

// Two ways to keep each layer's expected input the same at training and test time:
//   - Inverted (what frameworks do, ops::dropout): train with h * z / q, test as is;
//   - WeightScaling (the paper): train with h * z, test with h scaled by q, since
//     (q h) W = h (q W) is the network with its outgoing weights scaled.
// z ~ Bernoulli(q) is the keep mask, q = 1 - p the keep probability.
enum class DropoutScaling { Inverted, WeightScaling };

// How one forward pass drops units. The default is no dropout.
struct MlpPass {
  // drop[l]: the probability of dropping each input unit of layer l (l = 0 the
  // network's inputs, l the outputs of hidden layer l); missing entries are 0.
  std::vector<float> drop;
  DropoutScaling scaling = DropoutScaling::Inverted;
  // Draws the masks (a thinned network: training, Monte Carlo dropout). Null:
  // all units on, scaled for the expected input (the "mean network").
  Pcg32* rng = nullptr;
  // Receives one keep mask per layer (1 kept): an empty tensor where none was drawn.
  std::vector<Tensor>* masks = nullptr;
};

// Each layer's initialisation for the activation that follows it: He for the
// ReLU family, Glorot otherwise.
Init init_for(Activation next);

class Mlp {
 public:
  // sizes: {inputs, hidden..., outputs}, e.g. {2, 8, 8, 1}. hidden_activations:
  // one per hidden layer, or a single one used for all of them. Hidden layers
  // are initialised by init_for(), the output layer by output_init. Layers are
  // named "hidden1", "hidden2", ..., "output". A bad configuration builds no
  // layers and makes every forward pass fail with error().
  Mlp(const std::vector<int>& sizes, const std::vector<Activation>& hidden_activations, Pcg32& rng,
      Init output_init = Init::Glorot);

  // x [B, sizes.front()] -> [B, sizes.back()].
  Var forward(Tape& tape, Var x, const MlpPass& pass = {});

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
