// A ReLU multi-layer perceptron with a dropout rate per layer (Srivastava et
// al., JMLR 2014; Hinton et al. 2012), written out so every claim of the seed
// notes can be watched:
//
//   z^l ~ Bernoulli(q_l)  (q_l = 1 - p_l, the keep probability; p_l the drop rate)
//   h^(l+1) = relu(W^(l+1)T (h^l * z^l) + b^(l+1)),   logits = W^T (h^L * z^L) + b
//
// Layer 0's mask drops input units (pixels), layer l's drops hidden layer l's
// outputs. Weight scaling (the paper) or inverted dropout (what frameworks do)
// keeps each layer's expected input the same at training and test time
// (DropoutScaling in engine/layers/mlp.h, the engine's MLP that runs it).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/autodiff.h"
#include "engine/layers/linear.h"
#include "engine/layers/mlp.h"
#include "engine/random.h"

struct NetworkConfig {
  int inputs = 784;
  int classes = 10;
  std::vector<int> hidden = {256, 256};  // widths of the hidden layers
  // Drop probability of each layer's input: [0] the input units, [l] the
  // outputs of hidden layer l. Size hidden.size() + 1; each in [0, 1).
  std::vector<float> drop = {0.2f, 0.5f, 0.5f};
  DropoutScaling scaling = DropoutScaling::Inverted;
};

// Which network a pass runs.
enum class Pass {
  Training,       // a fresh thinned network per example (masks drawn)
  Deterministic,  // all units on, scaled for the expected input (the "mean network")
  MonteCarlo,     // a thinned network as in training, without gradients in mind (MC dropout)
};

// Masks and activations of one pass, for drawing.
struct PassDetails {
  std::vector<Tensor> masks;  // per layer input [B, width], 1 = kept; empty tensor where p = 0 or no draw
  std::vector<Var> hidden;    // hidden activations after ReLU, before their dropout
};

class DropoutNetwork {
 public:
  // The same config and seed give identical weights: the two networks the
  // demo compares start from one initialisation (He normal, for ReLU).
  DropoutNetwork(const NetworkConfig& config, uint64_t init_seed);
  DropoutNetwork(const DropoutNetwork&) = delete;  // optimizers keep pointers to the parameters
  DropoutNetwork& operator=(const DropoutNetwork&) = delete;

  // x [B, inputs] -> logits [B, classes]. Masks come from `rng` (Training and
  // MonteCarlo only); `details`, if given, receives them and the activations.
  Var forward(Tape& tape, Var x, Pass pass, Pcg32& rng, PassDetails* details = nullptr);

  std::vector<Parameter*> parameters();
  bool finite() const;  // every weight and bias is a number

  const NetworkConfig& config() const { return config_; }
  const std::vector<Linear>& layers() const { return mlp_.layers(); }
  std::vector<Linear>& layers() { return mlp_.layers(); }
  float drop_rate(int layer) const { return config_.drop[static_cast<size_t>(layer)]; }
  bool uses_dropout() const;

 private:
  NetworkConfig config_;
  Mlp mlp_;  // ReLU hidden layers, then the output layer
};

// The config's drop rates set to zero: the plain twin of a dropout network.
NetworkConfig without_dropout(NetworkConfig config);
