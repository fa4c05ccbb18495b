#include "engine/layers/mlp.h"

#include <algorithm>

namespace {

bool relu_family(Activation a) { return a == Activation::Relu || a == Activation::LeakyRelu || a == Activation::Gelu; }

std::string sizes_str(const std::vector<int>& sizes) {
  std::string out = "{";
  for (size_t i = 0; i < sizes.size(); ++i) out += (i ? ", " : "") + std::to_string(sizes[i]);
  return out + "}";
}

}  // namespace

Mlp::Mlp(const std::vector<int>& sizes, const std::vector<Activation>& hidden_activations, Pcg32& rng)
    : sizes_(sizes) {
  const int hidden_count = static_cast<int>(sizes.size()) - 2;
  if (sizes.size() < 2 || std::any_of(sizes.begin(), sizes.end(), [](int s) { return s < 1; })) {
    error_ = "mlp: layer sizes " + sizes_str(sizes) + " need at least an input and an output, each >= 1";
    return;
  }
  if (hidden_activations.size() == 1)
    activations_.assign(static_cast<size_t>(hidden_count), hidden_activations[0]);
  else
    activations_ = hidden_activations;
  if (static_cast<int>(activations_.size()) != hidden_count) {
    error_ = "mlp: " + std::to_string(hidden_activations.size()) + " activations for " +
             std::to_string(hidden_count) + " hidden layers in " + sizes_str(sizes);
    activations_.clear();
    return;
  }
  layers_.reserve(sizes.size() - 1);
  for (size_t i = 0; i + 1 < sizes.size(); ++i) {
    bool hidden = static_cast<int>(i) < hidden_count;
    Init init = hidden && relu_family(activations_[i]) ? Init::He : Init::Glorot;
    layers_.emplace_back(sizes[i], sizes[i + 1], rng, init, "layer" + std::to_string(i));
  }
}

Var Mlp::forward(Tape& tape, Var x) {
  hidden_outputs_.clear();
  if (!error_.empty()) return tape.fail(error_);
  Var h = x;
  for (size_t i = 0; i < layers_.size(); ++i) {
    h = layers_[i].forward(tape, h);
    if (i < activations_.size()) {
      h = ops::activate(h, activations_[i]);
      hidden_outputs_.push_back(h);
    }
  }
  return h;
}

std::vector<Parameter*> Mlp::parameters() {
  std::vector<Parameter*> all;
  for (Linear& layer : layers_)
    for (Parameter* p : layer.parameters()) all.push_back(p);
  return all;
}
