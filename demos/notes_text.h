// The pieces of a demo's Notes tab: coloured section headings and indented
// formulas, so every demo's notes read alike.
#pragma once

#include "imgui.h"

void notes_section(const char* title, const ImVec4& color);
void notes_formula(const char* text);
