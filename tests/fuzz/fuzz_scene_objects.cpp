// The captioning demo's edited scene as the URL carries it
// (demos/captioning/scene_edits.h, "class-colour-item-x-y" joined by '_') on
// any text: it never crashes, an accepted scene keeps the scene's promises
// (1-4 objects, no overlap, each item a picture of its class in the split),
// writes back to text that reads back to the same scene, and renders.
// The first byte picks the split; the rest is the text. The items are a tiny
// synthetic asset (three or two blank pictures per class), not the data file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "demos/captioning/scene_edits.h"
#include "engine/data/image_asset.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

ImageSet blank_set(int per_class) {
  ImageSet set;
  set.count = per_class * kClassCount;
  set.rows = set.cols = kItemSize;
  set.pixels.assign(static_cast<size_t>(set.count) * kItemSize * kItemSize, 200);
  for (int i = 0; i < set.count; ++i) set.labels.push_back(static_cast<uint8_t>(i % kClassCount));
  return set;
}

const SceneItems& synthetic_items() {
  static const SceneItems items = [] {
    ImageAsset asset;
    for (int c = 0; c < kClassCount; ++c) asset.class_names.push_back("class" + std::to_string(c));
    asset.train = blank_set(3);
    asset.test = blank_set(2);
    SceneItems loaded;
    FUZZ_CHECK(loaded.load(asset).empty());
    return loaded;
  }();
  return items;
}

bool same_scene(const Scene& a, const Scene& b) {
  if (a.split != b.split || a.objects.size() != b.objects.size()) return false;
  for (size_t i = 0; i < a.objects.size(); ++i) {
    const SceneObject &p = a.objects[i], &q = b.objects[i];
    if (p.item_class != q.item_class || p.colour != q.colour || p.item != q.item || p.box.x != q.box.x ||
        p.box.y != q.box.y || p.box.size != q.box.size)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const SceneItems& items = synthetic_items();
  const SceneSplit split = data[0] & 1 ? SceneSplit::test : SceneSplit::train;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool valid = objects_text_valid(text);
  Scene scene;
  std::string error;
  if (!parse_objects_text(items, split, text, &scene, &error)) {
    FUZZ_CHECK(!error.empty() && scene.objects.empty());
    return 0;
  }
  FUZZ_CHECK(valid);
  FUZZ_CHECK(scene.objects.size() >= 1 && scene.objects.size() <= 4);
  for (size_t i = 0; i < scene.objects.size(); ++i) {
    const SceneObject& o = scene.objects[i];
    FUZZ_CHECK(items.images(split).labels[static_cast<size_t>(o.item)] == o.item_class);
    FUZZ_CHECK(o.box.x >= 0 && o.box.x <= kMaxCorner && o.box.y >= 0 && o.box.y <= kMaxCorner);
    for (size_t j = i + 1; j < scene.objects.size(); ++j) FUZZ_CHECK(!boxes_overlap(o.box, scene.objects[j].box));
  }
  Scene again;
  FUZZ_CHECK(parse_objects_text(items, split, objects_text(scene), &again, &error));
  FUZZ_CHECK(same_scene(scene, again));
  const Tensor canvas = render_scene(items, scene);
  for (int i = 0; i < canvas.size(); ++i) FUZZ_CHECK(canvas[i] >= 0.0f && canvas[i] <= 1.0f);
  return 0;
}
