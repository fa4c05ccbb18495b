#include "demos/style_transfer/value_pictures.h"

#include <algorithm>
#include <cmath>

namespace {

// Stops of the scale, evenly spaced from 0 to 1.
constexpr float kStops[5][3] = {
    {0.05f, 0.03f, 0.20f}, {0.15f, 0.25f, 0.55f}, {0.10f, 0.55f, 0.60f}, {0.55f, 0.80f, 0.35f}, {0.99f, 0.92f, 0.25f}};

}  // namespace

void set_value_picture(RgbImage& picture, const std::vector<float>& values, int width, int height, float lo,
                       float hi) {
  picture.width = width;
  picture.height = height;
  picture.rgba.assign(static_cast<size_t>(width) * height * 4, 255);
  float span = hi > lo ? hi - lo : 1.0f;
  for (size_t i = 0; i < values.size() && i < static_cast<size_t>(width) * height; ++i) {
    float t = std::isfinite(values[i]) ? std::clamp((values[i] - lo) / span, 0.0f, 1.0f) : 0.0f;
    float position = t * 4.0f;
    int stop = std::min(static_cast<int>(position), 3);
    float f = position - static_cast<float>(stop);
    for (int c = 0; c < 3; ++c) {
      float v = kStops[stop][c] + f * (kStops[stop + 1][c] - kStops[stop][c]);
      picture.rgba[4 * i + static_cast<size_t>(c)] = static_cast<uint8_t>(std::lround(v * 255.0f));
    }
  }
  ++picture.version;
}

float largest_value(const std::vector<float>& values) {
  float largest = 0;
  for (float v : values)
    if (std::isfinite(v)) largest = std::max(largest, v);
  return largest;
}
