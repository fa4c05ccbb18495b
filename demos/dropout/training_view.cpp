// The dropout demo's main view: tabs, the data's loading state, and the
// training tab (curves of both networks; decision boundaries on 2-D data).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/narrow_view.h"
#include "demos/view_tabs.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

constexpr int kBoundaryResolution = 40;
constexpr double kBoundaryRefreshSeconds = 0.25;

// Centres of a resolution^2 grid over the plane, row 0 at the top.
std::vector<float> grid_points(int resolution) {
  std::vector<float> xy;
  for (int row = 0; row < resolution; ++row)
    for (int col = 0; col < resolution; ++col) {
      float u = (static_cast<float>(col) + 0.5f) / static_cast<float>(resolution);
      float v = (static_cast<float>(row) + 0.5f) / static_cast<float>(resolution);
      xy.push_back(-kPlaneExtent + 2 * kPlaneExtent * u);
      xy.push_back(kPlaneExtent - 2 * kPlaneExtent * v);
    }
  return xy;
}

}  // namespace

void DropoutDemo::draw() {
  url_tab_bar("dropout_views",
              {translatable("Training"), translatable("Thinned network"), translatable("Features"),
               translatable("Inference"), translatable("Dropout = L2"), translatable("Notes")},
              &view_);
  View view = static_cast<View>(view_);
  if (view == View::Regulariser) return draw_regulariser_view();
  if (view == View::Notes) return draw_notes_view();
  if (!trainer_.ready()) return draw_data_status();
  switch (view) {
    case View::Training: draw_training_view(); break;
    case View::Thinned: draw_thinned_view(); break;
    case View::Features: draw_features_view(); break;
    case View::Inference: draw_inference_view(); break;
    default: break;
  }
}

void DropoutDemo::draw_data_status() {
  ImGui::Spacing();
  if (wants_images() && !asset_error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
    ImGui::TextWrapped("%s", tr("Fashion-MNIST could not be loaded:"));
    ImGui::TextWrapped("%s", tr(asset_error_.c_str()));  // the demo's own message is in the table; the engine's stay English
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("The same experiment runs on noisy 2-D points, where overfitting shows as a wiggly boundary."));
    if (ImGui::Button(tr_id("Use the 2-D data (moons) instead"))) use_points_instead();
  } else if (wants_images()) {
    ImGui::TextUnformatted(tr("Loading Fashion-MNIST (10,000 training and 2,000 test images, 9 MB)..."));
    ImGui::ProgressBar(asset_progress_, ImVec2(std::min(400.0f, ImGui::GetContentRegionAvail().x), 0));
  } else {
    ImGui::TextUnformatted(tr("No data."));
  }
}

