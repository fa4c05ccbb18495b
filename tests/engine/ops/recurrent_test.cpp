// tests/engine/ops/recurrent_test.cpp: GRU and LSTM cells.
#include "engine/ops/recurrent.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

constexpr int kBatch = 2, kInputs = 3, kHidden = 5;

float sigmoid_of(float a) { return 1.0f / (1.0f + std::exp(-a)); }

// (x W_input)[b, column] + (h W_hidden)[b, column] + bias[column], or one of the parts.
struct Products {
  const Tensor &x, &h, &w_input, &w_hidden, &bias;
  float from_input(int b, int column) const {
    float total = bias[column];
    for (int i = 0; i < x.dim(1); ++i) total += x[b * x.dim(1) + i] * w_input[i * w_input.dim(1) + column];
    return total;
  }
  float from_hidden(int b, int column) const {
    float total = 0;
    for (int j = 0; j < h.dim(1); ++j) total += h[b * h.dim(1) + j] * w_hidden[j * w_hidden.dim(1) + column];
    return total;
  }
};

void check_close(const Tensor& actual, const std::vector<float>& expected) {
  REQUIRE(actual.size() == static_cast<int>(expected.size()));
  for (int i = 0; i < actual.size(); ++i)
    CHECK(actual[i] == doctest::Approx(expected[static_cast<size_t>(i)]).epsilon(1e-5));
}

}  // namespace

TEST_CASE("gru_cell with all-zero weights has z = 0.5 and n = 0, so h' = h / 2") {
  Tape tape;
  Tensor h = random_tensor({kBatch, kHidden}, 41);
  ops::GruWeights w{tape.constant(Tensor(Shape{kInputs, 3 * kHidden})),
                    tape.constant(Tensor(Shape{kHidden, 3 * kHidden})), tape.constant(Tensor(Shape{3 * kHidden}))};
  Var next = ops::gru_cell(tape.constant(random_tensor({kBatch, kInputs}, 42)), tape.constant(h), w);
  REQUIRE(next.ok());
  std::vector<float> half;
  for (float v : h.to_vector()) half.push_back(0.5f * v);
  check_close(next.value(), half);
}

TEST_CASE("lstm_cell with all-zero weights has i = f = o = 0.5 and g = 0, so c' = c / 2 and h' = tanh(c / 2) / 2") {
  Tape tape;
  Tensor c = random_tensor({kBatch, kHidden}, 43, -2, 2);
  ops::LstmWeights w{tape.constant(Tensor(Shape{kInputs, 4 * kHidden})),
                     tape.constant(Tensor(Shape{kHidden, 4 * kHidden})), tape.constant(Tensor(Shape{4 * kHidden}))};
  ops::LstmState next = ops::lstm_cell(tape.constant(random_tensor({kBatch, kInputs}, 44)),
                                       {tape.constant(random_tensor({kBatch, kHidden}, 45)), tape.constant(c)}, w);
  REQUIRE(next.h.ok());
  std::vector<float> half_c, expected_h;
  for (float v : c.to_vector()) {
    half_c.push_back(0.5f * v);
    expected_h.push_back(0.5f * std::tanh(0.5f * v));
  }
  check_close(next.c.value(), half_c);
  check_close(next.h.value(), expected_h);
}

TEST_CASE("gru_cell follows the gate equations with blocks ordered reset, update, candidate") {
  Tensor x = random_tensor({kBatch, kInputs}, 1), h = random_tensor({kBatch, kHidden}, 2);
  Tensor w_input = random_tensor({kInputs, 3 * kHidden}, 3), w_hidden = random_tensor({kHidden, 3 * kHidden}, 4);
  Tensor bias = random_tensor({3 * kHidden}, 5);
  Products p{x, h, w_input, w_hidden, bias};
  std::vector<float> expected;
  for (int b = 0; b < kBatch; ++b)
    for (int j = 0; j < kHidden; ++j) {
      float r = sigmoid_of(p.from_input(b, j) + p.from_hidden(b, j));
      float z = sigmoid_of(p.from_input(b, kHidden + j) + p.from_hidden(b, kHidden + j));
      float n = std::tanh(p.from_input(b, 2 * kHidden + j) + r * p.from_hidden(b, 2 * kHidden + j));
      expected.push_back((1 - z) * n + z * h[b * kHidden + j]);
    }
  Tape tape;
  Var next = ops::gru_cell(tape.constant(x), tape.constant(h),
                           {tape.constant(w_input), tape.constant(w_hidden), tape.constant(bias)});
  REQUIRE(next.ok());
  check_close(next.value(), expected);
}

