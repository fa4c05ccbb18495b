// A tiny synthetic image asset for the scene parsers: ten classes, three
// blank pictures per class in the training split and two in the test split
// (item i is of class i % 10), so no target needs the build's data file.
#pragma once

#include <cstdlib>
#include <string>

#include "demos/captioning/scene.h"
#include "engine/data/image_asset.h"

inline ImageSet blank_set(int per_class) {
  ImageSet set;
  set.count = per_class * kClassCount;
  set.rows = set.cols = kItemSize;
  set.pixels.assign(static_cast<size_t>(set.count) * kItemSize * kItemSize, 200);
  for (int i = 0; i < set.count; ++i) set.labels.push_back(static_cast<uint8_t>(i % kClassCount));
  return set;
}

inline const SceneItems& synthetic_items() {
  static const SceneItems items = [] {
    ImageAsset asset;
    for (int c = 0; c < kClassCount; ++c) asset.class_names.push_back("class" + std::to_string(c));
    asset.train = blank_set(3);
    asset.test = blank_set(2);
    SceneItems loaded;
    if (!loaded.load(asset).empty()) std::abort();
    return loaded;
  }();
  return items;
}
