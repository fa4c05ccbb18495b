// One time step of the gated recurrent cells, GRU and LSTM, composed from
// matmul, slice and the activations so their gradients are exact.
//
// Conventions (both cells): batch-first row vectors, so a layer is x W with
// W [in, gates * H]; the gate blocks sit side by side along W's columns (and
// the bias) in the order listed for each cell, each H wide. A sequence is
// unrolled by calling the cell once per step and feeding back the state.
#pragma once

#include "engine/autodiff.h"

namespace ops {

// Gate blocks (reset r, update z, candidate n).
struct GruWeights {
  Var w_input;   // [I, 3H]
  Var w_hidden;  // [H, 3H]
  Var bias;      // [3H]
};

// GRU (Cho et al. 2014):
//   r  = sigmoid(x W_ir + h W_hr + b_r)
//   z  = sigmoid(x W_iz + h W_hz + b_z)
//   n  = tanh(x W_in + r * (h W_hn) + b_n)
//   h' = (1 - z) * n + z * h
// z = 1 keeps the old state, as in Cho et al.'s eq. 7. The reset gate scales
// h W_hn after the product, as cuDNN and PyTorch do (Cho et al. apply it to h
// before the product). This is our own form, not PyTorch's: there is one bias
// per gate, on the input side, where PyTorch's nn.GRU also has a hidden-side
// b_hn inside the reset, r * (h W_hn + b_hn). PyTorch weights import exactly
// only when b_hn = 0 (then b_r = b_ir + b_hr, b_z = b_iz + b_hz, b_n = b_in);
// see docs/engine-conventions.md. x [B, I], h [B, H] -> h' [B, H].
Var gru_cell(Var x, Var h, const GruWeights& w);

// Gate blocks (input i, forget f, cell candidate g, output o).
struct LstmWeights {
  Var w_input;   // [I, 4H]
  Var w_hidden;  // [H, 4H]
  Var bias;      // [4H]
};

struct LstmState {
  Var h;  // [B, H] hidden state (the cell's output)
  Var c;  // [B, H] cell state (the memory)
};

// LSTM (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000):
//   [i, f, g, o] = x W_input + h W_hidden + bias
//   i, f, o = sigmoid(.), g = tanh(.)
//   c' = f * c + i * g,  h' = o * tanh(c')
// x [B, I], h and c [B, H] -> h' and c' [B, H].
LstmState lstm_cell(Var x, LstmState state, const LstmWeights& w);

}  // namespace ops
