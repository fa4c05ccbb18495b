#include "demos/softmax_temperature/view_style.h"

#include <algorithm>

namespace temperature_ui {

ChartArea begin_chart(const char* id, const char* title, ImVec2 size, float left_margin, float bottom_margin) {
  ChartArea c;
  c.draw = ImGui::GetWindowDrawList();
  c.origin = ImGui::GetCursorScreenPos();
  size = ImVec2(std::max(size.x, 80.0f), std::max(size.y, 60.0f));
  ImGui::InvisibleButton(id, size);
  c.hovered = ImGui::IsItemHovered();
  c.active = ImGui::IsItemActive();
  c.min = ImVec2(c.origin.x + left_margin, c.origin.y + 20);
  c.max = ImVec2(c.origin.x + size.x - 8, c.origin.y + size.y - bottom_margin);
  c.draw->AddText(ImVec2(c.origin.x, c.origin.y + 2), kLabelColor, title);
  c.draw->AddRectFilled(c.min, c.max, kPanelColor);
  c.draw->AddRect(c.min, c.max, kFrameColor);
  return c;
}

}  // namespace temperature_ui
