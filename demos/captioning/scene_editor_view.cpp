// The scene editor: the 64 x 64 scene drawn large, objects dragged with the
// mouse (snapping to a free place, refusing a drop onto another object), the
// shown word's attention map over it, and a row of combos per object.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/captioning/captions.h"
#include "demos/captioning/caption_demo.h"
#include "demos/captioning/scene_edits.h"
#include "demos/captioning/shown_message.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "demos/user_files.h"
#include "imgui.h"

namespace {

constexpr int kSceneSlot = 500;
const ImU32 kBoxColour = IM_COL32(255, 255, 255, 70);
const ImU32 kSelectedColour = IM_COL32(120, 200, 255, 230);
const ImU32 kBlockedColour = IM_COL32(255, 80, 60, 230);
const ImU32 kAttentionColour = IM_COL32(255, 230, 90, 255);

// The attention weights over the 8 x 8 cells drawn over the scene: each cell
// tinted in proportion to its weight (relative to the largest), the largest outlined.
void draw_attention(ImDrawList* draw, ImVec2 origin, float scale, const std::vector<float>& weights) {
  if (weights.size() != 64) return;
  const float peak = std::max(1e-12f, *std::max_element(weights.begin(), weights.end()));
  const float cell = scale * kSceneSize / 8.0f;
  const int best = static_cast<int>(std::max_element(weights.begin(), weights.end()) - weights.begin());
  for (int i = 0; i < 64; ++i) {
    const ImVec2 a(origin.x + static_cast<float>(i % 8) * cell, origin.y + static_cast<float>(i / 8) * cell);
    const ImVec2 b(a.x + cell, a.y + cell);
    const float w = weights[static_cast<size_t>(i)] / peak;
    draw->AddRectFilled(a, b, IM_COL32(0, 0, 0, static_cast<int>(170 * (1 - w))));
    draw->AddRectFilled(a, b, IM_COL32(255, 230, 90, static_cast<int>(40 * w)));
    if (i == best) draw->AddRect(a, b, kAttentionColour, 0, 0, 2);
  }
}

}  // namespace

void CaptionDemo::draw_scene_editor(float side) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float scale = side / kSceneSize;
  scene_rect_ = {origin.x, origin.y, scale};
  draw_rgb_image(origin, ImVec2(origin.x + side, origin.y + side), scene_picture_, kSceneSlot, true);
  ImGui::InvisibleButton("scene_canvas", ImVec2(side, side));
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float mx = (mouse.x - origin.x) / scale, my = (mouse.y - origin.y) / scale;

  // Grab the object under the pointer; drag it; drop it (a picture of your own has no objects to drag).
  if (hovered && ImGui::IsMouseClicked(0) && !picture_shown_) {
    for (int i = static_cast<int>(scene_.objects.size()) - 1; i >= 0; --i) {
      const Box& box = scene_.objects[static_cast<size_t>(i)].box;
      if (mx >= static_cast<float>(box.x) && mx < static_cast<float>(box.right()) && my >= static_cast<float>(box.y) &&
          my < static_cast<float>(box.bottom())) {
        dragging_ = selected_object_ = i;
        drag_dx_ = mx - static_cast<float>(box.x);
        drag_dy_ = my - static_cast<float>(box.y);
        break;
      }
    }
  }
  if (dragging_ >= 0 && dragging_ < static_cast<int>(scene_.objects.size())) {
    const int x = static_cast<int>(std::lround(mx - drag_dx_)), y = static_cast<int>(std::lround(my - drag_dy_));
    Box snapped;
    drag_blocked_ = !snap_to_free(scene_, dragging_, x, y, &snapped);
    drag_ghost_ = Box{std::clamp(x, 0, kMaxCorner), std::clamp(y, 0, kMaxCorner), kItemSize};
    const Box& now = scene_.objects[static_cast<size_t>(dragging_)].box;
    if (!drag_blocked_ && (snapped.x != now.x || snapped.y != now.y)) drop_object(dragging_, snapped.x, snapped.y);
    if (!ImGui::IsMouseDown(0)) {
      // A refused drop leaves the object at the last free place it passed.
      if (drag_blocked_) drop_object(dragging_, x, y);
      dragging_ = -1;
      drag_blocked_ = false;
    }
  } else {
    dragging_ = -1;
  }

  const int word = shown_word();
  if (word >= 0 && word < static_cast<int>(caption_.attention.size()))
    draw_attention(draw, origin, scale, caption_.attention[static_cast<size_t>(word)]);
  if (picture_shown_) return;
  for (int i = 0; i < static_cast<int>(scene_.objects.size()); ++i) {
    const Box& box = scene_.objects[static_cast<size_t>(i)].box;
    const ImVec2 a(origin.x + static_cast<float>(box.x) * scale, origin.y + static_cast<float>(box.y) * scale);
    const ImVec2 b(origin.x + static_cast<float>(box.right()) * scale, origin.y + static_cast<float>(box.bottom()) * scale);
    draw->AddRect(a, b, i == selected_object_ ? kSelectedColour : kBoxColour, 0, 0, i == selected_object_ ? 2.0f : 1.0f);
    char label[16];
    std::snprintf(label, sizeof label, "%d", i + 1);
    draw->AddText(ImVec2(a.x + 3, a.y + 1), kBoxColour, label);
  }
  if (dragging_ >= 0 && drag_blocked_) {
    const ImVec2 a(origin.x + static_cast<float>(drag_ghost_.x) * scale, origin.y + static_cast<float>(drag_ghost_.y) * scale);
    draw->AddRect(a, ImVec2(a.x + kItemSize * scale, a.y + kItemSize * scale), kBlockedColour, 0, 0, 2);
  }
}

