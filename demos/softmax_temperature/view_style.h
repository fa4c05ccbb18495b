// Colours and small drawing helpers shared by the temperature demo's views.
#pragma once

#include <cmath>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "engine/data/generators.h"
#include "engine/tensor.h"
#include "imgui.h"

namespace temperature_ui {

const ImVec4 kHardColor(245 / 255.0f, 147 / 255.0f, 34 / 255.0f, 1.0f);       // hard labels; also "before"
const ImVec4 kDistilledColor(64 / 255.0f, 160 / 255.0f, 235 / 255.0f, 1.0f);  // soft targets; also "after"
const ImVec4 kTeacherColor(150 / 255.0f, 210 / 255.0f, 120 / 255.0f, 1.0f);
const ImVec4 kWarningColor(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kHeadingColor(64 / 255.0f, 160 / 255.0f, 235 / 255.0f, 1.0f);
constexpr ImU32 kPanelColor = IM_COL32(24, 26, 32, 255);
constexpr ImU32 kFrameColor = IM_COL32(255, 255, 255, 50);
constexpr ImU32 kGridColor = IM_COL32(255, 255, 255, 22);
constexpr ImU32 kLabelColor = IM_COL32(190, 190, 190, 255);

inline ImU32 color_u32(ImVec4 c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

// A chart's frame: reserves `size` at the cursor as one invisible button
// (so it can be dragged), draws the title above and the plotting area, and
// returns that area through min / max (room is left for axis labels).
struct ChartArea {
  ImVec2 origin, min, max;
  bool hovered = false, active = false;
  ImDrawList* draw = nullptr;

  float x_at(float u) const { return min.x + u * (max.x - min.x); }  // u in [0, 1]
  float y_at(float v) const { return max.y - v * (max.y - min.y); }  // v in [0, 1], 0 at the bottom
};
ChartArea begin_chart(const char* id, const char* title, ImVec2 size, float left_margin = 40,
                      float bottom_margin = 18);

// The distillation data's plane [-kPlaneExtent, kPlaneExtent]^2 in a chart, and the class colours.
constexpr float kPlaneExtent = 1.2f;
const ImVec4 kClassColors[] = {ImVec4(0.25f, 0.55f, 0.86f, 1), ImVec4(0.96f, 0.58f, 0.13f, 1),
                               ImVec4(0.47f, 0.78f, 0.43f, 1), ImVec4(0.78f, 0.39f, 0.78f, 1)};
inline ImVec2 map_to_screen(const ChartArea& c, float x, float y) {
  return ImVec2(c.x_at((x + kPlaneExtent) / (2 * kPlaneExtent)), c.y_at((y + kPlaneExtent) / (2 * kPlaneExtent)));
}
// A network's predicted class over the plane (logits [36 * 36, K], from
// decision_maps.cpp), brighter where surer, with `points` on top.
void draw_map(const ChartArea& c, const Tensor& logits, int classes, const Dataset2D& points);


}  // namespace temperature_ui
