// Showing an RGB picture (a photo, a stylised result, a feature map) in the
// main view. Demos fill an RgbImage and call draw_rgb_image(); the app
// registers a GPU texture backend at startup (app/). Without one (unit tests),
// nothing is drawn but the call is valid.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

struct RgbImage {
  int width = 0, height = 0;   // pixels; row 0 is the top
  std::vector<uint8_t> rgba;   // width * height * 4, alpha 255 for opaque
  unsigned version = 0;        // bump after changing pixels so the GPU copy is refreshed
};

// From planar floats [3, H, W] in [0, 1] (clamped), as the engine's images are.
void set_rgb_image_from_planes(RgbImage& image, const float* planes, int width, int height);

// Draws `image` stretched over [min, max]; `slot` names its cached texture.
// nearest = true shows pixels as blocks (small feature maps and Gram matrices).
void draw_rgb_image(ImVec2 min, ImVec2 max, const RgbImage& image, int slot, bool nearest = false);

using RgbImageBackend = void (*)(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const RgbImage& image, int slot,
                                 bool nearest);
void set_rgb_image_backend(RgbImageBackend backend);