namespace {

// Each combo as wide as its longest word plus the arrow, so no word is cut.
struct ObjectRowWidths {
  float colour = 0, item_class = 0, row = 0;
};
ObjectRowWidths object_row_widths() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float combo_extra = ImGui::GetFrameHeight() + 2 * style.FramePadding.x;
  ObjectRowWidths w;
  for (int c = 0; c < kClassCount; ++c) w.item_class = std::max(w.item_class, ImGui::CalcTextSize(class_word(c)).x + combo_extra);
  for (int c = 0; c < kColourCount; ++c) w.colour = std::max(w.colour, ImGui::CalcTextSize(colour_name(c)).x + combo_extra);
  w.row = ImGui::GetFrameHeight() + w.colour + w.item_class + ImGui::CalcTextSize(tr("remove")).x +
          2 * style.FramePadding.x + 3 * style.ItemSpacing.x;
  return w;
}

}  // namespace

float CaptionDemo::object_list_width() const { return object_row_widths().row; }

void CaptionDemo::draw_object_list() {
  std::string class_items, colour_items;
  for (int c = 0; c < kClassCount; ++c) class_items += std::string(class_word(c)) + '\0';
  for (int c = 0; c < kColourCount; ++c) colour_items += std::string(colour_name(c)) + '\0';
  const ObjectRowWidths widths = object_row_widths();
  const float colour_width = widths.colour, class_width = widths.item_class;
  int remove = -1;
  for (int i = 0; i < static_cast<int>(scene_.objects.size()); ++i) {
    SceneObject& object = scene_.objects[static_cast<size_t>(i)];
    ImGui::PushID(i);
    if (ImGui::RadioButton("##select", selected_object_ == i)) selected_object_ = i;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(colour_width);
    int colour = object.colour;
    if (ImGui::Combo("##colour", &colour, colour_items.c_str())) set_object_colour(i, colour);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(class_width);
    int item_class = object.item_class;
    if (ImGui::Combo("##class", &item_class, class_items.c_str())) set_object_class(i, item_class);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr_id("remove"))) remove = i;
    if (is_heldout_pair(object.item_class, object.colour)) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr("(unseen pair)"));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("this colour never goes with this class in training"));
    }
    ImGui::PopID();
  }
  if (remove >= 0) remove_object(remove);
  if (ImGui::Button(tr_id("Add object"))) add_object();
  same_line_if_fits(ImGui::CalcTextSize(tr("New random scene")).x + 2 * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button(tr_id("New random scene"))) new_random_scene();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr("drag objects in the scene; the caption follows"));
  if (!edit_message_.empty()) {
    ImGui::TextColored(ImVec4(1, 0.6f, 0.45f, 1), "%s", shown_message(edit_message_).c_str());
  }
  if (!picture_message_.empty())
    ImGui::TextColored(ImVec4(1, 0.6f, 0.45f, 1), "%s", shown_message(picture_message_).c_str());
  ImGui::PopTextWrapPos();
}

void CaptionDemo::draw_picture_panel() {
  ImGui::PushTextWrapPos(0);
  ImGui::Text(tr("Your picture: %s (%d x %d)"), picture_.name.c_str(), picture_.width, picture_.height);
  ImGui::TextDisabled(tr("shown to the model at %d x %d, centred on black"), kSceneSize, kSceneSize);
  ImGui::TextColored(ImVec4(1, 0.8f, 0.45f, 1), "%s",
                     tr("The captioner knows only its own world: one to four Fashion-MNIST items in six colours on "
                        "black. Whatever your picture shows, it is described as such items. The caption says what "
                        "this model sees, not what is there."));
  if (!picture_message_.empty())
    ImGui::TextColored(ImVec4(1, 0.6f, 0.45f, 1), "%s", shown_message(picture_message_).c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button(tr_id("Back to the scene"))) back_to_scene();
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Another picture..."))) request_open_image();
}
