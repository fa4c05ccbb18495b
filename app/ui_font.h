// The UI font, cut at build time to the characters the UI's strings use
// (tools/build_ui_font.js writes the definitions into the build folder).
#pragma once

#include "imgui.h"

namespace ui_font {

extern const unsigned char kData[];   // a TrueType file
extern const unsigned int kSize;      // its bytes
extern const unsigned int kCharacterCount;
extern const ImWchar kRanges[];       // ImGui glyph ranges: the characters it holds

}  // namespace ui_font
