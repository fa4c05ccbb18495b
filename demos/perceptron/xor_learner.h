// A 2-2-1 network that learns XOR from scratch on its four truth-table rows.
//
// Two hidden units (tanh or sigmoid), one output logit; binary cross-entropy
// on the logit, full-batch Adam, all from the engine. So small a network has
// local minima on XOR: from some seeds it settles with one row wrong, which
// plateaued() detects so the UI can offer a new seed.
#pragma once

#include <cstdint>
#include <memory>

#include "engine/autodiff.h"
#include "engine/layers/mlp.h"
#include "engine/optim/adam.h"

class XorLearner {
 public:
  XorLearner();
  ~XorLearner();

  void reset(uint64_t seed, Activation hidden, float rate);  // fresh weights, step 0
  void set_rate(float rate);
  void train_step();  // one Adam step on all four rows

  long steps() const { return steps_; }
  float loss() const { return loss_; }  // at the current weights
  int rows_correct() const;             // of XOR's four rows, with logit > 0 read as 1
  bool plateaued() const { return plateaued_; }

  // The network by hand from its weights (cheap enough to shade a plot with).
  // Hidden unit j in {0, 1}: z_j = b_j + W[0][j] x1 + W[1][j] x2, h_j = act(z_j).
  float hidden_weight(int input, int unit) const;
  float hidden_bias(int unit) const;
  float output_weight(int unit) const;
  float output_bias() const;
  float hidden_value(int unit, float x1, float x2) const;  // h_j
  float logit(float x1, float x2) const;                   // b + v0 h_0 + v1 h_1
  Activation activation() const { return activation_; }

 private:
  float evaluate_loss();

  std::unique_ptr<Mlp> net_;  // on the heap: Adam keeps pointers into it
  std::unique_ptr<Adam> adam_;
  Tape tape_;
  Activation activation_ = Activation::Tanh;
  long steps_ = 0;
  float loss_ = 0;
  float checkpoint_loss_ = 0;  // loss kPlateauWindow steps ago
  bool plateaued_ = false;
};
