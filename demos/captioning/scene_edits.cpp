#include "demos/captioning/scene_edits.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "demos/captioning/captions.h"
#include "demos/i18n/tr.h"

namespace {

// The first object other than `index` that `box` would overlap; -1 if none.
int overlapped_by(const Scene& scene, int index, const Box& box) {
  for (int i = 0; i < static_cast<int>(scene.objects.size()); ++i)
    if (i != index && boxes_overlap(box, scene.objects[static_cast<size_t>(i)].box)) return i;
  return -1;
}

int clamp_corner(int v) { return std::clamp(v, 0, kMaxCorner); }

struct ParsedObject {
  int item_class, colour, item, x, y;
};

// "c-k-i-x-y" groups joined by '_'; ranges checked, items not (they need the images).
bool parse_groups(const std::string& text, std::vector<ParsedObject>* out) {
  out->clear();
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('_', start);
    if (end == std::string::npos) end = text.size();
    const std::string group = text.substr(start, end - start);
    int values[5];
    int count = 0;
    size_t p = 0;
    while (count < 5) {
      size_t q = p;
      while (q < group.size() && group[q] >= '0' && group[q] <= '9') ++q;
      if (q == p || q - p > 5) return false;
      values[count++] = std::atoi(group.substr(p, q - p).c_str());
      if (q == group.size()) break;
      if (group[q] != '-') return false;
      p = q + 1;
    }
    if (count != 5 || p > group.size()) return false;
    ParsedObject o{values[0], values[1], values[2], values[3], values[4]};
    if (o.item_class >= kClassCount || o.colour >= kColourCount || o.x > kMaxCorner || o.y > kMaxCorner) return false;
    out->push_back(o);
    if (out->size() > static_cast<size_t>(kMaxObjects)) return false;
    start = end + 1;
  }
  if (out->empty()) return false;
  for (size_t i = 0; i < out->size(); ++i)
    for (size_t j = i + 1; j < out->size(); ++j)
      if (boxes_overlap(Box{(*out)[i].x, (*out)[i].y, kItemSize}, Box{(*out)[j].x, (*out)[j].y, kItemSize})) return false;
  return true;
}

}  // namespace

std::string object_name(const SceneObject& object) {
  return std::string(colour_name(object.colour)) + " " + class_word(object.item_class);
}

bool snap_to_free(const Scene& scene, int index, int x, int y, Box* out) {
  x = clamp_corner(x);
  y = clamp_corner(y);
  bool found = false;
  int best_distance = 0;
  for (int dy = -kSnapRadius; dy <= kSnapRadius; ++dy) {
    for (int dx = -kSnapRadius; dx <= kSnapRadius; ++dx) {
      const int distance = dx * dx + dy * dy;
      if (distance > kSnapRadius * kSnapRadius || (found && distance >= best_distance)) continue;
      const Box box{x + dx, y + dy, kItemSize};
      if (box.x < 0 || box.y < 0 || box.x > kMaxCorner || box.y > kMaxCorner) continue;
      if (overlapped_by(scene, index, box) >= 0) continue;
      *out = box;
      best_distance = distance;
      found = true;
    }
  }
  return found;
}

std::string move_object(Scene& scene, int index, int x, int y) {
  if (index < 0 || index >= static_cast<int>(scene.objects.size())) return translatable("no such object");
  Box box;
  if (snap_to_free(scene, index, x, y, &box)) {
    scene.objects[static_cast<size_t>(index)].box = box;
    return "";
  }
  const Box wanted{clamp_corner(x), clamp_corner(y), kItemSize};
  const int other = overlapped_by(scene, index, wanted);
  return "the " + object_name(scene.objects[static_cast<size_t>(index)]) + " would overlap the " +
         object_name(scene.objects[static_cast<size_t>(std::max(other, 0))]) + ": not moved there";
}

std::string add_object(const SceneItems& items, Scene& scene, int item_class, int colour, int item_choice) {
  if (scene.objects.size() >= static_cast<size_t>(kMaxObjects)) return translatable("a scene holds at most 4 objects");
  for (int y = 0; y <= kMaxCorner; y += 2) {
    for (int x = 0; x <= kMaxCorner; x += 2) {
      const Box box{x, y, kItemSize};
      if (overlapped_by(scene, -1, box) >= 0) continue;
      SceneObject object;
      object.colour = colour;
      object.box = box;
      scene.objects.push_back(object);
      set_object_class(items, scene, static_cast<int>(scene.objects.size()) - 1, item_class, item_choice);
      return "";
    }
  }
  return translatable("no free place for another 28 x 28 object: move or remove one first");
}

std::string remove_object(Scene& scene, int index) {
  if (index < 0 || index >= static_cast<int>(scene.objects.size())) return translatable("no such object");
  if (scene.objects.size() == 1) return translatable("a scene needs at least one object");
  scene.objects.erase(scene.objects.begin() + index);
  return "";
}

void set_object_class(const SceneItems& items, Scene& scene, int index, int item_class, int item_choice) {
  SceneObject& object = scene.objects[static_cast<size_t>(index)];
  const std::vector<int>& candidates = items.items_of(scene.split, item_class);
  object.item_class = item_class;
  if (!candidates.empty())
    object.item = candidates[static_cast<size_t>(std::abs(item_choice)) % candidates.size()];
}

std::string objects_text(const Scene& scene) {
  std::string out;
  for (const SceneObject& o : scene.objects) {
    char group[48];
    std::snprintf(group, sizeof group, "%s%d-%d-%d-%d-%d", out.empty() ? "" : "_", o.item_class, o.colour, o.item,
                  o.box.x, o.box.y);
    out += group;
  }
  return out;
}

bool objects_text_valid(const std::string& text) {
  std::vector<ParsedObject> parsed;
  return text.empty() || parse_groups(text, &parsed);
}

bool parse_objects_text(const SceneItems& items, SceneSplit split, const std::string& text, Scene* scene,
                        std::string* error) {
  std::vector<ParsedObject> parsed;
  if (!parse_groups(text, &parsed)) {
    *error = translatable("the edited objects in the link are not valid");
    return false;
  }
  const ImageSet& images = items.images(split);
  Scene result;
  result.split = split;
  for (const ParsedObject& p : parsed) {
    if (p.item >= images.count || images.labels[static_cast<size_t>(p.item)] != p.item_class) {
      *error = "object item " + std::to_string(p.item) + " is not a " + class_word(p.item_class) +
               " of this split's images";
      return false;
    }
    SceneObject o;
    o.item_class = p.item_class;
    o.colour = p.colour;
    o.item = p.item;
    o.box = Box{p.x, p.y, kItemSize};
    result.objects.push_back(o);
  }
  *scene = result;
  return true;
}
