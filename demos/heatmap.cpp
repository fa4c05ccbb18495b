#include "demos/heatmap.h"

#include <algorithm>
#include <cmath>

const ImVec4 kHeatmapPalette[5] = {
    ImVec4(245 / 255.0f, 147 / 255.0f, 34 / 255.0f, 1),   // orange
    ImVec4(64 / 255.0f, 140 / 255.0f, 220 / 255.0f, 1),   // blue
    ImVec4(90 / 255.0f, 190 / 255.0f, 90 / 255.0f, 1),    // green
    ImVec4(200 / 255.0f, 90 / 255.0f, 200 / 255.0f, 1),   // purple
    ImVec4(230 / 255.0f, 210 / 255.0f, 70 / 255.0f, 1),   // yellow
};
const ImVec4 kHeatmapBackground(24 / 255.0f, 26 / 255.0f, 32 / 255.0f, 1);

namespace {

HeatmapBackend g_backend = nullptr;

ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

void draw_on_cpu(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const HeatmapImage& image, bool discretize) {
  float cw = (max.x - min.x) / static_cast<float>(image.width), ch = (max.y - min.y) / static_cast<float>(image.height);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      ImVec2 a(std::floor(min.x + cw * static_cast<float>(x)), std::floor(min.y + ch * static_cast<float>(y)));
      ImVec2 b(std::floor(min.x + cw * static_cast<float>(x + 1)), std::floor(min.y + ch * static_cast<float>(y + 1)));
      draw_list->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(heatmap_color(image, x, y, discretize)));
    }
}

}  // namespace

ImVec4 heatmap_color(const HeatmapImage& image, int x, int y, bool discretize) {
  const float* t = &image.texels[(static_cast<size_t>(y) * image.width + x) * image.channels()];
  if (image.kind == HeatmapKind::Diverging) {
    float v = std::clamp(t[0], -1.0f, 1.0f);
    if (discretize) v = v >= 0 ? 1.0f : -1.0f;
    return mix(kHeatmapBackground, v >= 0 ? kHeatmapPalette[1] : kHeatmapPalette[0], 0.15f + 0.7f * std::fabs(v));
  }
  float p[5] = {t[0], t[1], t[2], t[3], std::max(0.0f, 1.0f - t[0] - t[1] - t[2] - t[3])};
  int classes = std::clamp(image.classes, 2, 5), best = 0;
  ImVec4 blended(0, 0, 0, 1);
  for (int k = 0; k < classes; ++k) {
    blended.x += p[k] * kHeatmapPalette[k].x;
    blended.y += p[k] * kHeatmapPalette[k].y;
    blended.z += p[k] * kHeatmapPalette[k].z;
    if (p[k] > p[best]) best = k;
  }
  float uniform_p = 1.0f / static_cast<float>(classes);
  float confidence = std::clamp((p[best] - uniform_p) / (1.0f - uniform_p), 0.0f, 1.0f);
  if (discretize) {
    blended = kHeatmapPalette[best];
    confidence = 1.0f;
  }
  return mix(kHeatmapBackground, blended, 0.15f + 0.7f * confidence);
}

void draw_heatmap(ImVec2 min, ImVec2 max, const HeatmapImage& image, int slot, bool discretize) {
  if (image.width <= 0 || image.height <= 0) return;
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  if (g_backend) g_backend(draw_list, min, max, image, slot, discretize);
  else draw_on_cpu(draw_list, min, max, image, discretize);
}

void set_heatmap_backend(HeatmapBackend backend) { g_backend = backend; }
