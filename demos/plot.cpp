#include "demos/plot.h"

#include <algorithm>
#include <cmath>

namespace {
const ImVec4 kBackground(24 / 255.0f, 26 / 255.0f, 32 / 255.0f, 1.0f);
}  // namespace


Plot Plot::fill_region(float x0, float x1, float y0, float y1) {
  Plot p;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.x = std::max(avail.x, 32.0f);
  avail.y = std::max(avail.y - ImGui::GetTextLineHeightWithSpacing(), 32.0f);  // room for a legend
  p.min_ = ImGui::GetCursorScreenPos();
  p.max_ = ImVec2(p.min_.x + avail.x, p.min_.y + avail.y);
  ImGui::InvisibleButton("plot", avail);
  p.hovered_ = ImGui::IsItemHovered();
  p.draw_ = ImGui::GetWindowDrawList();
  p.x0_ = x0, p.x1_ = x1, p.y0_ = y0, p.y1_ = y1;
  return p;
}

Plot Plot::fill_square_region(float x0, float x1, float y0, float y1) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float side = std::max(std::min(avail.x, avail.y - ImGui::GetTextLineHeightWithSpacing()), 32.0f);
  // Centre the square horizontally.
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - side) * 0.5f));
  ImGui::BeginChild("square_plot", ImVec2(side, side + ImGui::GetTextLineHeightWithSpacing()), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  Plot p = fill_region(x0, x1, y0, y1);
  ImGui::EndChild();
  return p;
}

ImVec2 Plot::to_screen(float x, float y) const {
  float u = (x - x0_) / (x1_ - x0_), v = (y - y0_) / (y1_ - y0_);
  return ImVec2(min_.x + u * (max_.x - min_.x), max_.y - v * (max_.y - min_.y));
}

void Plot::background() { draw_->AddRectFilled(min_, max_, ImGui::ColorConvertFloat4ToU32(kBackground)); }

void Plot::shade_by_sign(const std::function<float(float, float)>& f, int cells) {
  float cw = (max_.x - min_.x) / static_cast<float>(cells), ch = (max_.y - min_.y) / static_cast<float>(cells);
  for (int j = 0; j < cells; ++j) {
    for (int i = 0; i < cells; ++i) {
      float x = x0_ + (x1_ - x0_) * (static_cast<float>(i) + 0.5f) / static_cast<float>(cells);
      float y = y1_ - (y1_ - y0_) * (static_cast<float>(j) + 0.5f) / static_cast<float>(cells);
      float s = f(x, y);
      float strength = std::tanh(std::fabs(s));
      // Mixed with the background here, not by the GPU: opaque cells are
      // cheaper to fill for software renderers.
      ImVec4 c = ImGui::ColorConvertU32ToFloat4(s >= 0 ? kColorPositive : kColorNegative);
      float alpha = 0.12f + 0.45f * strength;
      c = ImVec4(kBackground.x + (c.x - kBackground.x) * alpha, kBackground.y + (c.y - kBackground.y) * alpha,
                 kBackground.z + (c.z - kBackground.z) * alpha, 1.0f);
      // Edges from the integer grid so neighbouring cells meet without overlap seams.
      ImVec2 a(std::floor(min_.x + cw * static_cast<float>(i)), std::floor(min_.y + ch * static_cast<float>(j)));
      ImVec2 b(std::floor(min_.x + cw * static_cast<float>(i + 1)), std::floor(min_.y + ch * static_cast<float>(j + 1)));
      draw_->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(c));
    }
  }
}

void Plot::grid_and_axes(float spacing) {
  ImU32 grid = IM_COL32(255, 255, 255, 28), axis = IM_COL32(255, 255, 255, 90);
  for (float x = std::ceil(x0_ / spacing) * spacing; x <= x1_; x += spacing)
    draw_->AddLine(to_screen(x, y0_), to_screen(x, y1_), std::fabs(x) < 1e-6f ? axis : grid);
  for (float y = std::ceil(y0_ / spacing) * spacing; y <= y1_; y += spacing)
    draw_->AddLine(to_screen(x0_, y), to_screen(x1_, y), std::fabs(y) < 1e-6f ? axis : grid);
  draw_->AddRect(min_, max_, IM_COL32(255, 255, 255, 60));
}

