// Inference with a dropout network: the deterministic network (weight
// scaling) against Monte-Carlo dropout (the average of N thinned networks),
// for one test example and over the whole test set.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

constexpr double kPredictionRefreshSeconds = 0.3;

float entropy(const float* p, int count) {
  float h = 0;
  for (int k = 0; k < count; ++k)
    if (p[k] > 0) h -= p[k] * std::log(p[k]);
  return h;
}

int arg_max(const float* values, int count) { return static_cast<int>(std::max_element(values, values + count) - values); }

}  // namespace

void DropoutDemo::refresh_example_prediction() {
  if (!trainer_.ready()) return;
  const ClassificationData& data = trainer_.data();
  example_ = std::clamp(example_, 0, data.test_size() - 1);
  std::string key = std::to_string(example_) + "|" + std::to_string(mc_samples_);
  double now = now_seconds();
  if (key == example_key_ && trainer_.steps() == example_step_) return;
  if (key == example_key_ && now - example_time_ < kPredictionRefreshSeconds) return;  // training moves on: throttle
  example_key_ = key;
  example_step_ = trainer_.steps();
  example_time_ = now;
  for (int t = 0; t < 2; ++t)
    example_deterministic_[t] = row_softmax(deterministic_logits(trainer_.network(static_cast<Twin>(t)), data.test_row(example_), 1));
  example_mc_ = summarise_rows(
      row_softmax(monte_carlo_logits(trainer_.network(Twin::Dropout), data.test_row(example_), mc_samples_, mc_rng_)));
}

