// The pieces of a demo's Notes tab: coloured section headings and indented
// formulas, so every demo's notes read alike.
// A section title is English, shown through tr(); a formula is not translated.
#pragma once

#include "imgui.h"

void notes_section(const char* title, const ImVec4& color);
void notes_formula(const char* text);
