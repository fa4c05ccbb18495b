// The captioning world: a 64x64 RGB canvas (black background) holding 1-4
// Fashion-MNIST items (28x28, not rescaled), each tinted in one of 6 colours
// and placed so that no two boxes overlap. A scene is a plain list of objects
// and follows from a seed alone (PCG32), natively and in WebAssembly.
//
// Splits (docs/captioning.md): training scenes draw items from the asset's
// training images, test and held-out scenes from its test images. Ten
// colour-class pairs (one colour per class, e.g. green sneakers) never appear
// in training or test scenes; every held-out scene has at least one of them,
// to test compositional generalisation (as ShapeWorld does, Kuhnle & Copestake 2017).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/image_asset.h"
#include "engine/tensor.h"

constexpr int kSceneSize = 64;  // canvas side, pixels
constexpr int kItemSize = 28;   // a Fashion-MNIST item's side, pixels
constexpr int kMaxObjects = 4;
constexpr int kClassCount = 10;  // Fashion-MNIST's label order
constexpr int kColourCount = 6;

enum class SceneSplit { train, test, heldout };

struct Box {
  int x = 0, y = 0, size = kItemSize;  // top-left corner and side, pixels
  int right() const { return x + size; }
  int bottom() const { return y + size; }
};

struct SceneObject {
  int item_class = 0;  // 0-9, Fashion-MNIST's labels
  int colour = 0;      // 0-5, see colour_name
  int item = 0;        // index into the split's images (training or test)
  Box box;
};

struct Scene {
  SceneSplit split = SceneSplit::train;
  std::vector<SceneObject> objects;
};

const char* colour_name(int colour);             // "red", "green", "blue", "yellow", "purple", "white"
void colour_rgb(int colour, float rgb[3]);       // the tint, each channel in [0, 1]
int heldout_colour(int item_class);              // the one colour never seen with this class in training
bool is_heldout_pair(int item_class, int colour);
bool boxes_overlap(const Box& a, const Box& b);

// The asset's items sorted by split and class, checked once.
class SceneItems {
 public:
  // An error ("scene items: ...") if the asset lacks 10 classes, 28x28 images, or any class in a split.
  std::string load(const ImageAsset& asset);
  // The same from an image-asset file's bytes (the build's data/fashion-mnist.bin),
  // or from the file itself (the native tools and tests): "" or the parser's or load()'s error.
  std::string load_bytes(const std::vector<uint8_t>& bytes);
  std::string load_file(const std::string& path);
  const ImageSet& images(SceneSplit split) const { return split == SceneSplit::train ? train_ : test_; }
  const std::vector<int>& items_of(SceneSplit split, int item_class) const;

 private:
  ImageSet train_, test_;
  std::vector<int> by_class_[2][kClassCount];  // [0] training, [1] test
};

Scene generate_scene(const SceneItems& items, SceneSplit split, uint64_t seed);
// The canvas [1, 3, kSceneSize, kSceneSize], values in [0, 1]: each item's
// intensity times its tint; where edited boxes overlap, the brighter wins.
Tensor render_scene(const SceneItems& items, const Scene& scene);
