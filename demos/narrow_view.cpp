#include "demos/narrow_view.h"

#include "imgui.h"

void same_line_if_fits(float next_width) {
  float line_end = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (line_end <= right) ImGui::SameLine();
}

void same_line_if_fits(float item_width, const char* label) {
  same_line_if_fits(item_width + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x);
}

void text_disabled_wrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}
