// Counts glyphs cut by the edge of the window they are drawn in, from the
// last frame's draw data: the browser tests' check that no label is clipped
// at phone and embed sizes (issue 14). Horizontal cuts only: a panel that
// scrolls vertically hides its lower lines on purpose, and so does one that
// scrolls sideways.
#pragma once

struct ImDrawData;

// Glyph quads that cross their draw command's clip rectangle left or right.
// Call between ImGui::Render() and the next NewFrame(); 0 without draw data.
int count_horizontally_clipped_glyphs(const ImDrawData* draw_data);
