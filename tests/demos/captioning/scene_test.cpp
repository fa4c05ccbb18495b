// tests/demos/captioning/scene_test.cpp: the scene world's determinism,
// placement, splits and rendering, on a small synthetic asset whose pixel
// values tell the splits and items apart (and once on the real Fashion-MNIST subset).
#include "demos/captioning/scene.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

namespace {

constexpr int kItemsPerClass = 3;

// Every pixel of training item i of class c is 1 + 10c + i; of a test item, 128 + 10c + i.
ImageAsset synthetic_asset() {
  ImageAsset asset;
  for (int c = 0; c < kClassCount; ++c) asset.class_names.push_back("class" + std::to_string(c));
  for (ImageSet* set : {&asset.train, &asset.test}) {
    set->rows = set->cols = kItemSize;
    const int base = set == &asset.train ? 1 : 128;
    for (int c = 0; c < kClassCount; ++c)
      for (int i = 0; i < kItemsPerClass; ++i) {
        set->pixels.insert(set->pixels.end(), kItemSize * kItemSize, static_cast<uint8_t>(base + 10 * c + i));
        set->labels.push_back(static_cast<uint8_t>(c));
        ++set->count;
      }
  }
  return asset;
}

const SceneItems& synthetic_items() {
  static SceneItems items;
  static bool loaded = items.load(synthetic_asset()).empty();
  REQUIRE(loaded);
  return items;
}

bool same_scene(const Scene& a, const Scene& b) {
  if (a.objects.size() != b.objects.size()) return false;
  for (size_t i = 0; i < a.objects.size(); ++i) {
    const SceneObject &p = a.objects[i], &q = b.objects[i];
    if (p.item_class != q.item_class || p.colour != q.colour || p.item != q.item || p.box.x != q.box.x ||
        p.box.y != q.box.y)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("a scene follows from its seed alone") {
  const SceneItems& items = synthetic_items();
  int differing = 0;
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    CHECK(same_scene(generate_scene(items, SceneSplit::train, seed), generate_scene(items, SceneSplit::train, seed)));
    differing += !same_scene(generate_scene(items, SceneSplit::train, seed), generate_scene(items, SceneSplit::train, seed + 1));
  }
  CHECK(differing == 50);
}

TEST_CASE("scenes hold 1-4 objects inside the canvas, never overlapping") {
  const SceneItems& items = synthetic_items();
  int by_count[kMaxObjects + 1] = {};
  for (SceneSplit split : {SceneSplit::train, SceneSplit::test, SceneSplit::heldout})
    for (uint64_t seed = 1; seed <= 400; ++seed) {
      Scene s = generate_scene(items, split, seed);
      REQUIRE(s.objects.size() >= 1);
      REQUIRE(s.objects.size() <= kMaxObjects);
      ++by_count[s.objects.size()];
      for (size_t i = 0; i < s.objects.size(); ++i) {
        const Box& b = s.objects[i].box;
        CHECK(b.x >= 0);
        CHECK(b.y >= 0);
        CHECK(b.right() <= kSceneSize);
        CHECK(b.bottom() <= kSceneSize);
        for (size_t j = 0; j < i; ++j) CHECK_FALSE(boxes_overlap(b, s.objects[j].box));
      }
    }
  for (int n = 1; n <= kMaxObjects; ++n) CHECK(by_count[n] > 200);  // about 300 each of 1,200
}

TEST_CASE("held-out colour-class pairs never appear in training or test scenes, and always in held-out ones") {
  const SceneItems& items = synthetic_items();
  CHECK(is_heldout_pair(7, 1));  // no green sneakers
  std::set<std::pair<int, int>> seen_in_training;
  for (uint64_t seed = 1; seed <= 2000; ++seed) {
    for (const SceneObject& o : generate_scene(items, SceneSplit::train, seed).objects) {
      CHECK_FALSE(is_heldout_pair(o.item_class, o.colour));
      seen_in_training.insert({o.item_class, o.colour});
    }
    for (const SceneObject& o : generate_scene(items, SceneSplit::test, seed).objects)
      CHECK_FALSE(is_heldout_pair(o.item_class, o.colour));
    int heldout_objects = 0;
    for (const SceneObject& o : generate_scene(items, SceneSplit::heldout, seed).objects)
      heldout_objects += is_heldout_pair(o.item_class, o.colour);
    CHECK(heldout_objects >= 1);
  }
  CHECK(seen_in_training.size() == 50);  // every one of the 60 - 10 allowed pairs occurs
}

TEST_CASE("training scenes draw the training items, test scenes the test items") {
  const SceneItems& items = synthetic_items();
  for (SceneSplit split : {SceneSplit::train, SceneSplit::test, SceneSplit::heldout})
    for (uint64_t seed = 1; seed <= 30; ++seed) {
      Scene s = generate_scene(items, split, seed);
      Tensor canvas = render_scene(items, s);
      REQUIRE(canvas.shape() == Shape{1, 3, kSceneSize, kSceneSize});
      for (const SceneObject& o : s.objects) {
        CHECK(items.images(split).labels[static_cast<size_t>(o.item)] == o.item_class);
        // The box centre's brightest channel holds the item's value times that channel's tint.
        float rgb[3];
        colour_rgb(o.colour, rgb);
        int channel = static_cast<int>(std::max_element(rgb, rgb + 3) - rgb);
        float value = canvas[channel * kSceneSize * kSceneSize + (o.box.y + 14) * kSceneSize + o.box.x + 14];
        int base = split == SceneSplit::train ? 1 : 128;
        int expected = base + 10 * o.item_class + o.item % kItemsPerClass;
        CHECK(value == doctest::Approx(static_cast<float>(expected) / 255.0f * rgb[channel]));
      }
    }
}

TEST_CASE("rendering leaves the background black outside every box") {
  const SceneItems& items = synthetic_items();
  Scene s = generate_scene(items, SceneSplit::train, 11);
  Tensor canvas = render_scene(items, s);
  for (int y = 0; y < kSceneSize; ++y)
    for (int x = 0; x < kSceneSize; ++x) {
      bool inside = false;
      for (const SceneObject& o : s.objects)
        inside = inside || (x >= o.box.x && x < o.box.right() && y >= o.box.y && y < o.box.bottom());
      if (!inside)
        for (int ch = 0; ch < 3; ++ch) CHECK(canvas[(ch * kSceneSize + y) * kSceneSize + x] == 0.0f);
    }
}

TEST_CASE("an unusable asset gives a clear message") {
  ImageAsset few_classes = synthetic_asset();
  few_classes.class_names.pop_back();
  SceneItems items;
  CHECK(items.load(few_classes).find("expected Fashion-MNIST's 10") != std::string::npos);
  ImageAsset no_test_bags = synthetic_asset();
  for (uint8_t& label : no_test_bags.test.labels)
    if (label == 8) label = 0;
  CHECK(items.load(no_test_bags) == "scene items: the test images have no class8");
}

TEST_CASE("the real Fashion-MNIST subset gives scenes from both of its splits") {
  SceneItems items;
  const std::string error = items.load_file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin");
  REQUIRE_MESSAGE(error.empty(), error, " (build the data assets first)");
  CHECK(items.images(SceneSplit::train).count == 10000);
  CHECK(items.images(SceneSplit::test).count == 2000);
  Scene s = generate_scene(items, SceneSplit::test, 3);
  Tensor canvas = render_scene(items, s);
  float total = 0;
  for (float v : canvas.to_vector()) total += v;
  CHECK(total > 20.0f * static_cast<float>(s.objects.size()));  // items are drawn, not blank
}

TEST_CASE("scene items from a missing or malformed file give the reader's or the parser's message") {
  SceneItems items;
  CHECK(items.load_file("/nonexistent/fashion-mnist.bin").find("/nonexistent/fashion-mnist.bin") != std::string::npos);
  CHECK(items.load_bytes({'D', 'L', 'P', 'I', 1, 0}).find("image asset") != std::string::npos);
}
