// A stack of small dense layers run forward and backward in one call, on
// buffers kept between steps: what the tape records for
//
//   Linear -> activation -> dropout -> ... -> Linear
//
// without a node, a closure or an allocation per op. A 2-8-8-1 network at
// batch 10 (the MLP demo's) does about 3,000 multiply-adds per step, so a
// taped step is mostly bookkeeping (issue 15, docs/performance.md).
//
// It calls the ops' own array functions (affine_values, activation_forward,
// dropout_values and their backwards) in the order the tape's backward runs
// them, into zeroed buffers as the tape's gradients are, so its outputs and
// gradients are bit-identical to the taped path
// (tests/engine/layers/dense_stack_test.cpp checks that).
//
// The loss stays on a tape, where every loss already exists: record the
// logits with tape.variable(), run tape.backward(loss), and hand
// tape.grad(logits) to backward(). Penalties on the weights recorded on that
// tape land in the parameters' gradients first, as they do on one tape.
#pragma once

#include <vector>

#include "engine/layers/linear.h"
#include "engine/ops/activations.h"
#include "engine/random.h"
#include "engine/tensor.h"

class DenseStack {
 public:
  DenseStack() = default;
  // layers: the hidden layers, then the output layer; activations: one per
  // hidden layer. The layers must stay where they are while the stack is used.
  DenseStack(std::vector<Linear>* layers, std::vector<Activation> activations);

  // x [B, inputs] -> logits [B, outputs]. With a dropout_rng (training),
  // hidden layer l then drops units with probability drop[l] in [0, 1) (missing
  // entries are 0), drawing from the rng as ops::dropout draws from its tape's; without
  // one (evaluation) dropout is the identity. The result lives until the next call.
  const Tensor& forward(const Tensor& x, const std::vector<float>& drop, Pcg32* dropout_rng);

  // Adds d loss / d W and d loss / d b of every layer into its parameters'
  // gradients, from d loss / d logits [B, outputs] of the last forward().
  void backward(const Tensor& logits_grad);

  int hidden_count() const { return static_cast<int>(activations_.size()); }
  // Hidden layer l's output after its activation and dropout, [B, width].
  const Tensor& hidden(int l) const;
  // Its keep mask (1 kept, 0 dropped); all ones where no mask was drawn.
  const Tensor& mask(int l) const { return hidden_[static_cast<size_t>(l)].mask; }

 private:
  struct Hidden {
    Tensor pre;      // x W + b
    Tensor active;   // activation(pre)
    Tensor dropped;  // active * mask / (1 - p), when a mask was drawn
    Tensor mask;
    float drop = 0;  // the drop probability of the last forward; 0 = no mask drawn
    Tensor output_grad, active_grad, pre_grad;
  };

  std::vector<Linear>* layers_ = nullptr;
  std::vector<Activation> activations_;
  std::vector<Hidden> hidden_;
  Tensor input_;   // a view of the last forward's x (its first layer's gradient needs it)
  Tensor logits_;
};
