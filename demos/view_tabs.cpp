#include "demos/view_tabs.h"

#include "demos/i18n/tr.h"
#include "imgui.h"

namespace {

// When the tabs do not fit on one line (a phone, a narrow embed), they wrap
// as tab-coloured buttons instead of being cut to "Train…" (issue 14).
bool wrapped_tabs(const std::vector<std::string>& titles, int* selected) {
  const ImGuiStyle& style = ImGui::GetStyle();
  bool changed = false;
  for (int i = 0; i < static_cast<int>(titles.size()); ++i) {
    const char* label = tr_id(titles[static_cast<size_t>(i)].c_str());
    float width = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine(0, 4);
      if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    }
    bool active = i == *selected;
    ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[active ? ImGuiCol_TabActive : ImGuiCol_Tab]);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.Colors[ImGuiCol_TabHovered]);
    if (ImGui::Button(label) && !active) {
      *selected = i;
      changed = true;
    }
    ImGui::PopStyleColor(2);
  }
  ImGui::Separator();
  return changed;
}

}  // namespace

bool url_tab_bar(const char* id, const std::vector<std::string>& titles, int* selected) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float needed = 0;
  for (const std::string& title : titles)
    needed += ImGui::CalcTextSize(tr(title.c_str())).x + style.FramePadding.x * 2 + style.ItemInnerSpacing.x;
  if (needed > ImGui::GetContentRegionAvail().x) return wrapped_tabs(titles, selected);

  bool changed = false;
  if (!ImGui::BeginTabBar(id)) return false;
  for (int i = 0; i < static_cast<int>(titles.size()); ++i) {
    ImGuiTabItemFlags flags = i == *selected ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem(tr_id(titles[static_cast<size_t>(i)].c_str()), nullptr, flags)) ImGui::EndTabItem();
    if (ImGui::IsItemClicked() && i != *selected) {
      *selected = i;
      changed = true;
    }
  }
  ImGui::EndTabBar();
  return changed;
}
