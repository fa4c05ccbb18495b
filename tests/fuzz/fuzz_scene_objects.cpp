// The captioning demo's edited scene as the URL carries it
// (demos/captioning/scene_edits.h, "class-colour-item-x-y" joined by '_') on
// any text: it never crashes, an accepted scene keeps the scene's promises
// (1-4 objects, no overlap, each item a picture of its class in the split),
// writes back to text that reads back to the same scene, and renders.
// The first byte picks the split; the rest is the text. The items are
// synthetic (fuzz_scene_items.h), not the data file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "demos/captioning/scene_edits.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_scene_items.h"

namespace {

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
  const SceneSplit split = static_cast<SceneSplit>(data[0] % 3);  // train, test, heldout
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
