#include "demos/perceptron/xor_learner.h"

#include "demos/perceptron/logic_gates.h"
#include "engine/ops/losses.h"

namespace {

// The four rows as a batch: inputs [4, 2], targets [4, 1].
Tensor xor_inputs() {
  std::vector<float> values;
  for (const auto& row : kTruthRows) {
    values.push_back(static_cast<float>(row[0]));
    values.push_back(static_cast<float>(row[1]));
  }
  return Tensor::from({4, 2}, values);
}

Tensor xor_targets() {
  std::vector<float> values;
  for (const auto& row : kTruthRows) values.push_back(static_cast<float>(gate_truth(Gate::Xor, row[0], row[1])));
  return Tensor::from({4, 1}, values);
}

// Judged over this many steps: a loss that fell by less than kPlateauDrop
// while a row is still wrong is a local minimum, not a slow start.
constexpr long kPlateauWindow = 200;
constexpr float kPlateauDrop = 0.01f;

}  // namespace

XorLearner::XorLearner() { reset(1, Activation::Tanh, 0.05f); }
XorLearner::~XorLearner() = default;

void XorLearner::reset(uint64_t seed, Activation hidden, float rate) {
  activation_ = hidden;
  Pcg32 rng(seed);
  adam_.reset();
  net_ = std::make_unique<Mlp>(std::vector<int>{2, 2, 1}, std::vector<Activation>{hidden}, rng);
  adam_ = std::make_unique<Adam>(net_->parameters(), rate);
  steps_ = 0;
  loss_ = evaluate_loss();
  checkpoint_loss_ = loss_;
  plateaued_ = false;
}

void XorLearner::set_rate(float rate) { adam_->learning_rate = rate; }

void XorLearner::train_step() {
  tape_.clear();
  Var logits = net_->forward(tape_, tape_.constant(xor_inputs()));
  Var loss = ops::binary_cross_entropy_with_logits(logits, tape_.constant(xor_targets()));
  adam_->zero_grad();
  if (!tape_.backward(loss)) return;
  adam_->step();
  ++steps_;
  loss_ = evaluate_loss();
  if (steps_ % kPlateauWindow == 0) {
    plateaued_ = rows_correct() < 4 && checkpoint_loss_ - loss_ < kPlateauDrop;
    checkpoint_loss_ = loss_;
  }
}

float XorLearner::evaluate_loss() {
  tape_.clear();
  NoGradScope no_grad(tape_);
  Var logits = net_->forward(tape_, tape_.constant(xor_inputs()));
  Var loss = ops::binary_cross_entropy_with_logits(logits, tape_.constant(xor_targets()));
  float value = loss.ok() ? loss.value().item() : 0.0f;
  tape_.clear();
  return value;
}

int XorLearner::rows_correct() const {
  int correct = 0;
  for (const auto& row : kTruthRows) {
    int output = logit(static_cast<float>(row[0]), static_cast<float>(row[1])) > 0 ? 1 : 0;
    correct += output == gate_truth(Gate::Xor, row[0], row[1]);
  }
  return correct;
}

// Linear stores W as [in, out], row-major.
float XorLearner::hidden_weight(int input, int unit) const { return net_->layers()[0].weight.value[input * 2 + unit]; }
float XorLearner::hidden_bias(int unit) const { return net_->layers()[0].bias.value[unit]; }
float XorLearner::output_weight(int unit) const { return net_->layers()[1].weight.value[unit]; }
float XorLearner::output_bias() const { return net_->layers()[1].bias.value[0]; }

float XorLearner::hidden_value(int unit, float x1, float x2) const {
  float z = hidden_bias(unit) + hidden_weight(0, unit) * x1 + hidden_weight(1, unit) * x2;
  return activation_value(activation_, z);
}

float XorLearner::logit(float x1, float x2) const {
  return output_bias() + output_weight(0) * hidden_value(0, x1, x2) + output_weight(1) * hidden_value(1, x1, x2);
}