void DropoutDemo::draw_inference_view() {
  const ClassificationData& data = trainer_.data();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 avail = ImGui::GetContentRegionAvail();

  ImGui::SetNextItemWidth(220);
  ImGui::SliderInt(tr_id("test example"), &example_, 0, data.test_size() - 1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("previous", ImGuiDir_Left)) example_ = std::max(0, example_ - 1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("next", ImGuiDir_Right)) example_ = std::min(data.test_size() - 1, example_ + 1);
  ImGui::SameLine(0, 20);
  ImGui::SetNextItemWidth(160);
  ImGui::SliderInt(tr_id("samples N"), &mc_samples_, 1, 500, "%d", ImGuiSliderFlags_Logarithmic);
  example_ = std::clamp(example_, 0, data.test_size() - 1);
  if (example_deterministic_[0].empty() || example_mc_.mean.empty()) return;

  // Left: the example.
  ImVec2 origin = ImGui::GetCursorScreenPos();
  int label = data.test_labels[static_cast<size_t>(example_)];
  float picture = 168;
  if (data.is_images()) {
    draw_grey_image(draw, ImVec2(origin.x, origin.y + 4), picture / static_cast<float>(data.image_cols),
                    data.test_row(example_), data.image_rows, data.image_cols);
  } else {
    ImVec2 min(origin.x, origin.y + 4), max(origin.x + picture, origin.y + 4 + picture);
    if (boundaries_[1].width > 0) draw_heatmap(min, max, boundaries_[1], kSlotInferencePoint, false);
    ImVec2 s = plane_to_screen(min, picture, data.test_row(example_)[0], data.test_row(example_)[1]);
    draw->AddCircleFilled(s, 4, color_u32(kHeatmapPalette[std::clamp(label, 0, 4)]));
    draw->AddCircle(s, 9, IM_COL32(255, 255, 255, 255), 0, 2);
  }
  std::string truth = i18n::format(tr("true class: %s"), shown_class_name(data, label).c_str());
  draw->AddText(ImVec2(origin.x, origin.y + picture + 10), IM_COL32(235, 235, 235, 255), truth.c_str());

  // Right: per class, the deterministic probability (bar), the MC mean (outlined bar) +- its spread, the plain network (tick).
  float left = origin.x + picture + 110, right = origin.x + avail.x - 10;
  float row = std::min(26.0f, 260.0f / static_cast<float>(std::max(1, data.classes)));
  const float* fixed = example_deterministic_[1].data();
  const float* plain = example_deterministic_[0].data();
  for (int k = 0; k < data.classes; ++k) {
    float y = origin.y + 4 + row * static_cast<float>(k);
    std::string name = shown_class_name(data, k);
    draw->AddText(ImVec2(left - 8 - ImGui::CalcTextSize(name.c_str()).x, y + row * 0.5f - 8),
                  k == label ? IM_COL32(255, 255, 255, 255) : kLabelColor, name.c_str());
    draw->AddRectFilled(ImVec2(left, y + 2), ImVec2(right, y + row - 2), IM_COL32(32, 34, 40, 255));
    auto at = [&](float p) { return left + std::clamp(p, 0.0f, 1.0f) * (right - left); };
    draw->AddRectFilled(ImVec2(left, y + 3), ImVec2(at(fixed[k]), y + row * 0.5f), color_u32(kDropoutColor));
    float mean = example_mc_.mean[static_cast<size_t>(k)], spread = example_mc_.deviation[static_cast<size_t>(k)];
    draw->AddRectFilled(ImVec2(left, y + row * 0.5f), ImVec2(at(mean), y + row - 3), IM_COL32(200, 200, 210, 255));
    float mid = y + row * 0.75f - 1;
    draw->AddLine(ImVec2(at(mean - spread), mid), ImVec2(at(mean + spread), mid), IM_COL32(255, 90, 90, 255), 2);
    draw->AddLine(ImVec2(at(plain[k]), y + 1), ImVec2(at(plain[k]), y + row - 1), color_u32(kPlainColor), 2.5f);
  }
  float legend_y = origin.y + 8 + row * static_cast<float>(data.classes);
  const char* legend_texts[] = {tr("weight scaling"), tr("MC mean"), tr("+- 1 sd"), tr("| no dropout")};
  float legend_width = 0;
  for (const char* text : legend_texts) legend_width += ImGui::CalcTextSize(text).x + 16;
  // Under the bars when it fits there; otherwise (a phone) under the picture, from the left edge.
  float legend_left = left;
  if (left + legend_width > origin.x + avail.x) {
    legend_left = origin.x;
    legend_y = std::max(legend_y, origin.y + picture + 14 + ImGui::GetTextLineHeight());  // below its label
  }
  float legend_x = legend_left;
  auto legend = [&](ImU32 color, const char* text) {  // side by side, spaced by their widths; wrapping on a phone
    if (legend_x > legend_left && legend_x + ImGui::CalcTextSize(text).x > origin.x + avail.x) {
      legend_x = legend_left;
      legend_y += ImGui::GetTextLineHeightWithSpacing();
    }
    draw->AddText(ImVec2(legend_x, legend_y), color, text);
    legend_x += ImGui::CalcTextSize(text).x + 16;
  };
  legend(color_u32(kDropoutColor), legend_texts[0]);
  legend(IM_COL32(200, 200, 210, 255), legend_texts[1]);
  legend(IM_COL32(255, 90, 90, 255), legend_texts[2]);
  legend(color_u32(kPlainColor), legend_texts[3]);
  ImGui::Dummy(ImVec2(avail.x, std::max(picture + 30, legend_y - origin.y + 22)));

  int k_fixed = arg_max(fixed, data.classes), k_mc = arg_max(example_mc_.mean.data(), data.classes);
  float mean_spread = 0;
  for (float d : example_mc_.deviation) mean_spread += d / static_cast<float>(data.classes);
  ImGui::TextWrapped(tr("weight scaling: %s (%.0f%%), entropy %.2f"), shown_class_name(data, k_fixed).c_str(),
              100.0 * static_cast<double>(fixed[k_fixed]), static_cast<double>(entropy(fixed, data.classes)));
  ImGui::TextWrapped(tr("MC dropout, N = %d: %s (%.0f%% +- %.0f%%), entropy %.2f, mean spread %.3f"), mc_samples_,
              shown_class_name(data, k_mc).c_str(), 100.0 * static_cast<double>(example_mc_.mean[static_cast<size_t>(k_mc)]),
              100.0 * static_cast<double>(example_mc_.deviation[static_cast<size_t>(k_mc)]),
              static_cast<double>(entropy(example_mc_.mean.data(), data.classes)), static_cast<double>(mean_spread));
  ImGui::TextWrapped(tr("The spread of the N thinned networks' answers is the model's uncertainty about this example "
                        "(Gal & Ghahramani 2016): look for examples where it is wide (%s)."),
                     data.is_images() ? tr("ambiguous shirts, pullovers and coats") : tr("points near the boundary"));

  ImGui::Separator();
  ImGui::TextUnformatted(tr("Test error of the dropout network, both ways of predicting"));
  if (ImGui::Button(mc_evaluation_.running() ? tr_id("Measuring...") : tr_id("Measure now")) && !mc_evaluation_.running())
    mc_evaluation_.start(mc_samples_, trainer_.steps());
  help_marker("Monte-Carlo dropout costs N forward passes per example, measured a little each frame: by itself "
              "whenever training is paused, and on request while it runs.");
  if (mc_evaluation_.running()) ImGui::ProgressBar(mc_evaluation_.progress(data), ImVec2(-1, 0));
  if (mc_evaluation_.finished()) {
    ImGui::Text(tr("at step %ld on %d test examples:"), mc_evaluation_.measured_at_step(), data.test_size());
    ImGui::TextColored(kDropoutColor, tr("  weight scaling (one pass):   %.2f%%"), 100.0 * static_cast<double>(mc_evaluation_.deterministic_error()));
    ImGui::Text(tr("  MC dropout (N = %d passes):  %.2f%%"), mc_evaluation_.samples(), 100.0 * static_cast<double>(mc_evaluation_.monte_carlo_error()));
    ImGui::TextColored(kPlainColor, tr("  no-dropout network (now):    %.2f%%"), 100.0 * static_cast<double>(trainer_.metrics(Twin::Plain).test_error));
  }
  ImGui::TextWrapped("%s", tr("Weight scaling passes each layer's expected input forward in one pass: exact for a linear "
                              "network, a close approximation through ReLUs. With N = 1 (a single thinned network) the error "
                              "is much worse; as N grows the MC mean settles on the ensemble's average, within about a "
                              "percent of weight scaling, which costs one pass instead of N."));
}
