// Heat maps of a network's outputs over the plane, drawn by a GLSL ES 3.0
// shader (shaders/heatmap.frag.glsl) from a float texture.
//
// Demos fill a HeatmapImage and call draw_heatmap(); the app registers the
// GPU backend at startup (app/heatmap_renderer.cpp). Without one (unit tests,
// tools) the same colours are drawn as rectangles on the CPU.
#pragma once

#include <vector>

#include "imgui.h"

enum class HeatmapKind {
  Diverging = 0,           // one value per texel in [-1, 1]: orange < 0 < blue (a neuron's activation)
  ClassProbabilities = 1,  // up to 4 channels p0..p3, p4 = 1 - sum: blended class colours, intensity = confidence
};

struct HeatmapImage {
  HeatmapKind kind = HeatmapKind::Diverging;
  int width = 0, height = 0;  // texels; row 0 is the top of the picture
  int classes = 2;            // for ClassProbabilities
  std::vector<float> texels;  // width * height * channels()
  unsigned version = 0;       // bump after changing texels, so the GPU copy is refreshed

  // One value per texel for Diverging (a single-channel texture: a quarter of
  // the upload), four for ClassProbabilities. Set `kind` before resize().
  int channels() const { return kind == HeatmapKind::Diverging ? 1 : 4; }
  void resize(int w, int h) {
    width = w;
    height = h;
    texels.assign(static_cast<size_t>(w) * h * channels(), 0.0f);
  }
};

// Class colours, TensorFlow Playground's orange and blue first.
extern const ImVec4 kHeatmapPalette[5];
extern const ImVec4 kHeatmapBackground;

// Colour of one texel, exactly as the shader computes it.
ImVec4 heatmap_color(const HeatmapImage& image, int x, int y, bool discretize);

// Draws `image` stretched over the screen rectangle [min, max]. `slot` names
// the GPU texture that caches it (one per image shown in a frame).
void draw_heatmap(ImVec2 min, ImVec2 max, const HeatmapImage& image, int slot, bool discretize);

using HeatmapBackend = void (*)(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const HeatmapImage& image, int slot,
                                bool discretize);
void set_heatmap_backend(HeatmapBackend backend);
