// A small synthetic stand-in for the Fashion-MNIST asset, so tests exercise
// the image path (parsing, scaling, 784 inputs) without the downloaded file:
// each class is a bright bar at its own position and angle, with noise.
#pragma once

#include <algorithm>
#include <string>

#include "engine/data/image_asset.h"
#include "engine/random.h"

inline ImageSet synthetic_image_set(int count, int classes, Pcg32& rng) {
  ImageSet set;
  set.count = count;
  set.rows = set.cols = 28;
  set.pixels.resize(static_cast<size_t>(count) * 28 * 28);
  for (int n = 0; n < count; ++n) {
    int label = n % classes;
    set.labels.push_back(static_cast<uint8_t>(label));
    int offset = 4 + 2 * label + static_cast<int>(rng.below(3));  // where the class's bar lies, +-1 pixel
    for (int r = 0; r < 28; ++r)
      for (int c = 0; c < 28; ++c) {
        bool on_bar = label % 2 == 0 ? (c >= offset && c < offset + 3) : (r >= offset && r < offset + 3);
        float v = (on_bar ? 180.0f : 20.0f) + rng.uniform(-60.0f, 60.0f);
        set.pixels[static_cast<size_t>(n) * 784 + static_cast<size_t>(r * 28 + c)] =
            static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f));
      }
  }
  return set;
}

inline ImageAsset synthetic_image_asset(int train, int test, int classes = 10, uint64_t seed = 1) {
  Pcg32 rng(seed);
  ImageAsset asset;
  for (int k = 0; k < classes; ++k) asset.class_names.push_back("bar " + std::to_string(k));
  asset.train = synthetic_image_set(train, classes, rng);
  asset.test = synthetic_image_set(test, classes, rng);
  return asset;
}
