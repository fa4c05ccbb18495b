// The UI font, cut at build time to the characters the UI's strings use
// (tools/build_ui_font.js writes the data into the build folder; app/ui_fonts.cpp
// adds it to an atlas).
#pragma once

#include "imgui.h"

namespace ui_font {

extern const unsigned char kData[];   // a TrueType file
extern const unsigned int kSize;      // its bytes
extern const unsigned int kCharacterCount;
extern const ImWchar kRanges[];       // ImGui glyph ranges: the characters it holds

// Font 0, the UI's: NanumGothic (Latin + Hangul) at 15 logical pixels; font 1:
// ImGui's monospace ProggyClean at 13, kept for formulas whose columns must
// line up. Both rasterised at `scale` device pixels per logical pixel.
constexpr float kUiFontPixels = 15.0f;
constexpr float kMonospacePixels = 13.0f;
void add_fonts(ImFontAtlas* atlas, float scale);

}  // namespace ui_font
