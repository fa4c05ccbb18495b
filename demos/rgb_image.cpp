#include "demos/rgb_image.h"

#include <algorithm>
#include <cmath>

namespace {
RgbImageBackend g_backend = nullptr;
}  // namespace

void set_rgb_image_from_planes(RgbImage& image, const float* planes, int width, int height) {
  if (width <= 0 || height <= 0) {
    image.width = image.height = 0;
    image.rgba.clear();
    ++image.version;
    return;
  }
  size_t pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
  image.width = width;
  image.height = height;
  image.rgba.resize(pixels * 4);
  for (size_t c = 0; c < 3; ++c) {
    const float* plane = planes + c * pixels;
    for (size_t i = 0; i < pixels; ++i) {
      // NaN (a diverged optimisation) shows as black rather than as undefined bytes.
      float v = std::isnan(plane[i]) ? 0.0f : std::clamp(plane[i], 0.0f, 1.0f);
      image.rgba[i * 4 + c] = static_cast<uint8_t>(std::lround(v * 255.0f));
    }
  }
  for (size_t i = 0; i < pixels; ++i) image.rgba[i * 4 + 3] = 255;
  ++image.version;
}

void draw_rgb_image(ImVec2 min, ImVec2 max, const RgbImage& image, int slot, bool nearest) {
  if (!g_backend || image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4)
    return;
  g_backend(ImGui::GetWindowDrawList(), min, max, image, slot, nearest);
}

void set_rgb_image_backend(RgbImageBackend backend) { g_backend = backend; }
