#include "app/text_clipping.h"

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // the windows that scroll sideways

namespace {

uint64_t uv_key(ImVec2 uv) {
  uint32_t u, v;
  std::memcpy(&u, &uv.x, 4);
  std::memcpy(&v, &uv.y, 4);
  return (uint64_t{u} << 32) | v;
}

// Clip rectangles of windows that scroll sideways (a wide beam-search
// lattice, say, drawn with a horizontal scrollbar): text cut there is one
// drag away, not lost.
std::vector<ImRect> sideways_scrolling_areas() {
  std::vector<ImRect> areas;
  for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
    if (window->Active && window->ScrollbarX) areas.push_back(window->InnerClipRect);
  return areas;
}

bool inside_any(const ImVec4& clip, const std::vector<ImRect>& areas) {
  for (const ImRect& area : areas)
    if (clip.x >= area.Min.x - 1 && clip.z <= area.Max.x + 1 && clip.y >= area.Min.y - 1 && clip.w <= area.Max.y + 1)
      return true;
  return false;
}

}  // namespace

int count_horizontally_clipped_glyphs(const ImDrawData* draw_data, std::vector<ImVec2>* where) {
  if (!draw_data || !draw_data->Valid) return 0;
  // A glyph is drawn as a quad whose first vertex carries the glyph's (U0, V0)
  // and whose third its (U1, V1) (ImDrawList::PrimRectUV's order). A label
  // clipped to its frame (a button, a tab) is cut on the CPU instead: its last
  // glyph's right edge then stops short of U1.
  std::unordered_map<uint64_t, float> glyph_corners;  // (U0, V0) -> U1
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (const ImFont* font : atlas->Fonts)
    for (const ImFontGlyph& glyph : font->Glyphs)
      if (glyph.Visible) glyph_corners.emplace(uv_key(ImVec2(glyph.U0, glyph.V0)), glyph.U1);
  const std::vector<ImRect> scrolling = sideways_scrolling_areas();
  int clipped = 0;
  for (int l = 0; l < draw_data->CmdListsCount; ++l) {
    const ImDrawList* list = draw_data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != atlas->TexID || inside_any(cmd.ClipRect, scrolling)) continue;
      // Each glyph quad is six indices: (0, 1, 2) and (0, 2, 3).
      for (unsigned i = 0; i + 5 < cmd.ElemCount; ++i) {
        unsigned first = cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)];
        if (first + 2 >= static_cast<unsigned>(list->VtxBuffer.Size)) continue;
        const ImDrawVert& top_left = list->VtxBuffer[static_cast<int>(first)];
        auto corner = glyph_corners.find(uv_key(top_left.uv));
        if (corner == glyph_corners.end()) continue;
        if (list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)] + cmd.VtxOffset != first + 2) continue;
        const ImDrawVert& bottom_right = list->VtxBuffer[static_cast<int>(first + 2)];
        constexpr float kSlack = 1.0f;  // anti-aliased edges may overhang by a pixel
        bool cut_by_cpu = bottom_right.uv.x < corner->second - 1e-6f;
        if (cut_by_cpu || top_left.pos.x < cmd.ClipRect.x - kSlack || bottom_right.pos.x > cmd.ClipRect.z + kSlack) {
          ++clipped;
          if (where && where->size() < 8) where->push_back(top_left.pos);
        }
        i += 5;
      }
    }
  }
  return clipped;
}