TEST_CASE("lstm_cell follows the gate equations with blocks ordered input, forget, cell, output") {
  Tensor x = random_tensor({kBatch, kInputs}, 6), h = random_tensor({kBatch, kHidden}, 7);
  Tensor c = random_tensor({kBatch, kHidden}, 8);
  Tensor w_input = random_tensor({kInputs, 4 * kHidden}, 9), w_hidden = random_tensor({kHidden, 4 * kHidden}, 10);
  Tensor bias = random_tensor({4 * kHidden}, 11);
  Products p{x, h, w_input, w_hidden, bias};
  std::vector<float> expected_h, expected_c;
  for (int b = 0; b < kBatch; ++b)
    for (int j = 0; j < kHidden; ++j) {
      auto pre = [&](int block) {
        return p.from_input(b, block * kHidden + j) + p.from_hidden(b, block * kHidden + j);
      };
      float i = sigmoid_of(pre(0)), f = sigmoid_of(pre(1)), g = std::tanh(pre(2)), o = sigmoid_of(pre(3));
      float cell = f * c[b * kHidden + j] + i * g;
      expected_c.push_back(cell);
      expected_h.push_back(o * std::tanh(cell));
    }
  Tape tape;
  ops::LstmState next = ops::lstm_cell(tape.constant(x), {tape.constant(h), tape.constant(c)},
                                       {tape.constant(w_input), tape.constant(w_hidden), tape.constant(bias)});
  REQUIRE(next.h.ok());
  check_close(next.h.value(), expected_h);
  check_close(next.c.value(), expected_c);
}

TEST_CASE("gru_cell gradients match finite differences for x, h and every weight") {
  GradCheckResult r = gradcheck(
      [](Tape&, const std::vector<Var>& in) { return ops::gru_cell(in[0], in[1], {in[2], in[3], in[4]}); },
      {random_tensor({kBatch, kInputs}, 51), random_tensor({kBatch, kHidden}, 52),
       random_tensor({kInputs, 3 * kHidden}, 53), random_tensor({kHidden, 3 * kHidden}, 54),
       random_tensor({3 * kHidden}, 55)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("lstm_cell gradients of h' and c' match finite differences for x, h, c and every weight") {
  GradCheckResult r = gradcheck(
      [](Tape&, const std::vector<Var>& in) {
        ops::LstmState next = ops::lstm_cell(in[0], {in[1], in[2]}, {in[3], in[4], in[5]});
        return ops::concat({next.h, next.c}, 1);
      },
      {random_tensor({kBatch, kInputs}, 61), random_tensor({kBatch, kHidden}, 62), random_tensor({kBatch, kHidden}, 63),
       random_tensor({kInputs, 4 * kHidden}, 64), random_tensor({kHidden, 4 * kHidden}, 65),
       random_tensor({4 * kHidden}, 66)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("a GRU unrolled over three steps backpropagates through time exactly") {
  GradCheckResult r = gradcheck(
      [](Tape&, const std::vector<Var>& in) {
        ops::GruWeights w{in[2], in[3], in[4]};
        Var h = in[1];
        for (int step = 0; step < 3; ++step) h = ops::gru_cell(ops::slice(in[0], 0, step, step + 1), h, w);
        return h;
      },
      {random_tensor({3, 2}, 71), random_tensor({1, 3}, 72), random_tensor({2, 9}, 73), random_tensor({3, 9}, 74),
       random_tensor({9}, 75)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("recurrent cells report mismatched shapes by name, and pass on failed inputs") {
  Tape tape;
  auto zeros = [&tape](Shape s) { return tape.constant(Tensor(s)); };
  CHECK_FALSE(ops::gru_cell(zeros({2, 3}), zeros({2, 5}), {zeros({4, 15}), zeros({5, 15}), zeros({15})}).ok());
  CHECK(tape.error() ==
        "gru_cell: x [2, 3], h [2, 5], w_input [4, 15], w_hidden [5, 15], bias [15]: need x [B, I], h [B, H], "
        "w_input [I, 3H], w_hidden [H, 3H], bias [3H]");
  tape.clear();
  ops::LstmWeights misshapen{zeros({3, 15}), zeros({5, 20}), zeros({20})};
  CHECK_FALSE(ops::lstm_cell(zeros({2, 3}), {zeros({2, 5}), zeros({2, 5})}, misshapen).h.ok());
  CHECK(tape.error().rfind("lstm_cell: x [2, 3], h [2, 5], w_input [3, 15]", 0) == 0);
  CHECK(tape.error().find("w_input [I, 4H]") != std::string::npos);
  tape.clear();
  ops::LstmWeights fitting{zeros({3, 20}), zeros({5, 20}), zeros({20})};
  CHECK_FALSE(ops::lstm_cell(zeros({2, 3}), {zeros({2, 5}), zeros({1, 5})}, fitting).c.ok());
  CHECK(tape.error() == "lstm_cell: c [1, 5] must have the shape of h [2, 5]");
  tape.clear();
  CHECK_FALSE(ops::gru_cell(zeros({2, 3}), zeros({3, 5}), {zeros({3, 15}), zeros({5, 15}), zeros({15})}).ok());
  CHECK(tape.error().rfind("gru_cell: x [2, 3], h [3, 5]", 0) == 0);
  tape.clear();
  Var failed = tape.fail("earlier");
  CHECK_FALSE(ops::gru_cell(zeros({2, 3}), failed, {zeros({3, 15}), zeros({5, 15}), zeros({15})}).ok());
  CHECK(tape.error() == "earlier");
}
