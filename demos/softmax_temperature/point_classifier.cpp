#include "demos/softmax_temperature/point_classifier.h"

#include <algorithm>
#include <cmath>

#include "engine/data/batches.h"

PointClassifier::PointClassifier(const std::vector<int>& hidden, int classes, float learning_rate, uint64_t seed)
    : init_rng_(seed) {
  std::vector<int> sizes = {2};
  sizes.insert(sizes.end(), hidden.begin(), hidden.end());
  sizes.push_back(classes);
  mlp_ = std::make_unique<Mlp>(sizes, std::vector<Activation>{Activation::Relu}, init_rng_);
  adam_ = std::make_unique<Adam>(mlp_->parameters(), learning_rate);
}

Tensor PointClassifier::logits(const Dataset2D& data) {
  tape_.clear();
  NoGradScope no_grad(tape_);
  Var out = mlp_->forward(tape_, tape_.constant(whole_dataset(data).x));
  return out.ok() ? out.value().clone() : Tensor();
}

bool PointClassifier::step(const Tensor& x, const Loss& loss) {
  if (!error_.empty()) return false;
  tape_.clear();
  adam_->zero_grad();
  Var value = loss(tape_, mlp_->forward(tape_, tape_.constant(x)));
  if (!value.ok() || !tape_.backward(value)) {
    error_ = tape_.error().empty() ? "the loss could not be computed" : tape_.error();
    return false;
  }
  last_loss_ = value.value().item();
  if (!std::isfinite(last_loss_)) {
    error_ = "the loss became NaN or infinite at step " + std::to_string(steps_ + 1) +
             ": the learning rate is too high for this network";
    return false;
  }
  adam_->step();
  ++steps_;
  return true;
}

double accuracy(const Tensor& logits, const std::vector<int>& labels) {
  if (logits.empty() || labels.empty()) return 0;
  int classes = logits.dim(1);
  long right = 0;
  for (size_t r = 0; r < labels.size(); ++r) {
    const float* row = logits.data() + r * static_cast<size_t>(classes);
    right += std::max_element(row, row + classes) - row == labels[r];
  }
  return static_cast<double>(right) / static_cast<double>(labels.size());
}
