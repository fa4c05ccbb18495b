#include "demos/view_tabs.h"

#include "demos/i18n/tr.h"
#include "imgui.h"

bool url_tab_bar(const char* id, const std::vector<std::string>& titles, int* selected) {
  bool changed = false;
  // Scroll, not shrink: a narrow embed must not cut "Training" to "Train…" (issue 14).
  if (!ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyScroll)) return false;
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
