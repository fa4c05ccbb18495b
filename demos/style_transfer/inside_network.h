// What the "Inside the network" view shows, as plain float arrays: a layer's
// feature maps for an image and their Gram matrix (Gatys et al. 2016: the
// Gram matrix keeps which features fire together and drops where).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"

struct FeatureMaps {
  int channels = 0, height = 0, width = 0;
  std::vector<float> values;  // [channels, height, width]; empty on error
};

struct GramValues {
  int channels = 0;
  std::vector<float> values;  // [channels, channels], ops::gram_matrix's normalisation (/ C H W)
};

// `image` [1, 3, H, W] in [0, 1]; an unknown layer or bad image gives empty values and *error.
FeatureMaps layer_feature_maps(LossNetwork& network, const Tensor& image, const std::string& layer,
                               std::string* error);
GramValues gram_of(const FeatureMaps& maps);

// The same feature maps with their pixel positions permuted by one seeded
// random permutation (the same for every channel): the demonstration that
// the Gram matrix does not change.
FeatureMaps shuffled_positions(const FeatureMaps& maps, uint64_t seed);
