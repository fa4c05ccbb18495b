#include "engine/layers/mlp.h"

#include <algorithm>

#include "engine/ops/dropout.h"
#include "engine/ops/elementwise.h"

namespace {

std::string sizes_str(const std::vector<int>& sizes) {
  std::string out = "{";
  for (size_t i = 0; i < sizes.size(); ++i) out += (i ? ", " : "") + std::to_string(sizes[i]);
  return out + "}";
}

}  // namespace

Init init_for(Activation next) {
  const bool relu_family = next == Activation::Relu || next == Activation::LeakyRelu || next == Activation::Gelu;
  return relu_family ? Init::He : Init::Glorot;
}

Mlp::Mlp(const std::vector<int>& sizes, const std::vector<Activation>& hidden_activations, Pcg32& rng,
         Init output_init)
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
    const bool hidden = static_cast<int>(i) < hidden_count;
    layers_.emplace_back(sizes[i], sizes[i + 1], rng, hidden ? init_for(activations_[i]) : output_init,
                         hidden ? "hidden" + std::to_string(i + 1) : std::string("output"));
  }
}

Var Mlp::forward(Tape& tape, Var x, const MlpPass& pass) {
  hidden_outputs_.clear();
  if (pass.masks) pass.masks->clear();
  if (!error_.empty()) return tape.fail(error_);
  Var h = x;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const float drop = i < pass.drop.size() ? pass.drop[i] : 0.0f;
    Tensor mask;
    if (drop > 0 && h.ok()) {
      if (!pass.rng) {
        if (pass.scaling == DropoutScaling::WeightScaling) h = ops::scale(h, 1.0f - drop);
      } else if (pass.scaling == DropoutScaling::Inverted) {
        ops::Dropout dropped = ops::dropout_sample(h, drop, *pass.rng);
        h = dropped.output;
        mask = std::move(dropped.mask);
      } else {
        mask = Tensor(h.shape());
        ops::draw_keep_mask_values(mask.size(), 1.0f - drop, *pass.rng, mask.data());
        h = ops::mul(h, tape.constant(mask.clone()));
      }
    }
    if (pass.masks) pass.masks->push_back(std::move(mask));
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
