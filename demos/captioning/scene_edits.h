// Editing a scene by hand: moving, adding and removing objects and changing
// their class and colour, always keeping the scene's promise that no two
// boxes overlap (scene.h). A refused edit leaves the scene as it was and
// says why. The edited objects live in the URL as text (objects_text).
#pragma once

#include <string>

#include "demos/captioning/scene.h"

constexpr int kMaxCorner = kSceneSize - kItemSize;  // 36: a box's top-left corner is in [0, 36]^2
constexpr int kSnapRadius = 6;  // pixels: a drop this close to a free place snaps to it

// The free corner nearest (x, y) for object `index` (clamped to the canvas),
// within kSnapRadius; false if every such corner overlaps another object.
bool snap_to_free(const Scene& scene, int index, int x, int y, Box* out);
// Moves object `index` to (x, y), snapped; "" when done, otherwise why not
// ("the red bag would overlap the blue shirt"), with the scene unchanged.
std::string move_object(Scene& scene, int index, int x, int y);
// Adds an object at the first free corner (scanning rows from the top left).
std::string add_object(const SceneItems& items, Scene& scene, int item_class, int colour, int item_choice);
std::string remove_object(Scene& scene, int index);  // refuses to remove the last object
// A new class draws its item from that class's images in the scene's split.
void set_object_class(const SceneItems& items, Scene& scene, int index, int item_class, int item_choice);
std::string object_name(const SceneObject& object);  // "red bag"

// The objects as text for the URL: "class-colour-item-x-y" joined by '_'
// (item indexes the split's images), e.g. "8-0-17-4-30_6-2-5-36-0".
std::string objects_text(const Scene& scene);
// Syntax, ranges (class 0-9, colour 0-5, corner 0-36, 1-4 objects) and no overlap.
bool objects_text_valid(const std::string& text);
// The objects of `text` in `split`; false with *error when an item index is
// beyond the split's images (or the text is invalid), the scene untouched.
bool parse_objects_text(const SceneItems& items, SceneSplit split, const std::string& text, Scene* scene,
                        std::string* error);
