#include "demos/style_transfer/inside_panel.h"

#include <algorithm>
#include <cstdio>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "demos/style_transfer/value_pictures.h"
#include "imgui.h"

namespace {

const char* const kPictureNames[3] = {translatable("content"), translatable("style"), translatable("output")};

}  // namespace

void InsidePanel::declare_state(StateFields& f) {
  f.choice("in_layer", &layer_, inside_layer_names(), 1);
  f.integer("in_channel", &channel_, 0, 0, 511);
}

void InsidePanel::update(const LossNetworkChoice& network, const Tensor& content, const Tensor& style,
                         const Tensor& output, unsigned inputs_version) {
  Bytes message;
  while (task_.poll(&message)) {
    InsideAnalysis fresh;
    if (decode_inside_analysis(message, &fresh, &error_)) {
      analysis_ = fresh;
      error_.clear();
      refresh_pictures();
    }
  }
  if (!task_.error().empty()) error_ = task_.error();
  if (content.empty() || style.empty()) return;
  char key[96];
  std::snprintf(key, sizeof key, "%d|%d|%d|%u|%zu", layer_, channel_, static_cast<int>(network.kind), inputs_version,
                network.classifier_weights.size());
  // One analysis at a time: while the output changes every iteration, the
  // panel shows the latest finished one and asks again when it is done.
  if (key == requested_key_ || task_.running()) return;
  requested_key_ = key;
  InsideRequest request;
  request.network = network;
  request.layer = layer_;
  request.channel = channel_;
  request.pictures[0] = content;
  request.pictures[1] = style;
  request.pictures[2] = output;
  task_.start("inside", encode_inside_request(request));
}

void InsidePanel::refresh_pictures() {
  const InsideAnalysis& a = analysis_;
  // One scale for the three feature maps and one for the Gram matrices, the
  // style's: the output's picture matches the style's when its numbers do.
  const InsidePicture& style = a.pictures[1];
  float map_top = largest_value(style.map), gram_top = largest_value(style.gram);
  for (int i = 0; i < 3; ++i) {
    const InsidePicture& p = a.pictures[i];
    if (!p.present) continue;
    set_value_picture(maps_[i], p.map, p.width, p.height, 0, std::max(map_top, largest_value(p.map) * 0.5f));
    set_value_picture(grams_[i], p.gram, p.channels, p.channels, 0, gram_top);
  }
  set_value_picture(shuffled_map_, a.shuffled_map, style.width, style.height, 0, map_top);
  set_value_picture(shuffled_gram_, a.shuffled_gram, style.channels, style.channels, 0, gram_top);
}

void InsidePanel::controls() {
  const std::vector<std::string>& names = inside_layer_names();
  if (ImGui::BeginCombo(tr_id("layer"), tr(names[static_cast<size_t>(layer_)].c_str()))) {
    for (int i = 0; i < static_cast<int>(names.size()); ++i)
      if (ImGui::Selectable(tr(names[static_cast<size_t>(i)].c_str()), i == layer_)) layer_ = i;
    ImGui::EndCombo();
  }
  help_marker("Which layer of the loss network to look at. \"pixels\" is the picture itself: its Gram matrix is "
              "3 x 3, the inner products of the R, G and B channels.");
  int channels = analysis_.ready ? analysis_.pictures[1].channels : 3;
  channel_ = std::clamp(channel_, 0, std::max(0, channels - 1));
  ImGui::SliderInt(tr_id("feature map"), &channel_, 0, std::max(0, channels - 1));
  help_marker("Which of the layer's channels is drawn. The Gram matrix always uses all of them.");
}

