// tests/engine/layers/dense_stack_test.cpp: the fused dense stack against the
// taped ops it replaces, bit for bit, over activations, dropout, depths,
// batch sizes, losses and seeds, for several optimizer steps.
#include "engine/layers/dense_stack.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "engine/autodiff.h"
#include "engine/ops/dropout.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/losses.h"
#include "engine/optim/adam.h"
#include "tests/engine/gradcheck.h"

namespace {

struct Network {
  std::vector<Linear> layers;
  std::vector<Activation> activations;
  Network(const std::vector<int>& sizes, Activation activation, uint64_t seed) {
    Pcg32 rng(seed);
    layers.reserve(sizes.size() - 1);
    for (size_t i = 0; i + 1 < sizes.size(); ++i)
      layers.emplace_back(sizes[i], sizes[i + 1], rng, Init::Glorot, "layer" + std::to_string(i));
    activations.assign(sizes.size() - 2, activation);
  }
  std::vector<Parameter*> parameters() {
    std::vector<Parameter*> all;
    for (Linear& layer : layers)
      for (Parameter* p : layer.parameters()) all.push_back(p);
    return all;
  }
};

bool same_bits(const Tensor& a, const Tensor& b) {
  return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<size_t>(a.size())) == 0;
}

// The loss both paths share: binary cross-entropy for one output, cross-entropy
// over classes otherwise, plus an L2 penalty on the weights.
Var loss_of(Tape& tape, Var logits, const std::vector<int>& labels, std::vector<Linear>& layers) {
  Var loss;
  if (logits.shape()[1] == 1) {
    Tensor targets(Shape{static_cast<int>(labels.size()), 1});
    for (size_t i = 0; i < labels.size(); ++i) targets[static_cast<int>(i)] = static_cast<float>(labels[i] % 2);
    loss = ops::binary_cross_entropy_with_logits(logits, tape.constant(targets));
  } else {
    loss = ops::cross_entropy(logits, labels);
  }
  std::vector<Var> weights;
  for (Linear& layer : layers) weights.push_back(tape.param(layer.weight));
  return ops::add(loss, ops::scale(ops::l2_penalty(weights), 1e-3f));
}

struct Case {
  std::vector<int> sizes;
  Activation activation;
  float drop;
  int batch;
};

// Trains two copies of one network for a few Adam steps, one through the
// tape, one through the stack, and requires the same bits at every step.
void check_case(const Case& c, uint64_t seed) {
  Network taped(c.sizes, c.activation, seed), fused(c.sizes, c.activation, seed);
  Adam taped_adam(taped.parameters(), 0.05f), fused_adam(fused.parameters(), 0.05f);
  DenseStack stack(&fused.layers, fused.activations);
  std::vector<float> drop(c.sizes.size() - 2, c.drop);
  Tape tape(seed + 3), loss_tape(seed + 3);  // the stack draws its masks from loss_tape.rng
  const int classes = c.sizes.back() == 1 ? 2 : c.sizes.back();
  for (int step = 0; step < 4; ++step) {
    CAPTURE(step);
    Tensor x = random_tensor({c.batch, c.sizes.front()}, seed * 31 + static_cast<uint64_t>(step));
    std::vector<int> labels;
    for (int i = 0; i < c.batch; ++i) labels.push_back((i * 7 + step) % classes);

    tape.clear();
    Var h = tape.constant(x);
    std::vector<Tensor> taped_masks;
    for (size_t l = 0; l + 1 < taped.layers.size(); ++l) {
      ops::Dropout dropped = ops::dropout(ops::activate(taped.layers[l].forward(tape, h), c.activation), c.drop);
      h = dropped.output;
      taped_masks.push_back(dropped.mask);
    }
    Var taped_logits = taped.layers.back().forward(tape, h);
    Var taped_loss = loss_of(tape, taped_logits, labels, taped.layers);
    taped_adam.zero_grad();
    REQUIRE(tape.backward(taped_loss));

    const Tensor& logits = stack.forward(x, drop, &loss_tape.rng);
    loss_tape.clear();
    Var z = loss_tape.variable(logits);
    Var fused_loss = loss_of(loss_tape, z, labels, fused.layers);
    fused_adam.zero_grad();
    REQUIRE(loss_tape.backward(fused_loss));
    stack.backward(loss_tape.grad(z));

    REQUIRE(same_bits(taped_logits.value(), logits));
    CHECK(same_bits(taped_loss.value(), fused_loss.value()));
    for (size_t l = 0; l < taped_masks.size(); ++l) CHECK(same_bits(taped_masks[l], stack.mask(static_cast<int>(l))));
    std::vector<Parameter*> a = taped.parameters(), b = fused.parameters();
    for (size_t p = 0; p < a.size(); ++p) {
      CAPTURE(a[p]->name);
      REQUIRE(same_bits(a[p]->grad, b[p]->grad));
    }
    taped_adam.step();
    fused_adam.step();
  }
}

}  // namespace

TEST_CASE("the dense stack trains bit for bit as the taped ops do") {
  const Activation activations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                    Activation::LeakyRelu, Activation::Gelu, Activation::Linear};
  const std::vector<std::vector<int>> shapes = {{2, 8, 8, 1}, {3, 5, 4}, {2, 8, 8, 8, 8, 8, 8, 1}, {4, 1}};
  for (Activation activation : activations)
    for (const std::vector<int>& sizes : shapes)
      for (float drop : {0.0f, 0.3f})
        for (int batch : {1, 10, 37})
          for (uint64_t seed = 1; seed <= 3; ++seed) {
            CAPTURE(static_cast<int>(activation));
            CAPTURE(sizes.size());
            CAPTURE(drop);
            CAPTURE(batch);
            CAPTURE(seed);
            check_case(Case{sizes, activation, drop, batch}, seed);
          }
}

TEST_CASE("the dense stack's evaluation pass is the taped evaluation pass, hidden values and all") {
  Network taped({2, 6, 5, 3}, Activation::Tanh, 9), fused({2, 6, 5, 3}, Activation::Tanh, 9);
  DenseStack stack(&fused.layers, fused.activations);
  Tensor x = random_tensor({50, 2}, 4);
  Tape tape;
  tape.training = false;
  NoGradScope no_grad(tape);
  Var h = tape.constant(x);
  std::vector<Var> hidden;
  for (size_t l = 0; l + 1 < taped.layers.size(); ++l) {
    h = ops::dropout(ops::tanh(taped.layers[l].forward(tape, h)), 0.5f).output;  // identity when evaluating
    hidden.push_back(h);
  }
  Var logits = taped.layers.back().forward(tape, h);
  CHECK(same_bits(logits.value(), stack.forward(x, {0.5f, 0.5f}, nullptr)));
  for (int l = 0; l < 2; ++l) {
    CHECK(same_bits(hidden[static_cast<size_t>(l)].value(), stack.hidden(l)));
    CHECK(same_bits(stack.mask(l), Tensor(Shape{50, l == 0 ? 6 : 5}, 1.0f)));
  }
}
