#include "demos/perceptron/logic_gates.h"

const char* gate_name(Gate gate) {
  switch (gate) {
    case Gate::Or: return "OR";
    case Gate::And: return "AND";
    case Gate::Nand: return "NAND";
    case Gate::Xor: return "XOR";
  }
  return "?";
}

int gate_truth(Gate gate, int x1, int x2) {
  switch (gate) {
    case Gate::Or: return x1 | x2;
    case Gate::And: return x1 & x2;
    case Gate::Nand: return 1 - (x1 & x2);
    case Gate::Xor: return x1 ^ x2;
  }
  return 0;
}

ThresholdUnit notes_weights(Gate gate) {
  switch (gate) {
    case Gate::Or: return {-2, 3, 3};
    case Gate::And: return {-4, 3, 3};
    case Gate::Nand: return {4, -3, -3};
    case Gate::Xor: return {-2, 3, 3};
  }
  return {};
}

int rows_correct(const ThresholdUnit& unit, Gate gate) {
  int correct = 0;
  for (const auto& row : kTruthRows)
    correct += unit.fire(static_cast<float>(row[0]), static_cast<float>(row[1])) == gate_truth(gate, row[0], row[1]);
  return correct;
}
