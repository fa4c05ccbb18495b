#include "demos/notes_text.h"

#include "demos/i18n/tr.h"

void notes_section(const char* title, const ImVec4& color) {
  ImGui::Spacing();
  ImGui::TextColored(color, "%s", tr(title));
}

void notes_formula(const char* text) {
  ImGui::Indent(16);
  ImGui::TextUnformatted(text);
  ImGui::Unindent(16);
}
