// tests/engine/layers/linear_test.cpp: the fully connected layer.
#include "engine/layers/linear.h"

#include <doctest/doctest.h>

#include <cmath>

#include "tests/engine/gradcheck.h"
#include "tests/engine/layers/parameter_gradcheck.h"

namespace {

// Sample standard deviation of a tensor's elements.
double spread_of(const Tensor& t) {
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < t.size(); ++i) {
    sum += t[i];
    sum_sq += static_cast<double>(t[i]) * t[i];
  }
  const double mean = sum / t.size();
  return std::sqrt(sum_sq / t.size() - mean * mean);
}

}  // namespace

TEST_CASE("linear forward equals x W + b on a hand example") {
  Pcg32 rng(1);
  Linear layer(2, 3, rng, Init::Glorot);
  layer.weight.value.copy_from(Tensor::from({2, 3}, {1, 2, 3, 4, 5, 6}));
  layer.bias.value.copy_from(Tensor::from({3}, {0.5f, -1, 2}));
  Tape tape;
  Var y = layer.forward(tape, tape.constant(Tensor::from({2, 2}, {1, 0, -1, 2})));
  REQUIRE(y.ok());
  CHECK(y.shape() == Shape{2, 3});
  // Row 1: (1, 0) W + b = (1, 2, 3) + b; row 2: (-1, 2) W + b = (7, 8, 9) + b.
  CHECK(y.value().to_vector() == std::vector<float>{1.5f, 1, 5, 7.5f, 7, 11});
}

TEST_CASE("linear gradients for input, weight and bias match finite differences") {
  Pcg32 rng(2);
  Linear layer(5, 3, rng, Init::Glorot);
  for (int i = 0; i < layer.bias.value.size(); ++i) layer.bias.value[i] = 0.1f * static_cast<float>(i + 1);
  GradCheckResult input = gradcheck([&layer](Tape& tape, const std::vector<Var>& x) { return layer.forward(tape, x[0]); },
                                    {random_tensor({7, 5}, 11)});
  CHECK_MESSAGE(input.ok, input.report);
  const Tensor x = random_tensor({7, 5}, 12);
  GradCheckResult params = parameter_gradcheck(
      [&layer, &x](Tape& tape) { return layer.forward(tape, tape.constant(x)); }, layer.parameters());
  CHECK_MESSAGE(params.ok, params.report);
}

TEST_CASE("linear initialises weights by Glorot or He and biases at zero") {
  Pcg32 rng(3);
  Linear glorot(100, 100, rng, Init::Glorot, "g");
  Linear he(100, 100, rng, Init::He, "h");
  const double glorot_bound = std::sqrt(6.0 / 200);  // U(-a, a) has spread a / sqrt(3)
  for (int i = 0; i < glorot.weight.value.size(); ++i) CHECK(std::fabs(glorot.weight.value[i]) <= glorot_bound);
  CHECK(spread_of(glorot.weight.value) == doctest::Approx(glorot_bound / std::sqrt(3.0)).epsilon(0.05));
  CHECK(spread_of(he.weight.value) == doctest::Approx(std::sqrt(2.0 / 100)).epsilon(0.05));
  for (const Linear* layer : {&glorot, &he})
    for (int i = 0; i < layer->bias.value.size(); ++i) CHECK(layer->bias.value[i] == 0.0f);
  CHECK(glorot.weight.name == "g.weight");
  CHECK(he.bias.name == "h.bias");
  CHECK(he.bias.grad.shape() == Shape{100});
}

TEST_CASE("linear reports an input of the wrong width instead of crashing") {
  Pcg32 rng(4);
  Linear layer(3, 2, rng, Init::He);
  Tape tape;
  CHECK_FALSE(layer.forward(tape, tape.constant(Tensor(Shape{4, 5}))).ok());
  CHECK(tape.error() == "linear: input [4, 5] does not fit weight [3, 2]; need [B, 3]");
  tape.clear();
  CHECK_FALSE(layer.forward(tape, Var{}).ok());
}
