#include "demos/help_marker.h"

#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "imgui.h"

void help_marker(const char* text) {
  same_line_if_fits(ImGui::CalcTextSize("(?)").x);  // after wrapped text, on the next line if need be
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(tr(text));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}
