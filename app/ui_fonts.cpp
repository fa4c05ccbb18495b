#include "app/ui_font.h"

#include <cstdio>

namespace ui_font {

void add_fonts(ImFontAtlas* atlas, float scale) {
  ImFontConfig ui;
  ui.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
  ui.OversampleH = 1;               // already drawn at device pixels; 3x would triple the atlas
  ui.PixelSnapH = true;
  std::snprintf(ui.Name, sizeof ui.Name, "NanumGothic");
  atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(kData), static_cast<int>(kSize), kUiFontPixels * scale, &ui,
                              kRanges);
  ImFontConfig mono;
  mono.SizePixels = kMonospacePixels * scale;
  mono.OversampleH = 1;
  atlas->AddFontDefault(&mono);
}

}  // namespace ui_font
