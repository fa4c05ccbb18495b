// Counts glyphs cut by the edge of the window they are drawn in, from the
// last frame's draw data: the browser tests' check that no label is clipped
// at phone and embed sizes (issue 14). Horizontal cuts only: a panel that
// scrolls vertically hides its lower lines on purpose, and so does one that
// scrolls sideways.
#pragma once

#include <vector>

#include "imgui.h"

// Glyph quads that cross their draw command's clip rectangle left or right.
// Call between ImGui::Render() and the next NewFrame(); 0 without draw data.
// `where`, when given, receives the first few cut glyphs' top-left corners.
int count_horizontally_clipped_glyphs(const ImDrawData* draw_data, std::vector<ImVec2>* where = nullptr);
