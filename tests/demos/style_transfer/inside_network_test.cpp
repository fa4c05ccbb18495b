// tests/demos/style_transfer/inside_network_test.cpp: feature maps and Gram matrices for the UI.
#include "demos/style_transfer/inside_network.h"

#include <doctest/doctest.h>

#include "engine/random.h"
#include "tests/engine/gradcheck.h"

TEST_CASE("the Gram of 2 hand-written 2x2 maps is their inner products / (C H W)") {
  FeatureMaps maps{2, 2, 2, {1, 2, 3, 4, 0, 1, 0, -1}};
  GramValues g = gram_of(maps);
  CHECK(g.channels == 2);
  // <c0,c0> = 30, <c0,c1> = 2 - 4 = -2, <c1,c1> = 2, over C*H*W = 8.
  CHECK(g.values == std::vector<float>{30.0f / 8, -2.0f / 8, -2.0f / 8, 2.0f / 8});
}

TEST_CASE("shuffling pixel positions leaves the Gram matrix exactly unchanged, for many random permutations") {
  // Values k / 4 with small integers k: every product and partial sum is exact in float, so any
  // summation order gives the same bits and the check can be exact equality.
  Pcg32 rng(3);
  FeatureMaps maps{5, 7, 9, {}};
  for (int i = 0; i < 5 * 63; ++i) maps.values.push_back(static_cast<float>(static_cast<int>(rng.below(17)) - 8) / 4);
  const GramValues original = gram_of(maps);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    FeatureMaps shuffled = shuffled_positions(maps, seed);
    CHECK(shuffled.values != maps.values);  // the layout did change
    CHECK(gram_of(shuffled).values == original.values);
  }
}

TEST_CASE("a real layer's Gram matrix survives shuffling up to float rounding, the feature maps do not") {
  LossNetwork network = LossNetwork::random_normalised(1);
  std::string error;
  FeatureMaps maps = layer_feature_maps(network, random_tensor({1, 3, 32, 32}, 4, 0.0f, 1.0f), "relu2_1", &error);
  REQUIRE(error.empty());
  CHECK(maps.channels == 32);
  CHECK(maps.height == 16);
  const GramValues g = gram_of(maps), shuffled = gram_of(shuffled_positions(maps, 9));
  for (size_t i = 0; i < g.values.size(); ++i) CHECK(shuffled.values[i] == doctest::Approx(g.values[i]).epsilon(1e-5));
  FeatureMaps bad = layer_feature_maps(network, random_tensor({1, 3, 32, 32}, 4), "pool3", &error);
  CHECK(bad.values.empty());
  CHECK(error == "loss network: unknown layer 'pool3' (use relu1_1 ... relu4_2)");
}
