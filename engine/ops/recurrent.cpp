#include "engine/ops/recurrent.h"

#include <string>

#include "engine/ops/activations.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

namespace ops {
namespace {

Var propagate(std::initializer_list<Var> inputs) {
  Tape* tape = tape_of(inputs);
  return tape ? tape->fail("") : Var{};
}

// True if x [B, I], h [B, H], w_input [I, gates*H], w_hidden [H, gates*H], bias [gates*H].
bool gate_shapes_fit(int gates, const Shape& x, const Shape& h, const Shape& w_input, const Shape& w_hidden,
                     const Shape& bias) {
  if (x.rank != 2 || h.rank != 2 || w_input.rank != 2 || w_hidden.rank != 2 || bias.rank != 1) return false;
  const int batch = x[0], inputs = x[1], hidden = h[1];
  return h[0] == batch && w_input[0] == inputs && w_input[1] == gates * hidden && w_hidden[0] == hidden &&
         w_hidden[1] == gates * hidden && bias[0] == gates * hidden;
}

std::string gate_shapes_message(const char* name, int gates, const Shape& x, const Shape& h, const Shape& w_input,
                                const Shape& w_hidden, const Shape& bias) {
  const std::string g = std::to_string(gates);
  return std::string(name) + ": x " + x.str() + ", h " + h.str() + ", w_input " + w_input.str() + ", w_hidden " +
         w_hidden.str() + ", bias " + bias.str() + ": need x [B, I], h [B, H], w_input [I, " + g + "H], w_hidden [H, " +
         g + "H], bias [" + g + "H]";
}

// Block `index` (H wide) of the gate pre-activations [B, gates*H].
Var gate(Var all, int index, int hidden) { return slice(all, 1, index * hidden, (index + 1) * hidden); }

}  // namespace

// h'[B, H] = (1 - z) * n + z * h, gates as in recurrent.h.
Var gru_cell(Var x, Var h, const GruWeights& w) {
  if (any_failed({x, h, w.w_input, w.w_hidden, w.bias})) return propagate({x, h, w.w_input, w.w_hidden, w.bias});
  if (!gate_shapes_fit(3, x.shape(), h.shape(), w.w_input.shape(), w.w_hidden.shape(), w.bias.shape()))
    return x.tape->fail(gate_shapes_message("gru_cell", 3, x.shape(), h.shape(), w.w_input.shape(),
                                            w.w_hidden.shape(), w.bias.shape()));
  const int hidden = h.shape()[1];
  // The reset gate multiplies only h W_hn, so the two products stay apart.
  Var from_input = add(matmul(x, w.w_input), w.bias);  // [B, 3H]
  Var from_hidden = matmul(h, w.w_hidden);             // [B, 3H]
  Var reset = sigmoid(add(gate(from_input, 0, hidden), gate(from_hidden, 0, hidden)));
  Var update = sigmoid(add(gate(from_input, 1, hidden), gate(from_hidden, 1, hidden)));
  Var candidate = tanh(add(gate(from_input, 2, hidden), mul(reset, gate(from_hidden, 2, hidden))));
  // (1 - z) n + z h, written as n + z (h - n).
  return add(candidate, mul(update, sub(h, candidate)));
}

// c'[B, H] = f * c + i * g,  h'[B, H] = o * tanh(c'), gates as in recurrent.h.
LstmState lstm_cell(Var x, LstmState state, const LstmWeights& w) {
  if (any_failed({x, state.h, state.c, w.w_input, w.w_hidden, w.bias})) {
    Var failed = propagate({x, state.h, state.c, w.w_input, w.w_hidden, w.bias});
    return {failed, failed};
  }
  if (!gate_shapes_fit(4, x.shape(), state.h.shape(), w.w_input.shape(), w.w_hidden.shape(), w.bias.shape())) {
    Var failed = x.tape->fail(gate_shapes_message("lstm_cell", 4, x.shape(), state.h.shape(), w.w_input.shape(),
                                                  w.w_hidden.shape(), w.bias.shape()));
    return {failed, failed};
  }
  if (state.c.shape() != state.h.shape()) {
    Var failed = x.tape->fail("lstm_cell: c " + state.c.shape().str() + " must have the shape of h " +
                              state.h.shape().str());
    return {failed, failed};
  }
  const int hidden = state.h.shape()[1];
  Var all = add(add(matmul(x, w.w_input), matmul(state.h, w.w_hidden)), w.bias);  // [B, 4H]
  Var input_gate = sigmoid(gate(all, 0, hidden));
  Var forget_gate = sigmoid(gate(all, 1, hidden));
  Var cell_candidate = tanh(gate(all, 2, hidden));
  Var output_gate = sigmoid(gate(all, 3, hidden));
  Var c = add(mul(forget_gate, state.c), mul(input_gate, cell_candidate));
  return {mul(output_gate, tanh(c)), c};
}

}  // namespace ops
