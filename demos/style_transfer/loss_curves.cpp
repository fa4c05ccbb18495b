#include "demos/style_transfer/loss_curves.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/i18n/tr.h"

namespace {

constexpr ImU32 kContentColor = IM_COL32(90, 170, 250, 255);
constexpr ImU32 kStyleColor = IM_COL32(250, 150, 60, 255);
constexpr ImU32 kTvColor = IM_COL32(150, 210, 120, 255);
constexpr ImU32 kAxisColor = IM_COL32(160, 160, 170, 255);

}  // namespace

LossCurves::LossCurves()
    : series_{{translatable("content"), kContentColor, {}}, {translatable("style"), kStyleColor, {}}, {"TV", kTvColor, {}}} {}

void LossCurves::clear() {
  for (LossSeries& s : series_) s.values.clear();
}

void LossCurves::add(float content, float style, float tv) {
  series_[0].values.push_back(content);
  series_[1].values.push_back(style);
  series_[2].values.push_back(tv);
}

void LossCurves::draw(const char* title, ImVec2 size) const {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, 80.0f);
  size.y = std::max(size.y, 60.0f);
  ImGui::Dummy(size);
  float line = ImGui::GetTextLineHeight();
  // The title wraps at the chart's width (a phone) and the chart starts below it.
  float title_height = ImGui::CalcTextSize(title, nullptr, false, size.x).y;
  ImVec2 min(origin.x + 44, origin.y + title_height + 6), max(origin.x + size.x - 6, origin.y + size.y - line - 4);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), origin, kAxisColor, title, nullptr, size.x);
  draw->AddRectFilled(min, max, IM_COL32(24, 26, 32, 255));

  // The y range covers every positive value, in whole decades.
  float lo = INFINITY, hi = -INFINITY;
  size_t count = 0;
  for (const LossSeries& s : series_) {
    count = std::max(count, s.values.size());
    for (float v : s.values)
      if (v > 0 && std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  if (count < 1 || !(lo <= hi)) {
    draw->AddText(ImVec2(min.x + 8, min.y + 8), kAxisColor, tr("no iterations yet"));
    return;
  }
  float decade_lo = std::floor(std::log10(lo)), decade_hi = std::ceil(std::log10(hi));
  if (decade_hi <= decade_lo) decade_hi = decade_lo + 1;
  auto to_y = [&](float v) {
    float t = (std::log10(v) - decade_lo) / (decade_hi - decade_lo);
    return max.y - t * (max.y - min.y);
  };
  float x_span = static_cast<float>(std::max<size_t>(count - 1, 1));
  auto to_x = [&](size_t i) { return min.x + static_cast<float>(i) / x_span * (max.x - min.x); };

  for (float d = decade_lo; d <= decade_hi; d += 1) {
    float y = to_y(std::pow(10.0f, d));
    draw->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), IM_COL32(60, 62, 70, 255));
    char label[16];
    std::snprintf(label, sizeof label, "1e%d", static_cast<int>(d));
    draw->AddText(ImVec2(origin.x, y - line / 2), kAxisColor, label);
  }
  std::string iterations = i18n::format(tr("%zu iterations"), count);
  draw->AddText(ImVec2(max.x - ImGui::CalcTextSize(iterations.c_str()).x, max.y + 2), kAxisColor, iterations.c_str());

  float legend_x = min.x + 6;
  for (const LossSeries& s : series_) {
    std::vector<ImVec2> points;
    for (size_t i = 0; i < s.values.size(); ++i)
      if (s.values[i] > 0 && std::isfinite(s.values[i])) points.emplace_back(to_x(i), to_y(s.values[i]));
    if (points.size() >= 2) draw->AddPolyline(points.data(), static_cast<int>(points.size()), s.color, 0, 2.0f);
    else if (points.size() == 1) draw->AddCircleFilled(points[0], 3, s.color);
    const char* name = tr(s.name.c_str());
    draw->AddText(ImVec2(legend_x, min.y + 4), s.color, name);
    legend_x += ImGui::CalcTextSize(name).x + 14;
  }
}