void DropoutDemo::draw_training_view() {
  const Metrics &plain = trainer_.metrics(Twin::Plain), &dropped = trainer_.metrics(Twin::Dropout);
  // The names in one column, as wide as the longer one in the UI's language.
  float name_width = std::max(ImGui::CalcTextSize(tr("no dropout")).x, ImGui::CalcTextSize(tr("dropout")).x);
  auto line = [name_width](const char* name, const Metrics& m, ImVec4 color) {
    float x = ImGui::GetCursorPosX();
    ImGui::TextColored(color, "%s", name);
    ImGui::SameLine(x + name_width + ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::TextWrapped("%s", i18n::format(tr("train %.3f / %4.1f%%   test %.3f / %4.1f%%   gap (test - train error) %4.1f%%"),
                                          static_cast<double>(m.train_loss), 100.0 * static_cast<double>(m.train_error),
                                          static_cast<double>(m.test_loss), 100.0 * static_cast<double>(m.test_error),
                                          100.0 * static_cast<double>(m.test_error - m.train_error)).c_str());
  };
  text_disabled_wrapped(i18n::format(trainer_.evaluating()
                                         ? tr("loss / error, measured with the test-time network at epoch %.1f (measuring...)")
                                         : tr("loss / error, measured with the test-time network at epoch %.1f"),
                                     trainer_.epochs()).c_str());
  line(tr("no dropout"), plain, kPlainColor);
  line(tr("dropout"), dropped, kDropoutColor);

  draw_chart_legend();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (trainer_.data().is_images()) {
    float height = (avail.y - 12) * 0.5f;
    draw_loss_chart(translatable("cross-entropy loss"), false, ImVec2(avail.x, height));
    draw_loss_chart(translatable("error (fraction misclassified)"), true, ImVec2(avail.x, height));
    return;
  }
  float side = std::min((avail.x - 16) * 0.5f, avail.y * 0.5f);
  draw_boundaries(ImGui::GetCursorScreenPos(), side);
  float height = ImGui::GetContentRegionAvail().y - 4;
  float width = (avail.x - 12) * 0.5f;
  draw_loss_chart(translatable("cross-entropy loss"), false, ImVec2(width, height));
  ImGui::SameLine(0, 12);
  draw_loss_chart(translatable("error"), true, ImVec2(width, height));
}

void DropoutDemo::refresh_boundaries() {
  if (!trainer_.ready() || trainer_.data().is_images()) return;
  double now = now_seconds();
  if (boundary_twin_next_ == 0) {  // a fresh pair of maps is due when training moved on, at most 4 times a second
    bool stale = boundaries_step_ != trainer_.steps() || boundaries_[0].width == 0;
    if (!stale || (boundaries_step_ >= 0 && now - boundaries_time_ < kBoundaryRefreshSeconds)) return;
    boundaries_step_ = trainer_.steps();
    boundaries_time_ = now;
  }
  // One network per call: each map is 1,600 passes through the wide network.
  Twin twin = static_cast<Twin>(boundary_twin_next_);
  std::vector<float> xy = grid_points(kBoundaryResolution);
  Tensor p = row_softmax(deterministic_logits(trainer_.network(twin), xy.data(), kBoundaryResolution * kBoundaryResolution));
  HeatmapImage& map = boundaries_[boundary_twin_next_];
  map.kind = HeatmapKind::ClassProbabilities;
  map.classes = trainer_.data().classes;
  map.resize(kBoundaryResolution, kBoundaryResolution);
  int classes = trainer_.data().classes;
  for (int i = 0; i < kBoundaryResolution * kBoundaryResolution; ++i)
    for (int k = 0; k < std::min(classes, 4); ++k) map.texels[static_cast<size_t>(i) * 4 + k] = p[i * classes + k];
  ++map.version;
  boundary_twin_next_ = 1 - boundary_twin_next_;
}

void DropoutDemo::draw_boundaries(ImVec2 origin, float side) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ClassificationData& data = trainer_.data();
  const char* titles[2] = {tr("no dropout"), tr("dropout")};
  for (int t = 0; t < 2; ++t) {
    ImVec2 min(origin.x + static_cast<float>(t) * (side + 16), origin.y + 20);
    ImVec2 max(min.x + side, min.y + side);
    draw->AddText(ImVec2(min.x, origin.y), ImGui::ColorConvertFloat4ToU32(t == 0 ? kPlainColor : kDropoutColor), titles[t]);
    if (boundaries_[t].width > 0) draw_heatmap(min, max, boundaries_[t], kSlotBoundaries + t, false);
    draw->PushClipRect(min, max, true);
    for (int i = 0; i < data.train_size(); ++i) {
      ImVec2 s = plane_to_screen(min, side, data.train_x[2 * static_cast<size_t>(i)], data.train_x[2 * static_cast<size_t>(i) + 1]);
      ImU32 color = ImGui::ColorConvertFloat4ToU32(kHeatmapPalette[std::clamp(data.train_labels[static_cast<size_t>(i)], 0, 4)]);
      draw->AddCircleFilled(s, 3.5f, color);
      draw->AddCircle(s, 3.5f, IM_COL32(255, 255, 255, 200));
    }
    draw->PopClipRect();
    draw->AddRect(min, max, IM_COL32(255, 255, 255, 70));
  }
  ImGui::Dummy(ImVec2(2 * side + 16, side + 20));
  ImGui::TextDisabled("%s", tr("Training points; the background is each network's test-time prediction."));
}
