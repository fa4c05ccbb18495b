#include "demos/dropout/view_common.h"

#include <algorithm>
#include <cmath>

namespace dropout_ui {

namespace {

// Fashion-MNIST's class names as the asset spells them (tools/make_image_asset.js),
// marked here for the Korean table: the asset's own strings are translated when shown.
[[maybe_unused]] constexpr const char* kFashionClassNames[] = {
    translatable("T-shirt/top"), translatable("Trouser"), translatable("Pullover"), translatable("Dress"),
    translatable("Coat"),        translatable("Sandal"),  translatable("Shirt"),    translatable("Sneaker"),
    translatable("Bag"),         translatable("Ankle boot")};

}  // namespace

std::string shown_class_name(const ClassificationData& data, int k) {
  if (!data.is_images()) return i18n::format(tr("class %d"), k);  // points_from_generator's "class k"
  return tr(data.class_names[static_cast<size_t>(k)].c_str());
}

void dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color, float thickness, float dash,
                     float gap) {
  float period = dash + gap, phase = 0;  // distance along the line, modulo one dash and gap
  for (size_t i = 1; i < points.size(); ++i) {
    ImVec2 a = points[i - 1], b = points[i];
    float dx = b.x - a.x, dy = b.y - a.y, length = std::sqrt(dx * dx + dy * dy);
    float along = 0;
    while (along < length) {
      float in_period = std::fmod(phase + along, period);
      float run = in_period < dash ? dash - in_period : period - in_period;
      float end = std::min(length, along + run);
      if (in_period < dash && length > 0)
        draw->AddLine(ImVec2(a.x + dx * along / length, a.y + dy * along / length),
                      ImVec2(a.x + dx * end / length, a.y + dy * end / length), color, thickness);
      along = end;
    }
    phase = std::fmod(phase + length, period);
  }
}

void draw_grey_image(ImDrawList* draw, ImVec2 min, float pixel, const float* values, int rows, int cols,
                     const float* kept) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      int i = r * cols + c;
      ImVec2 a(min.x + pixel * static_cast<float>(c), min.y + pixel * static_cast<float>(r));
      ImVec2 b(a.x + pixel, a.y + pixel);
      ImU32 color;
      if (kept && kept[i] == 0.0f) {
        color = IM_COL32(150, 40, 40, 255);  // a dropped pixel: red, so it reads as "removed", not as dark
      } else {
        int v = static_cast<int>(std::clamp(values[i], 0.0f, 1.0f) * 255.0f);
        color = IM_COL32(v, v, v, 255);
      }
      draw->AddRectFilled(a, b, color);
    }
}

}  // namespace dropout_ui
