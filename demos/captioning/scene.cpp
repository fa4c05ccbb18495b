#include "demos/captioning/scene.h"

#include <algorithm>

#include "engine/io/bytes.h"
#include "engine/random.h"

namespace {

const char* const kColourNames[kColourCount] = {"red", "green", "blue", "yellow", "purple", "white"};
const float kColourRgb[kColourCount][3] = {{1.0f, 0.15f, 0.15f}, {0.15f, 0.9f, 0.2f}, {0.2f, 0.35f, 1.0f},
                                           {1.0f, 0.9f, 0.1f},   {0.7f, 0.2f, 0.9f},  {1.0f, 1.0f, 1.0f}};
constexpr int kPlacementTries = 100, kSceneRestarts = 1000;

int split_slot(SceneSplit split) { return split == SceneSplit::train ? 0 : 1; }

// Positions for `count` boxes without overlap, by rejection; restarts when a box finds no room.
std::vector<Box> place_boxes(int count, Pcg32& rng) {
  const uint32_t positions = static_cast<uint32_t>(kSceneSize - kItemSize + 1);
  for (int restart = 0; restart < kSceneRestarts; ++restart) {
    std::vector<Box> boxes;
    for (int tries = 0; tries < kPlacementTries && static_cast<int>(boxes.size()) < count; ++tries) {
      Box b;
      b.x = static_cast<int>(rng.below(positions));
      b.y = static_cast<int>(rng.below(positions));
      if (std::none_of(boxes.begin(), boxes.end(), [&](const Box& o) { return boxes_overlap(b, o); })) boxes.push_back(b);
    }
    if (static_cast<int>(boxes.size()) == count) return boxes;
  }
  // Unreachable in practice (four boxes fit in a 2x2 grid); fall back to that grid.
  std::vector<Box> grid;
  for (int i = 0; i < count; ++i) grid.push_back(Box{(i % 2) * (kSceneSize - kItemSize), (i / 2) * (kSceneSize - kItemSize)});
  return grid;
}

}  // namespace

const char* colour_name(int colour) { return colour >= 0 && colour < kColourCount ? kColourNames[colour] : "?"; }

void colour_rgb(int colour, float rgb[3]) {
  for (int c = 0; c < 3; ++c) rgb[c] = colour >= 0 && colour < kColourCount ? kColourRgb[colour][c] : 0.5f;
}

// Class c is never green, ... as c mod 6 says: sneaker (7) -> green, bag (8) -> blue.
int heldout_colour(int item_class) { return item_class % kColourCount; }
bool is_heldout_pair(int item_class, int colour) { return heldout_colour(item_class) == colour; }

bool boxes_overlap(const Box& a, const Box& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

std::string SceneItems::load_bytes(const std::vector<uint8_t>& bytes) {
  const ImageAssetResult parsed = parse_image_asset(bytes.data(), bytes.size());
  return parsed.ok ? load(parsed.asset) : parsed.error;
}

std::string SceneItems::load_file(const std::string& path) {
  constexpr size_t kMaxAssetBytes = size_t{64} << 20;  // the shipped subset is 9 MB
  std::vector<uint8_t> bytes;
  std::string error;
  if (!read_whole_file(path, kMaxAssetBytes, bytes, error)) return error;
  return load_bytes(bytes);
}

std::string SceneItems::load(const ImageAsset& asset) {
  if (static_cast<int>(asset.class_names.size()) != kClassCount)
    return "scene items: the asset has " + std::to_string(asset.class_names.size()) + " classes, expected Fashion-MNIST's 10";
  if (asset.train.rows != kItemSize || asset.train.cols != kItemSize)
    return "scene items: the images are " + std::to_string(asset.train.rows) + "x" + std::to_string(asset.train.cols) +
           ", expected 28x28";
  for (int slot = 0; slot < 2; ++slot) {
    const ImageSet& set = slot == 0 ? asset.train : asset.test;
    for (auto& list : by_class_[slot]) list.clear();
    for (int i = 0; i < set.count; ++i) by_class_[slot][set.labels[static_cast<size_t>(i)] % kClassCount].push_back(i);
    for (int c = 0; c < kClassCount; ++c)
      if (by_class_[slot][c].empty())
        return std::string("scene items: the ") + (slot == 0 ? "training" : "test") + " images have no " +
               asset.class_names[static_cast<size_t>(c)];
  }
  train_ = asset.train;
  test_ = asset.test;
  return {};
}

const std::vector<int>& SceneItems::items_of(SceneSplit split, int item_class) const {
  return by_class_[split_slot(split)][std::clamp(item_class, 0, kClassCount - 1)];
}

Scene generate_scene(const SceneItems& items, SceneSplit split, uint64_t seed) {
  Pcg32 rng(seed, 0x5ce7e5ULL + static_cast<uint64_t>(split));  // each split its own stream
  Scene scene;
  scene.split = split;
  const int count = 1 + static_cast<int>(rng.below(kMaxObjects));
  std::vector<Box> boxes = place_boxes(count, rng);
  // The held-out split's first object (in drawing order) is a held-out pair; the rest are any pair.
  for (int i = 0; i < count; ++i) {
    SceneObject o;
    o.item_class = static_cast<int>(rng.below(kClassCount));
    if (split == SceneSplit::heldout && i == 0) {
      o.colour = heldout_colour(o.item_class);
    } else if (split == SceneSplit::heldout) {
      o.colour = static_cast<int>(rng.below(kColourCount));
    } else {
      // One of the five colours allowed for this class, uniformly.
      o.colour = static_cast<int>(rng.below(kColourCount - 1));
      if (o.colour >= heldout_colour(o.item_class)) ++o.colour;
    }
    const std::vector<int>& pool = items.items_of(split, o.item_class);
    o.item = pool.empty() ? 0 : pool[rng.below(static_cast<uint32_t>(pool.size()))];
    o.box = boxes[static_cast<size_t>(i)];
    scene.objects.push_back(o);
  }
  return scene;
}

Tensor render_scene(const SceneItems& items, const Scene& scene) {
  Tensor canvas(Shape{1, 3, kSceneSize, kSceneSize});
  const ImageSet& set = items.images(scene.split);
  const int plane = kSceneSize * kSceneSize;
  for (const SceneObject& o : scene.objects) {
    if (o.item < 0 || o.item >= set.count) continue;  // an item this split lacks: nothing to draw
    float rgb[3];
    colour_rgb(o.colour, rgb);
    const uint8_t* pixels = set.pixels.data() + static_cast<size_t>(o.item) * kItemSize * kItemSize;
    for (int r = 0; r < kItemSize; ++r)
      for (int c = 0; c < kItemSize; ++c) {
        const int y = o.box.y + r, x = o.box.x + c;
        if (y < 0 || y >= kSceneSize || x < 0 || x >= kSceneSize) continue;
        const float intensity = static_cast<float>(pixels[r * kItemSize + c]) / 255.0f;
        for (int ch = 0; ch < 3; ++ch) {
          float& out = canvas[ch * plane + y * kSceneSize + x];
          out = std::max(out, intensity * rgb[ch]);
        }
      }
  }
  return canvas;
}
