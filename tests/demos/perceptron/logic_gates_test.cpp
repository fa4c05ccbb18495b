// tests/demos/perceptron/logic_gates_test.cpp: the notes' gates as threshold units.
#include "demos/perceptron/logic_gates.h"

#include <doctest/doctest.h>

#include <algorithm>

TEST_CASE("the notes' OR (-2, 3, 3) and AND (-4, 3, 3) classify their truth tables on inputs 0/1") {
  ThresholdUnit or_unit{-2, 3, 3}, and_unit{-4, 3, 3};
  for (const auto& row : kTruthRows) {
    CAPTURE(row[0]);
    CAPTURE(row[1]);
    float x1 = static_cast<float>(row[0]), x2 = static_cast<float>(row[1]);
    CHECK(or_unit.fire(x1, x2) == (row[0] | row[1]));
    CHECK(and_unit.fire(x1, x2) == (row[0] & row[1]));
  }
  CHECK(rows_correct(notes_weights(Gate::Or), Gate::Or) == 4);
  CHECK(rows_correct(notes_weights(Gate::And), Gate::And) == 4);
}

TEST_CASE("NAND's weights (4, -3, -3) classify its truth table; (2, -3, -3) would be NOR") {
  CHECK(rows_correct(notes_weights(Gate::Nand), Gate::Nand) == 4);
  ThresholdUnit nor{2, -3, -3};
  for (const auto& row : kTruthRows)
    CHECK(nor.fire(static_cast<float>(row[0]), static_cast<float>(row[1])) == 1 - (row[0] | row[1]));
}

TEST_CASE("AND(OR, NAND) computes XOR on all four rows") {
  HandBuiltXor net;
  for (const auto& row : kTruthRows) {
    CAPTURE(row[0]);
    CAPTURE(row[1]);
    float x1 = static_cast<float>(row[0]), x2 = static_cast<float>(row[1]);
    CHECK(net.hidden_or.fire(x1, x2) == gate_truth(Gate::Or, row[0], row[1]));
    CHECK(net.hidden_nand.fire(x1, x2) == gate_truth(Gate::Nand, row[0], row[1]));
    CHECK(net.fire(x1, x2) == (row[0] ^ row[1]));
  }
}

TEST_CASE("no line from a grid over (w0, w1, w2) in [-5, 5]^3 classifies XOR (Minsky & Papert 1969)") {
  // A sanity illustration, not a proof: 41^3 lines, and the best gets 3 of 4.
  int best = 0;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j)
      for (int k = 0; k <= 40; ++k) {
        ThresholdUnit unit{-5 + 0.25f * static_cast<float>(i), -5 + 0.25f * static_cast<float>(j),
                           -5 + 0.25f * static_cast<float>(k)};
        best = std::max(best, rows_correct(unit, Gate::Xor));
      }
  CHECK(best == 3);
  CHECK(rows_correct(notes_weights(Gate::Xor), Gate::Xor) == 3);  // the stand-in weights shown for XOR
}