void InsidePanel::draw() {
  if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), tr("The background job failed: %s"), error_.c_str());
  if (!analysis_.ready) {
    ImGui::TextDisabled("%s", tr("Computing the feature maps ..."));
    return;
  }
  const InsideAnalysis& a = analysis_;
  const InsidePicture& style = a.pictures[1];
  ImGui::TextWrapped(tr("Layer %s: %d channels of %d x %d.  Gram matrix G = F F^T / (C H W): %d x %d."),
              tr(inside_layer_names()[static_cast<size_t>(a.layer)].c_str()), style.channels, style.height, style.width,
              style.channels, style.channels);
  float width = ImGui::GetContentRegionAvail().x;
  float side = std::clamp((width - 24) / 4.0f, 64.0f, 240.0f);
  // The feature maps' row is as tall as the tallest picture, so the labels and
  // Gram matrices under them line up when the content and style images differ
  // in shape.
  const auto map_height = [side](const InsidePicture& p) {
    return side * static_cast<float>(p.height) / static_cast<float>(std::max(p.width, 1));
  };
  float map_row = 0;
  for (const InsidePicture& p : a.pictures)
    if (p.present) map_row = std::max(map_row, map_height(p));
  // Three columns as groups side by side, not a table: a table's first frame
  // has no column widths yet and clips its text for that frame.
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::BeginGroup();
    const InsidePicture& p = a.pictures[i];
    ImGui::TextUnformatted(tr(kPictureNames[i]));
    if (!p.present) {
      ImGui::TextDisabled("%s", tr("(no output yet:\nstart the optimisation)"));
      ImGui::EndGroup();
      continue;
    }
    ImVec2 at = ImGui::GetCursorScreenPos();
    draw_rgb_image(at, ImVec2(at.x + side, at.y + map_height(p)), maps_[i], 200 + i, true);
    ImGui::Dummy(ImVec2(side, map_row));
    ImGui::TextDisabled(tr("feature map %d"), a.channel);
    at = ImGui::GetCursorScreenPos();
    draw_rgb_image(at, ImVec2(at.x + side, at.y + side), grams_[i], 210 + i, true);
    ImGui::Dummy(ImVec2(side, side));
    ImGui::TextDisabled("%s", tr("Gram matrix"));
    ImGui::EndGroup();
  }
  if (a.output_gram_error >= 0)
    ImGui::TextWrapped(tr("Output vs style at this layer: ||G_out - G_style||^2 / ||G_style||^2 = %.4g"), a.output_gram_error);

  ImGui::Separator();
  ImGui::TextWrapped("%s", tr("Shuffle the style's positions: layout gone, Gram matrix the same"));
  help_marker("Every channel's values are moved to the same random positions. G_ij sums F_i(p) F_j(p) over all "
              "positions p, so the order of the positions cannot matter.");
  float small = std::min({side, 180.0f, (width - 32) / 4});  // four pictures in a row, on a phone too
  float aspect = static_cast<float>(style.height) / static_cast<float>(std::max(style.width, 1));
  ImVec2 at = ImGui::GetCursorScreenPos();
  draw_rgb_image(at, ImVec2(at.x + small, at.y + small * aspect), maps_[1], 220, true);
  draw_rgb_image(ImVec2(at.x + small + 8, at.y), ImVec2(at.x + 2 * small + 8, at.y + small * aspect), shuffled_map_,
                 221, true);
  draw_rgb_image(ImVec2(at.x + 2 * small + 24, at.y), ImVec2(at.x + 3 * small + 24, at.y + small), grams_[1], 222,
                 true);
  draw_rgb_image(ImVec2(at.x + 3 * small + 32, at.y), ImVec2(at.x + 4 * small + 32, at.y + small), shuffled_gram_,
                 223, true);
  ImGui::Dummy(ImVec2(4 * small + 32, std::max(small, small * aspect)));
  text_disabled_wrapped(tr("style's map | shuffled | Gram of the style | Gram of the shuffled features"));
  ImGui::TextWrapped(tr("largest |G_shuffled - G_style| = %g%s"), static_cast<double>(a.shuffle_max_difference),
              a.shuffle_max_difference == 0 ? tr("  (exactly the same)") : tr("  (rounding: the sum's order changed)"));
}
