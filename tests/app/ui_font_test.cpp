// tests/app/ui_font_test.cpp: the UI font cut at build time (issue 14) holds
// every character the strings use, and its atlas stays small at a phone's 3x.
#include "app/ui_font.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <memory>

#include "imgui.h"

namespace {

// The app's atlas (both fonts, as app/platform.cpp builds it), or the English-only
// build's ProggyClean alone; returns its RGBA bytes.
size_t atlas_bytes(bool app_fonts, float scale, std::unique_ptr<ImFontAtlas>* keep = nullptr) {
  auto atlas = std::make_unique<ImFontAtlas>();
  ImFontConfig config;
  if (app_fonts) {
    ui_font::add_fonts(atlas.get(), scale);
  } else {  // what the English-only build had: ImGui's default font, default oversampling
    config.SizePixels = 13.0f * scale;
    atlas->AddFontDefault(&config);
  }
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
  size_t bytes = static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
  if (keep) *keep = std::move(atlas);
  return bytes;
}

}  // namespace

TEST_CASE("the cut UI font has a glyph for every character in its ranges, Hangul included") {
  std::unique_ptr<ImFontAtlas> atlas;
  atlas_bytes(true, 1.0f, &atlas);
  REQUIRE(atlas->Fonts.Size == 2);
  const ImFont* font = atlas->Fonts[0];
  int characters = 0, hangul = 0;
  for (const ImWchar* range = ui_font::kRanges; range[0] != 0; range += 2)
    for (unsigned c = range[0]; c <= range[1]; ++c) {
      CAPTURE(c);
      CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
      ++characters;
      if (c >= 0xAC00 && c <= 0xD7A3) ++hangul;
    }
  CHECK(characters == static_cast<int>(ui_font::kCharacterCount));
  CHECK(hangul > 300);  // the tables' syllables, not just ASCII
}

TEST_CASE("the UI fonts' atlas at 1x, 2x and a phone's 3x, against the English-only build's") {
  for (float scale : {1.0f, 2.0f, 3.0f}) {
    size_t nanum = atlas_bytes(true, scale), proggy = atlas_bytes(false, scale);
    MESSAGE("atlas at " << scale << "x: NanumGothic subset + ProggyClean " << nanum / 1024
                        << " KiB; the English-only build's ProggyClean " << proggy / 1024 << " KiB");
    CHECK(nanum <= size_t{16} << 20);  // a 2048 x 2048 RGBA texture at most
  }
}
