#include "demos/dropout/dropout_network.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/ops/activations.h"
#include "engine/ops/dropout.h"
#include "engine/ops/elementwise.h"

Tensor draw_keep_mask(const Shape& shape, float keep_probability, Pcg32& rng) {
  Tensor mask(shape);
  ops::draw_keep_mask_values(mask.size(), keep_probability, rng, mask.data());
  return mask;
}

NetworkConfig without_dropout(NetworkConfig config) {
  std::fill(config.drop.begin(), config.drop.end(), 0.0f);
  return config;
}

DropoutNetwork::DropoutNetwork(const NetworkConfig& config, uint64_t init_seed) : config_(config) {
  config_.drop.resize(config_.hidden.size() + 1, 0.0f);
  for (float& p : config_.drop) p = std::clamp(p, 0.0f, 0.95f);  // p = 1 would drop every unit
  Pcg32 rng(init_seed);
  layers_.reserve(config_.hidden.size() + 1);
  int width = config_.inputs;
  for (size_t l = 0; l < config_.hidden.size(); ++l) {
    layers_.emplace_back(width, config_.hidden[l], rng, Init::He, "hidden" + std::to_string(l + 1));
    width = config_.hidden[l];
  }
  layers_.emplace_back(width, config_.classes, rng, Init::He, "output");
}

bool DropoutNetwork::uses_dropout() const {
  return std::any_of(config_.drop.begin(), config_.drop.end(), [](float p) { return p > 0; });
}

std::vector<Parameter*> DropoutNetwork::parameters() {
  std::vector<Parameter*> all;
  for (Linear& layer : layers_)
    for (Parameter* p : layer.parameters()) all.push_back(p);
  return all;
}

bool DropoutNetwork::finite() const {
  for (const Linear& layer : layers_)
    for (const Parameter* p : {&layer.weight, &layer.bias})
      for (int i = 0; i < p->value.size(); ++i)
        if (!std::isfinite(p->value[i])) return false;
  return true;
}

// Per layer l: a = h * z^l (training; / q with inverted dropout) or q h
// (deterministic weight scaling: (q h) W = h (q W)); then h = relu(a W + b),
// or the logits for the last layer.
Var DropoutNetwork::forward(Tape& tape, Var x, Pass pass, Pcg32& rng, PassDetails* details) {
  Var h = x;
  for (size_t l = 0; l < layers_.size(); ++l) {
    float drop = config_.drop[l], keep = 1.0f - drop;
    Tensor mask;
    if (drop > 0 && h.ok()) {
      if (pass == Pass::Deterministic) {
        if (config_.scaling == DropoutScaling::WeightScaling) h = ops::scale(h, keep);
      } else if (config_.scaling == DropoutScaling::Inverted) {
        ops::Dropout dropped = ops::dropout_sample(h, drop, rng);
        h = dropped.output;
        mask = std::move(dropped.mask);
      } else {
        mask = draw_keep_mask(h.shape(), keep, rng);
        h = ops::mul(h, tape.constant(mask.clone()));
      }
    }
    if (details) details->masks.push_back(std::move(mask));
    Var z = layers_[l].forward(tape, h);
    if (l + 1 == layers_.size()) return z;
    h = ops::relu(z);
    if (details) details->hidden.push_back(h);
  }
  return h;  // not reached: there is always an output layer
}
