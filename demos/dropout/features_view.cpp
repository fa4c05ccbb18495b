// Co-adaptation made visible: first-layer weights of both networks drawn as
// 28x28 images (Srivastava et al. 2014, figure 7) and the histogram of
// hidden activations (figure 8). Without dropout, units can rely on each
// other to fix up their mistakes, so a single feature may mean little on its
// own; with dropout each unit must be useful among random others.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/narrow_view.h"
#include "imgui.h"

using namespace dropout_ui;

void DropoutDemo::refresh_weight_images() {
  // Twice a second at most: 72 textures to upload.
  double now = now_seconds();
  bool fresh = weight_images_step_ == trainer_.steps() || now - weight_images_time_ < 0.5;
  if (fresh && weight_images_step_ >= 0) return;
  weight_images_step_ = trainer_.steps();
  weight_images_time_ = now;
  const ClassificationData& data = trainer_.data();
  const Tensor& start = trainer_.initial_first_layer();
  for (int t = 0; t < 2; ++t) {
    Tensor w = trainer_.network(static_cast<Twin>(t)).layers()[0].weight.value.clone();  // [784, width]
    // What training added: both networks start from the same random weights,
    // whose noise would otherwise hide the first epochs' learning.
    if (show_weight_change_)
      for (int i = 0; i < w.size(); ++i) w[i] -= start[i];
    int units = std::min(kWeightImages, w.dim(1));
    weight_images_[t].resize(static_cast<size_t>(units));
    for (int j = 0; j < units; ++j) {
      HeatmapImage& image = weight_images_[t][static_cast<size_t>(j)];
      image.kind = HeatmapKind::Diverging;
      image.resize(data.image_cols, data.image_rows);
      float largest = 1e-6f;  // each unit scaled to its own largest weight, as in the paper's figure
      for (int i = 0; i < w.dim(0); ++i) largest = std::max(largest, std::fabs(w[i * w.dim(1) + j]));
      for (int i = 0; i < w.dim(0); ++i) image.texels[static_cast<size_t>(i)] = w[i * w.dim(1) + j] / largest;
      ++image.version;
    }
  }
}

void DropoutDemo::draw_features_view() {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const ClassificationData& data = trainer_.data();
  float histogram_height = std::min(250.0f, avail.y * 0.36f);

  if (data.is_images()) {
    refresh_weight_images();
    ImGui::TextWrapped(tr("The first %d hidden units of layer 1: each unit's 784 incoming weights drawn as a 28x28 image "
                          "(blue positive, orange negative)."),
                       kWeightImages);
    if (ImGui::Checkbox(tr_id("what training changed: W - W0"), &show_weight_change_)) weight_images_step_ = -1;
    help_marker("Both networks start from the same random weights W0, whose noise hides what a short run learns; "
                "subtracting them shows it. Srivastava et al. (figure 7) found that without dropout single units "
                "co-adapt, and mean little on their own, while with dropout each unit detects a part (a stroke, an "
                "edge) by itself. Compare how varied the units are, and look for dead units (one flat colour).");
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float panel = (avail.x - 16) * 0.5f;
    float grid_height = avail.y - histogram_height - ImGui::GetTextLineHeightWithSpacing() * 3 - 30;
    float cell = std::min(panel / 6, grid_height / 6);
    const char* titles[2] = {tr("no dropout"), tr("dropout")};
    for (int t = 0; t < 2; ++t) {
      ImVec2 min(origin.x + static_cast<float>(t) * (panel + 16), origin.y + 18);
      draw->AddText(ImVec2(min.x, origin.y), color_u32(t == 0 ? kPlainColor : kDropoutColor), titles[t]);
      const std::vector<HeatmapImage>& images = weight_images_[t];
      for (int j = 0; j < static_cast<int>(images.size()); ++j) {
        ImVec2 a(min.x + cell * static_cast<float>(j % 6), min.y + cell * static_cast<float>(j / 6));
        ImVec2 b(a.x + cell - 2, a.y + cell - 2);
        draw_heatmap(a, b, images[static_cast<size_t>(j)], kSlotWeights + t * kWeightImages + j, false);
      }
    }
    ImGui::Dummy(ImVec2(avail.x, cell * 6 + 22));
  } else {
    ImGui::TextWrapped("%s", tr("On 2-D points a first-layer unit has only two weights; the co-adaptation shows in the "
                                "boundaries of the Training tab instead. The activations below still tell the story."));
  }

  // Histogram of one hidden layer's activations over the probe examples, both networks on one range.
  int layers = static_cast<int>(trainer_.activations(Twin::Plain).size());
  histogram_layer_ = std::clamp(histogram_layer_, 1, std::max(1, layers));
  if (layers == 0) return;
  ImGui::SetNextItemWidth(120);
  ImGui::SliderInt(tr_id("hidden layer"), &histogram_layer_, 1, layers);
  help_marker("ReLU activations of this layer for the first 100 test examples, measured with the test-time "
              "network. Srivastava et al. (figure 8) found dropout makes activations sparse: most units are off "
              "for a given example, and the few that fire carry the information.");
  const ActivationStats& plain = trainer_.activations(Twin::Plain)[static_cast<size_t>(histogram_layer_ - 1)];
  const ActivationStats& dropped = trainer_.activations(Twin::Dropout)[static_cast<size_t>(histogram_layer_ - 1)];
  ImGui::TextColored(kPlainColor, tr("no dropout: %.0f%% zero, mean %.3f"), 100.0 * static_cast<double>(plain.zero_fraction),
                     static_cast<double>(plain.mean));
  const std::string dropout_stats = i18n::format(tr("dropout: %.0f%% zero, mean %.3f"),
                                                 100.0 * static_cast<double>(dropped.zero_fraction),
                                                 static_cast<double>(dropped.mean));
  same_line_if_fits(ImGui::CalcTextSize(dropout_stats.c_str()).x);
  ImGui::TextColored(kDropoutColor, "%s", dropout_stats.c_str());

  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size(avail.x, std::max(60.0f, ImGui::GetContentRegionAvail().y - 4));
  ImVec2 min(origin.x + 40, origin.y + 4), max(origin.x + size.x - 4, origin.y + size.y - 18);
  draw->AddRectFilled(min, max, IM_COL32(24, 26, 32, 255));
  size_t bins = plain.histogram.size();
  float tallest = 1e-6f;
  for (size_t b = 0; b < bins; ++b) tallest = std::max({tallest, plain.histogram[b], dropped.histogram[b]});
  float bin_width = (max.x - min.x) / static_cast<float>(std::max<size_t>(1, bins));
  for (size_t b = 0; b < bins; ++b) {
    float x = min.x + bin_width * static_cast<float>(b);
    for (int t = 0; t < 2; ++t) {  // side by side within the bin
      float v = (t == 0 ? plain : dropped).histogram[b] / tallest;
      float left = x + 1 + static_cast<float>(t) * (bin_width - 2) * 0.5f;
      draw->AddRectFilled(ImVec2(left, max.y - v * (max.y - min.y)), ImVec2(left + (bin_width - 2) * 0.5f, max.y),
                          color_u32(t == 0 ? kPlainColor : kDropoutColor, 0.85f));
    }
  }
  std::string label = i18n::format(tr("activation > 0, up to %.2f"), static_cast<double>(plain.top));
  draw->AddText(ImVec2(min.x, max.y + 2), kLabelColor, label.c_str());
  draw->AddText(ImVec2(origin.x, min.y), kLabelColor, tr("share"));
  ImGui::Dummy(size);
}
