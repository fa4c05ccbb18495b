// tests/engine/layers/mlp_test.cpp: the multilayer perceptron.
#include "engine/layers/mlp.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/optim/adam.h"
#include "tests/engine/gradcheck.h"
#include "tests/engine/layers/parameter_gradcheck.h"

namespace {

// Binary cross-entropy of sigmoid outputs, written here from ops so these
// tests do not depend on engine/ops/losses.h:
// L = -mean(t log p + (1 - t) log(1 - p)), p = sigmoid(logits).
Var binary_cross_entropy(Var logits, Var targets) {
  Var p = ops::sigmoid(logits);
  Var one_minus_p = ops::add_scalar(ops::scale(p, -1.0f), 1.0f);
  Var one_minus_t = ops::add_scalar(ops::scale(targets, -1.0f), 1.0f);
  Var log_likelihood = ops::add(ops::mul(targets, ops::log(p)), ops::mul(one_minus_t, ops::log(one_minus_p)));
  return ops::scale(ops::mean(log_likelihood), -1.0f);
}

}  // namespace

TEST_CASE("a 2-4-1 tanh MLP trained with Adam solves noise-free XOR within 2000 steps") {
  // From this seed; about 3% of seeds stall in a local minimum, as small XOR nets do.
  constexpr int kStepBound = 2000;
  Pcg32 rng(42);
  Mlp net({2, 4, 1}, {Activation::Tanh}, rng);
  Adam adam(net.parameters(), 0.05f);
  const Tensor points = Tensor::from({4, 2}, {0, 0, 0, 1, 1, 0, 1, 1});
  const Tensor targets = Tensor::from({4, 1}, {0, 1, 1, 0});
  Tape tape;
  int all_correct_at = -1, confident_at = -1;
  for (int step = 0; step <= kStepBound && confident_at < 0; ++step) {
    tape.clear();
    Var logits = net.forward(tape, tape.constant(points));
    Var loss = binary_cross_entropy(logits, tape.constant(targets));
    REQUIRE(loss.ok());
    int correct = 0;
    for (int i = 0; i < 4; ++i) correct += (logits.value()[i] > 0) == (targets[i] > 0.5f);
    if (correct == 4 && all_correct_at < 0) all_correct_at = step;
    if (correct == 4 && loss.value().item() < 0.05f) confident_at = step;
    adam.zero_grad();
    REQUIRE(tape.backward(loss));
    adam.step();
  }
  MESSAGE("XOR: all four right after " << all_correct_at << " Adam steps, loss < 0.05 after " << confident_at);
  CHECK(all_correct_at >= 0);
  CHECK(all_correct_at <= kStepBound);
  CHECK(confident_at >= 0);  // and it keeps improving: the loss falls below 0.05 within the bound
}

TEST_CASE("mlp exposes each hidden layer's activations after a forward pass") {
  Pcg32 rng(5);
  Mlp net({2, 5, 3, 1}, {Activation::Tanh, Activation::Relu}, rng);
  Tape tape;
  Var x = tape.constant(random_tensor({6, 2}, 7));
  Var y = net.forward(tape, x);
  REQUIRE(y.ok());
  CHECK(y.shape() == Shape{6, 1});
  REQUIRE(net.hidden_outputs().size() == 2);
  CHECK(net.hidden_outputs()[0].shape() == Shape{6, 5});
  CHECK(net.hidden_outputs()[1].shape() == Shape{6, 3});
  // The first hidden layer's outputs are tanh(x W0 + b0).
  Var expected = ops::tanh(net.layers()[0].forward(tape, x));
  CHECK(net.hidden_outputs()[0].value().to_vector() == expected.value().to_vector());
  for (float v : net.hidden_outputs()[1].value().to_vector()) CHECK(v >= 0.0f);  // after ReLU
  CHECK(net.parameters().size() == 6);
}

TEST_CASE("mlp gradients for inputs and every parameter match finite differences") {
  Pcg32 rng(6);
  Mlp net({3, 4, 2}, {Activation::Tanh}, rng);
  GradCheckResult input = gradcheck([&net](Tape& tape, const std::vector<Var>& x) { return net.forward(tape, x[0]); },
                                    {random_tensor({5, 3}, 8)});
  CHECK_MESSAGE(input.ok, input.report);
  const Tensor x = random_tensor({5, 3}, 9);
  GradCheckResult params =
      parameter_gradcheck([&net, &x](Tape& tape) { return net.forward(tape, tape.constant(x)); }, net.parameters());
  CHECK_MESSAGE(params.ok, params.report);
}

