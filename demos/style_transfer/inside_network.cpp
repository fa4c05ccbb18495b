#include "demos/style_transfer/inside_network.h"

#include <numeric>

#include "engine/ops/gram.h"
#include "engine/random.h"

FeatureMaps layer_feature_maps(LossNetwork& network, const Tensor& image, const std::string& layer,
                               std::string* error) {
  Tape tape;
  NoGradScope no_grad(tape);
  std::vector<Var> f = network.features(tape, tape.constant(image), {layer});
  if (tape.failed()) {
    *error = tape.error();
    return {};
  }
  const Tensor& v = f[0].value();
  return {v.dim(1), v.dim(2), v.dim(3), v.to_vector()};
}

GramValues gram_of(const FeatureMaps& maps) {
  if (maps.values.empty()) return {};
  Tape tape;
  NoGradScope no_grad(tape);
  Var g = ops::gram_matrix(tape.constant(Tensor::from({1, maps.channels, maps.height, maps.width}, maps.values)));
  return {maps.channels, g.value().to_vector()};
}

FeatureMaps shuffled_positions(const FeatureMaps& maps, uint64_t seed) {
  const int positions = maps.height * maps.width;
  std::vector<int> order(static_cast<size_t>(positions));
  std::iota(order.begin(), order.end(), 0);
  Pcg32 rng(seed, 0x5b);
  for (int i = positions - 1; i > 0; --i) std::swap(order[i], order[rng.below(static_cast<uint32_t>(i + 1))]);  // Fisher-Yates
  FeatureMaps out = maps;
  for (int c = 0; c < maps.channels; ++c)
    for (int p = 0; p < positions; ++p) out.values[c * positions + p] = maps.values[c * positions + order[p]];
  return out;
}
