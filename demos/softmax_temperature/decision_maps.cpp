// What each distillation network predicts over the whole plane: one cell per
// grid point, in the colour of its predicted class, brighter where the
// network is surer. The hard-label student draws boundaries wherever its 50
// points allow; the distilled one follows the teacher's spiral arms.
#include <algorithm>
#include <cmath>

#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"

using namespace temperature_ui;

namespace {

constexpr int kMapResolution = 36;
constexpr double kRefreshSeconds = 0.25;

// Cell centres, row 0 at the top; the same plane as map_to_screen's.
Dataset2D plane_grid() {
  Dataset2D grid;
  for (int row = 0; row < kMapResolution; ++row)
    for (int col = 0; col < kMapResolution; ++col) {
      float u = (static_cast<float>(col) + 0.5f) / kMapResolution, v = (static_cast<float>(row) + 0.5f) / kMapResolution;
      grid.x.push_back(-kPlaneExtent + 2 * kPlaneExtent * u);
      grid.x.push_back(kPlaneExtent - 2 * kPlaneExtent * v);
      grid.label.push_back(0);
    }
  return grid;
}

}  // namespace

void TemperatureDemo::refresh_decision_maps() {
  Distillation& d = *distillation_;
  if (d.phase() == Distillation::Phase::Teacher || d.phase() == Distillation::Phase::Failed) return;
  double now = now_seconds();
  if (maps_step_ == d.student_steps() || now - maps_time_ < kRefreshSeconds) return;
  maps_step_ = d.student_steps();
  maps_time_ = now;
  static const Dataset2D grid = plane_grid();
  if (maps_[2].empty()) maps_[2] = d.teacher_logits(grid);
  for (int s = 0; s < 2; ++s) maps_[s] = d.student_logits(static_cast<Student>(s), grid);
}

// Cells of one network's map, then the transfer points, inside the chart `c`.
void temperature_ui::draw_map(const ChartArea& c, const Tensor& logits, int classes, const Dataset2D& points) {
  if (logits.empty() || logits.dim(0) != kMapResolution * kMapResolution) return;
  float cell_w = (c.max.x - c.min.x) / kMapResolution, cell_h = (c.max.y - c.min.y) / kMapResolution;
  for (int i = 0; i < kMapResolution * kMapResolution; ++i) {
    const float* z = logits.data() + static_cast<size_t>(i) * classes;
    SoftmaxSummary p = summarize_softmax(std::vector<float>(z, z + classes), 1.0);
    int predicted = static_cast<int>(std::max_element(z, z + classes) - z);
    // Certainty from 1/K (dark) to 1 (bright), mixed with the panel colour here (opaque cells are cheap to fill).
    float strength = static_cast<float>((p.max_probability - 1.0 / classes) / (1 - 1.0 / classes));
    ImVec4 color = kClassColors[predicted % 4];
    float a = 0.15f + 0.6f * std::clamp(strength, 0.0f, 1.0f);
    ImU32 cell = ImGui::ColorConvertFloat4ToU32(ImVec4(0.094f + (color.x - 0.094f) * a, 0.1f + (color.y - 0.1f) * a,
                                                       0.125f + (color.z - 0.125f) * a, 1));
    int row = i / kMapResolution, col = i % kMapResolution;
    ImVec2 lo(std::floor(c.min.x + cell_w * static_cast<float>(col)), std::floor(c.min.y + cell_h * static_cast<float>(row)));
    ImVec2 hi(std::floor(c.min.x + cell_w * static_cast<float>(col + 1)),
              std::floor(c.min.y + cell_h * static_cast<float>(row + 1)));
    c.draw->AddRectFilled(lo, hi, cell);
  }
  for (int i = 0; i < points.size(); ++i) {
    ImVec2 p = map_to_screen(c, points.x[2 * static_cast<size_t>(i)], points.x[2 * static_cast<size_t>(i) + 1]);
    c.draw->AddCircleFilled(p, 3.5f, ImGui::ColorConvertFloat4ToU32(kClassColors[points.label[static_cast<size_t>(i)] % 4]));
    c.draw->AddCircle(p, 3.5f, IM_COL32(0, 0, 0, 200));
  }
}

void TemperatureDemo::draw_decision_map(int student, const char* title, float side) {
  ChartArea c = begin_chart(title, tr(title), ImVec2(side, side + 20), 2, 2);
  draw_map(c, maps_[student], distillation_->config().classes, distillation_->transfer_data());
}
