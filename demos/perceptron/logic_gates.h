// Two-input logic gates as threshold units, as the seed notes build them.
//
// A unit computes h(x) = sign(w0 + w1 x1 + w2 x2) over inputs x1, x2 in {0, 1}.
// We read sign + as 1 and - as 0, so one unit's output can be the next one's
// input: that is all it takes to stack them into XOR = AND(OR, NAND).
#pragma once

enum class Gate { Or, And, Nand, Xor };
constexpr int kGateCount = 4;
const char* gate_name(Gate gate);  // "OR", "AND", "NAND", "XOR": also the URL values

// The gate's true output for inputs in {0, 1}.
int gate_truth(Gate gate, int x1, int x2);

// The four truth-table rows in order: (0,0), (0,1), (1,0), (1,1).
constexpr int kTruthRows[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

struct ThresholdUnit {
  float w0 = 0, w1 = 0, w2 = 0;  // bias folded in as w0 (its input is always 1)

  float score(float x1, float x2) const { return w0 + w1 * x1 + w2 * x2; }
  // A score of exactly 0 sits on the line; it counts as 0, so no tie is "right".
  int fire(float x1, float x2) const { return score(x1, x2) > 0 ? 1 : 0; }
};

// The notes' weights: OR (-2, 3, 3) and AND (-4, 3, 3). NAND negates AND:
// (4, -3, -3); negating OR, (2, -3, -3), would give NOR instead. XOR has no
// such weights (Minsky & Papert 1969); for it we return OR's, which get three
// of the four rows right, the best any line can do.
ThresholdUnit notes_weights(Gate gate);

// How many of the four rows `unit` gets right for `gate`.
int rows_correct(const ThresholdUnit& unit, Gate gate);

// XOR by hand as a two-layer network: hidden units OR and NAND, output AND.
struct HandBuiltXor {
  ThresholdUnit hidden_or = notes_weights(Gate::Or);
  ThresholdUnit hidden_nand = notes_weights(Gate::Nand);
  ThresholdUnit output_and = notes_weights(Gate::And);

  // The output unit's score over the plane; its sign is the network's answer.
  float score(float x1, float x2) const {
    return output_and.score(static_cast<float>(hidden_or.fire(x1, x2)), static_cast<float>(hidden_nand.fire(x1, x2)));
  }
  int fire(float x1, float x2) const { return score(x1, x2) > 0 ? 1 : 0; }
};
