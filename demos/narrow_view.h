// The width below which a demo's main view stacks its panels one under the
// other instead of side by side: a phone's full-width view (issue 14). Wider
// embeds keep the side-by-side layouts.
#pragma once

constexpr float kStackedViewWidth = 560;  // logical pixels

// ImGui::SameLine() when an item `next_width` wide still fits on this line,
// otherwise a new line: rows of controls wrap on a phone instead of running
// past the edge.
void same_line_if_fits(float next_width);
// The same for a labelled widget `item_width` wide followed by its `label`.
void same_line_if_fits(float item_width, const char* label);

// ImGui::TextDisabled that wraps at the window's edge.
void text_disabled_wrapped(const char* text);