TEST_CASE("mlp initialises layers before ReLU with He and the output layer with Glorot") {
  Pcg32 rng(7);
  Mlp net({100, 100, 100}, {Activation::Relu}, rng);
  const Tensor& hidden = net.layers()[0].weight.value;
  const Tensor& output = net.layers()[1].weight.value;
  double hidden_sq = 0, output_max = 0;
  for (int i = 0; i < hidden.size(); ++i) hidden_sq += static_cast<double>(hidden[i]) * hidden[i];
  for (int i = 0; i < output.size(); ++i) output_max = std::max(output_max, static_cast<double>(std::fabs(output[i])));
  CHECK(std::sqrt(hidden_sq / hidden.size()) == doctest::Approx(std::sqrt(2.0 / 100)).epsilon(0.05));
  CHECK(output_max <= std::sqrt(6.0 / 200));
  CHECK(net.layers()[1].weight.name == "output.weight");
}

TEST_CASE("mlp with a bad configuration fails its forward pass with a message") {
  Pcg32 rng(8);
  Tape tape;
  Var x = tape.constant(Tensor(Shape{1, 2}));
  Mlp too_short({2}, {}, rng);
  CHECK_FALSE(too_short.ok());
  CHECK_FALSE(too_short.forward(tape, x).ok());
  CHECK(tape.error() == "mlp: layer sizes {2} need at least an input and an output, each >= 1");
  Mlp mismatched({2, 3, 3, 1}, {Activation::Tanh, Activation::Relu, Activation::Relu}, rng);
  CHECK(mismatched.error() == "mlp: 3 activations for 2 hidden layers in {2, 3, 3, 1}");
  Mlp no_hidden({2, 1}, {}, rng);  // a plain linear model is fine
  CHECK(no_hidden.ok());
  tape.clear();
  CHECK(no_hidden.forward(tape, tape.constant(Tensor(Shape{3, 2}))).shape() == Shape{3, 1});
  CHECK(no_hidden.hidden_outputs().empty());
}

TEST_CASE("mlp drops each layer's input units as its pass says, in both scalings") {
  Pcg32 init(9);
  Mlp net({6, 5, 3}, {Activation::Relu}, init);
  Pcg32 data(10);
  Tensor x(Shape{4, 6});
  for (int i = 0; i < x.size(); ++i) x[i] = data.uniform() * 2 - 1;
  auto run = [&](const Tensor& input, const MlpPass& pass) {
    Tape tape;
    return net.forward(tape, tape.constant(input.clone()), pass).value().clone();
  };
  auto scaled = [](const Tensor& t, const Tensor& by, float factor) {
    Tensor out = t.clone();
    for (int i = 0; i < out.size(); ++i) out[i] *= (by.size() ? by[i] : 1.0f) * factor;
    return out;
  };
  const Tensor plain = run(x, {});
  MlpPass pass;
  pass.drop = {0.5f};  // the inputs only; the hidden layer's entry is missing, so 0

  SUBCASE("without an rng, inverted dropout is the identity and weight scaling multiplies by q") {
    CHECK(run(x, pass).to_vector() == plain.to_vector());
    pass.scaling = DropoutScaling::WeightScaling;
    CHECK(run(x, pass).to_vector() == run(scaled(x, Tensor(), 0.5f), {}).to_vector());
  }
  SUBCASE("with an rng, a drawn mask thins the inputs: / q when inverted, as is when weight-scaled") {
    for (DropoutScaling scaling : {DropoutScaling::Inverted, DropoutScaling::WeightScaling}) {
      CAPTURE(static_cast<int>(scaling));
      Pcg32 masks_rng(11);
      std::vector<Tensor> masks;
      pass.scaling = scaling;
      pass.rng = &masks_rng;
      pass.masks = &masks;
      const Tensor thinned = run(x, pass);
      REQUIRE(masks.size() == 2);
      CHECK(masks[1].size() == 0);  // p = 0: no mask drawn
      double kept = 0;
      for (int i = 0; i < masks[0].size(); ++i) kept += masks[0][i];
      CHECK(kept > 0);
      CHECK(kept < masks[0].size());
      const float factor = scaling == DropoutScaling::Inverted ? 2.0f : 1.0f;
      CHECK(thinned.to_vector() == run(scaled(x, masks[0], factor), {}).to_vector());
    }
  }
}