void Plot::line_where_zero(float a, float b, float c, ImU32 color) {
  // Clip a x + b y + c = 0 to the view by intersecting it with the four edges.
  ImVec2 ends[4];
  int n = 0;
  auto add = [&](float x, float y) {
    if (n < 4 && x >= x0_ - 1e-4f && x <= x1_ + 1e-4f && y >= y0_ - 1e-4f && y <= y1_ + 1e-4f) ends[n++] = ImVec2(x, y);
  };
  if (std::fabs(b) > 1e-6f) {
    add(x0_, -(a * x0_ + c) / b);
    add(x1_, -(a * x1_ + c) / b);
  }
  if (std::fabs(a) > 1e-6f) {
    add(-(b * y0_ + c) / a, y0_);
    add(-(b * y1_ + c) / a, y1_);
  }
  if (n >= 2) draw_->AddLine(to_screen(ends[0].x, ends[0].y), to_screen(ends[1].x, ends[1].y), color, 2.5f);
}

void Plot::weight_arrow(float a, float b, float c) {
  float norm2 = a * a + b * b;
  if (norm2 < 1e-8f) return;
  // Foot of the perpendicular from the origin to the line, then along (a, b).
  float fx = -a * c / norm2, fy = -b * c / norm2;
  float len = 0.5f / std::sqrt(norm2);
  ImVec2 from = to_screen(fx, fy), to = to_screen(fx + a * len, fy + b * len);
  ImU32 color = IM_COL32(255, 255, 255, 220);
  draw_->AddLine(from, to, color, 2.0f);
  float dx = to.x - from.x, dy = to.y - from.y, d = std::sqrt(dx * dx + dy * dy);
  if (d < 1) return;
  dx /= d, dy /= d;
  draw_->AddTriangleFilled(to, ImVec2(to.x - 9 * dx + 5 * dy, to.y - 9 * dy - 5 * dx),
                           ImVec2(to.x - 9 * dx - 5 * dy, to.y - 9 * dy + 5 * dx), color);
  draw_->AddText(ImVec2(to.x + 4, to.y - 14), color, "w");
}

void Plot::curve(const std::function<float(float)>& f, ImU32 color, float thickness) {
  const int samples = 200;
  ImVec2 points[samples];
  int n = 0;
  for (int i = 0; i < samples; ++i) {
    float x = x0_ + (x1_ - x0_) * static_cast<float>(i) / (samples - 1);
    float y = std::clamp(f(x), y0_ - (y1_ - y0_), y1_ + (y1_ - y0_));
    points[n++] = to_screen(x, y);
  }
  draw_->PushClipRect(min_, max_, true);
  draw_->AddPolyline(points, n, color, ImDrawFlags_None, thickness);
  draw_->PopClipRect();
}

bool Plot::inside(ImVec2 s) const { return s.x >= min_.x && s.x <= max_.x && s.y >= min_.y && s.y <= max_.y; }

void Plot::point(float x, float y, int label, bool hollow) {
  ImVec2 s = to_screen(x, y);
  if (!inside(s)) return;  // points beyond the view are not drawn over the panels
  ImU32 color = label > 0 ? kColorPositive : kColorNegative;
  if (hollow) {
    draw_->AddCircle(s, 4.5f, color, 0, 2.0f);
  } else {
    draw_->AddCircleFilled(s, 4.5f, color);
    draw_->AddCircle(s, 4.5f, IM_COL32(255, 255, 255, 200));
  }
}

void Plot::ring(float x, float y, ImU32 color, float radius) {
  ImVec2 s = to_screen(x, y);
  if (inside(s)) draw_->AddCircle(s, radius, color, 0, 2.0f);
}

// One line under the plot; wrapped at the plot's width when it is narrower (a phone).
void Plot::legend(const char* text) {
  draw_->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min_.x, max_.y + 3), IM_COL32(200, 200, 200, 255), text,
                 nullptr, max_.x - min_.x);
}
