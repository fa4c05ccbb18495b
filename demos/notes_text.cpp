#include "demos/notes_text.h"

#include "demos/i18n/tr.h"

void notes_section(const char* title, const ImVec4& color) {
  ImGui::Spacing();
  ImGui::TextColored(color, "%s", tr(title));
}

// Formulas in the monospace face (the platform's second font) so their
// columns line up; in the UI font when there is none (unit tests).
void notes_formula(const char* text) {
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  bool monospace = fonts->Fonts.Size > 1;
  if (monospace) ImGui::PushFont(fonts->Fonts[1]);
  ImGui::Indent(16);
  ImGui::TextUnformatted(text);
  ImGui::Unindent(16);
  if (monospace) ImGui::PopFont();
}
