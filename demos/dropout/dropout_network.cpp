#include "demos/dropout/dropout_network.h"

#include <algorithm>
#include <cmath>
#include <string>

NetworkConfig without_dropout(NetworkConfig config) {
  std::fill(config.drop.begin(), config.drop.end(), 0.0f);
  return config;
}

namespace {

NetworkConfig clamped(NetworkConfig config) {
  config.drop.resize(config.hidden.size() + 1, 0.0f);
  for (float& p : config.drop) p = std::clamp(p, 0.0f, 0.95f);  // p = 1 would drop every unit
  return config;
}

// ReLU hidden layers; He normal for every layer, the output layer too (He et al. 2015).
Mlp relu_network(const NetworkConfig& config, uint64_t init_seed) {
  std::vector<int> sizes{config.inputs};
  sizes.insert(sizes.end(), config.hidden.begin(), config.hidden.end());
  sizes.push_back(config.classes);
  Pcg32 rng(init_seed);
  return Mlp(sizes, {Activation::Relu}, rng, Init::He);
}

}  // namespace

DropoutNetwork::DropoutNetwork(const NetworkConfig& config, uint64_t init_seed)
    : config_(clamped(config)), mlp_(relu_network(config_, init_seed)) {}

bool DropoutNetwork::uses_dropout() const {
  return std::any_of(config_.drop.begin(), config_.drop.end(), [](float p) { return p > 0; });
}

std::vector<Parameter*> DropoutNetwork::parameters() { return mlp_.parameters(); }

bool DropoutNetwork::finite() const {
  for (const Linear& layer : mlp_.layers())
    for (const Parameter* p : {&layer.weight, &layer.bias})
      for (int i = 0; i < p->value.size(); ++i)
        if (!std::isfinite(p->value[i])) return false;
  return true;
}

Var DropoutNetwork::forward(Tape& tape, Var x, Pass pass, Pcg32& rng, PassDetails* details) {
  MlpPass dropping;
  dropping.drop = config_.drop;
  dropping.scaling = config_.scaling;
  dropping.rng = pass == Pass::Deterministic ? nullptr : &rng;
  dropping.masks = details ? &details->masks : nullptr;
  Var logits = mlp_.forward(tape, x, dropping);
  if (details) details->hidden = mlp_.hidden_outputs();
  return logits;
}
