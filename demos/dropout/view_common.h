// Colours, texture slots and small drawing helpers shared by the dropout demo's views.
#pragma once

#include <string>
#include <vector>

#include "demos/dropout/classification_data.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

namespace dropout_ui {

// The two networks keep their colours in every view: orange without dropout, blue with it.
const ImVec4 kPlainColor(245 / 255.0f, 147 / 255.0f, 34 / 255.0f, 1.0f);
const ImVec4 kDropoutColor(64 / 255.0f, 160 / 255.0f, 235 / 255.0f, 1.0f);
const ImVec4 kWarningColor(1.0f, 0.45f, 0.4f, 1.0f);
constexpr ImU32 kDroppedUnitColor = IM_COL32(70, 72, 78, 255);
constexpr ImU32 kLabelColor = IM_COL32(190, 190, 190, 255);

constexpr float kPlaneExtent = 1.7f;  // 2-D points are shown on [-kPlaneExtent, kPlaneExtent]^2

// GPU texture slots (demos/heatmap.h) owned by this demo.
constexpr int kSlotBoundaries = 1000;   // + twin
constexpr int kSlotBatchMask = 1002;
constexpr int kSlotInferencePoint = 1003;
constexpr int kSlotWeights = 1010;      // + twin * kWeightImages + unit
constexpr int kWeightImages = 36;

inline ImU32 color_u32(ImVec4 c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

// (x, y) on the plane -> a pixel in the square [min, min + side].
inline ImVec2 plane_to_screen(ImVec2 min, float side, float x, float y) {
  return ImVec2(min.x + (x + kPlaneExtent) / (2 * kPlaneExtent) * side,
                min.y + (kPlaneExtent - y) / (2 * kPlaneExtent) * side);
}

// A polyline drawn as dashes (ImGui has no dashed lines): the training curves.
void dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color, float thickness,
                     float dash = 6, float gap = 4);

// A greyscale image (values in [0, 1], 0 = black) drawn as rectangles; with
// a `kept` mask (1 = kept), dropped pixels are drawn in the dropped-unit colour instead.
void draw_grey_image(ImDrawList* draw, ImVec2 min, float pixel, const float* values, int rows, int cols,
                     const float* kept = nullptr);

// One line naming the curves of draw_loss_chart (curves_chart.cpp).
void draw_chart_legend();

// Class k's name in the UI's language (the data keeps the English names).
std::string shown_class_name(const ClassificationData& data, int k);

}  // namespace dropout_ui
