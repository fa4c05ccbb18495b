// Dropout as an adaptive L2 penalty (Baldi & Sadowski 2013): for a linear
// unit, the dropout gradient averaged over many masks lands on the gradient
// of E_N + 1/2 sum p_i (1 - p_i) w_i^2 x_i^2, not on the plain E_N's.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/narrow_view.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

const ImVec4 kPlainGradientColor(0.6f, 0.6f, 0.62f, 1.0f);
const ImVec4 kRegularisedColor = kDropoutColor;
const ImVec4 kMonteCarloColor = kPlainColor;

struct Frame {
  ImVec2 min, max;
  float x0, x1, y0, y1;
  ImVec2 at(double x, double y) const {
    return ImVec2(min.x + static_cast<float>((x - x0) / (x1 - x0)) * (max.x - min.x),
                  max.y - static_cast<float>((y - y0) / (y1 - y0)) * (max.y - min.y));
  }
};

Frame reserve_frame(ImDrawList* draw, ImVec2 origin, ImVec2 size, const char* title) {
  Frame f;
  f.min = ImVec2(origin.x + 44, origin.y + 20);
  f.max = ImVec2(origin.x + size.x - 6, origin.y + size.y - 18);
  draw->AddText(origin, kLabelColor, title);
  draw->AddRectFilled(f.min, f.max, IM_COL32(24, 26, 32, 255));
  draw->AddRect(f.min, f.max, IM_COL32(255, 255, 255, 50));
  return f;
}

void y_axis(ImDrawList* draw, const Frame& f) {
  for (int tick = 0; tick <= 4; ++tick) {
    float v = f.y0 + (f.y1 - f.y0) * static_cast<float>(tick) / 4;
    ImVec2 s = f.at(f.x0, v);
    draw->AddLine(ImVec2(f.min.x, s.y), ImVec2(f.max.x, s.y), IM_COL32(255, 255, 255, tick == 0 || tick == 4 ? 0 : 20));
    char label[16];
    std::snprintf(label, sizeof label, "%.2f", static_cast<double>(v));
    draw->AddText(ImVec2(f.min.x - 42, s.y - 7), kLabelColor, label);
  }
  if (f.y0 < 0 && f.y1 > 0) draw->AddLine(f.at(f.x0, 0), f.at(f.x1, 0), IM_COL32(255, 255, 255, 70));
}

}  // namespace

void DropoutDemo::draw_regulariser_view() {
  ImGui::TextWrapped("%s", tr("One linear unit, y ~ sum_j z_j w_j x_j with keep-masks z_j ~ Bernoulli(p_j), on 8 regression "
                              "samples. Averaged over many masks, the dropout error's gradient equals the gradient of "
                              "E_N + 1/2 sum_i p_i (1 - p_i) w_i^2 x_i^2: dropout is an L2 penalty whose strength adapts to "
                              "each input's scale x_i^2 and peaks at p = 1/2 (Baldi & Sadowski 2013)."));
  ImGui::BeginDisabled(identity_varied_);
  ImGui::SetNextItemWidth(160);
  ImGui::SliderFloat(tr_id("keep p"), &identity_keep_, 0.05f, 1.0f, "%.2f");
  ImGui::EndDisabled();
  const ImGuiStyle& style = ImGui::GetStyle();
  same_line_if_fits(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr("p_i from 0.2 to 0.9")).x);
  ImGui::Checkbox(tr_id("p_i from 0.2 to 0.9"), &identity_varied_);
  same_line_if_fits(150 + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr("masks")).x);
  ImGui::SetNextItemWidth(150);
  ImGui::SliderInt(tr_id("masks"), &identity_draws_, 100, 200000, "%d", ImGuiSliderFlags_Logarithmic);
  if (!sweep_.finished()) ImGui::ProgressBar(sweep_.progress(), ImVec2(-1, 0), tr("averaging over masks..."));
  if (sweep_.progress() == 0) return;

  const LinearUnitProblem& problem = sweep_.problem();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  // On a phone the two charts stand one above the other, each the full width.
  const bool stacked = avail.x < kStackedViewWidth;
  float plot_height = stacked ? 220.0f : std::min(300.0f, avail.y * 0.48f);

  // Left: dE/dw_1 along w_1: three straight lines, the dots on the blue one.
  const std::vector<double>& w0 = sweep_.w0_values();
  auto along = [&](double w, bool regularised) {
    std::vector<double> weights = sweep_.weights_with_w0(w);
    return (regularised ? regularised_gradient(problem, weights) : mean_unit_gradient(problem, weights))[0];
  };
  float lo = 0, hi = 0;
  for (double w : {w0.front(), w0.back()})
    for (bool r : {false, true}) {
      lo = std::min(lo, static_cast<float>(along(w, r)));
      hi = std::max(hi, static_cast<float>(along(w, r)));
    }
  float pad = 0.08f * (hi - lo + 1e-3f);
  ImVec2 left_size(stacked ? avail.x : (avail.x - 16) * 0.55f, plot_height);
  Frame f = reserve_frame(draw, origin, left_size, tr("dE/dw1 as w1 varies (other weights fixed)"));
  f.x0 = static_cast<float>(w0.front());
  f.x1 = static_cast<float>(w0.back());
  f.y0 = lo - pad;
  f.y1 = hi + pad;
  y_axis(draw, f);
  draw->PushClipRect(f.min, f.max, true);
  draw->AddLine(f.at(f.x0, along(f.x0, false)), f.at(f.x1, along(f.x1, false)), color_u32(kPlainGradientColor), 2);
  draw->AddLine(f.at(f.x0, along(f.x0, true)), f.at(f.x1, along(f.x1, true)), color_u32(kRegularisedColor), 2);
  for (size_t k = 0; k < sweep_.along_w0().size(); ++k) {
    const GradientEstimate& e = sweep_.along_w0()[k];
    ImVec2 s = f.at(w0[k], e.mean[0]);
    draw->AddLine(f.at(w0[k], e.mean[0] - 2 * e.standard_error[0]), f.at(w0[k], e.mean[0] + 2 * e.standard_error[0]),
                  color_u32(kMonteCarloColor), 1.5f);
    draw->AddCircleFilled(s, 4, color_u32(kMonteCarloColor));
  }
  draw->PopClipRect();
  std::string range = i18n::format(tr("w1 from %.0f to %.0f"), w0.front(), w0.back());
  draw->AddText(ImVec2(f.min.x, f.max.y + 2), kLabelColor, range.c_str());

  // Right: every weight's gradient at w, as groups of three bars.
  const float chart_gap = 24;  // room for the left chart's range label
  ImVec2 right_origin = stacked ? ImVec2(origin.x, origin.y + plot_height + chart_gap) : ImVec2(origin.x + left_size.x + 16, origin.y);
  ImVec2 right_size(stacked ? avail.x : avail.x - left_size.x - 16, plot_height);
  Frame g = reserve_frame(draw, right_origin, right_size, tr("each dE/dwi at w"));
  const GradientEstimate& at_w = sweep_.at_weights();
  std::vector<double> plain = mean_unit_gradient(problem, problem.w), exact = regularised_gradient(problem, problem.w);
  g.x0 = 0;
  g.x1 = static_cast<float>(problem.inputs);
  g.y0 = g.y1 = 0;
  for (int i = 0; i < problem.inputs; ++i)
    for (double v : {plain[static_cast<size_t>(i)], exact[static_cast<size_t>(i)], at_w.mean[static_cast<size_t>(i)]}) {
      g.y0 = std::min(g.y0, static_cast<float>(v) * 1.15f);
      g.y1 = std::max(g.y1, static_cast<float>(v) * 1.15f);
    }
  if (g.y1 - g.y0 < 1e-6f) g.y1 = g.y0 + 1;
  y_axis(draw, g);
  for (int i = 0; i < problem.inputs; ++i) {
    double values[3] = {plain[static_cast<size_t>(i)], exact[static_cast<size_t>(i)], at_w.mean[static_cast<size_t>(i)]};
    ImVec4 colors[3] = {kPlainGradientColor, kRegularisedColor, kMonteCarloColor};
    for (int b = 0; b < 3; ++b) {
      double x = i + 0.15 + 0.24 * b;
      draw->AddRectFilled(g.at(x, 0), g.at(x + 0.2, values[b]), color_u32(colors[b]));
    }
    double x = i + 0.15 + 0.24 * 2 + 0.1, se = at_w.standard_error[static_cast<size_t>(i)];
    draw->AddLine(g.at(x, values[2] - 2 * se), g.at(x, values[2] + 2 * se), IM_COL32(255, 255, 255, 220), 1.5f);
    char label[16];
    std::snprintf(label, sizeof label, "w%d", i + 1);
    draw->AddText(ImVec2(g.at(i + 0.4, 0).x, g.max.y + 2), kLabelColor, label);
  }
  ImGui::Dummy(ImVec2(avail.x, stacked ? 2 * plot_height + chart_gap : plot_height));
  ImGui::TextColored(kPlainGradientColor, "%s", tr("grad E_N (no penalty)"));
  same_line_if_fits(ImGui::CalcTextSize(tr("grad (E_N + penalty)")).x);
  ImGui::TextColored(kRegularisedColor, "%s", tr("grad (E_N + penalty)"));
  std::string masks_legend = i18n::format(tr("mean dropout gradient over %d masks, +-2 s.e."), at_w.draws);
  same_line_if_fits(ImGui::CalcTextSize(masks_legend.c_str()).x);
  ImGui::TextColored(kMonteCarloColor, "%s", masks_legend.c_str());

  text_disabled_wrapped(tr("dropout: mean gradient over the masks (s.e. its standard error); regularised: grad (E_N + penalty)"));
  // Too narrow for eight columns: the table scrolls sideways instead of cutting its numbers.
  ImGuiTableFlags table_flags = ImGuiTableFlags_Borders |
      (stacked ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchSame);
  float table_height = stacked ? ImGui::GetTextLineHeightWithSpacing() * 7 + style.ScrollbarSize : 0;
  if (ImGui::BeginTable("gradients", 8, table_flags, ImVec2(0, table_height))) {
    for (const char* heading : {"i", "p_i", translatable("mean x_i^2"), "w_i", translatable("dropout"), translatable("s.e."),
                                translatable("regularised"), translatable("penalty")})
      ImGui::TableSetupColumn(tr(heading));
    ImGui::TableHeadersRow();
    std::vector<double> penalty = penalty_gradient(problem, problem.w);
    double worst = 0;
    for (int i = 0; i < problem.inputs; ++i) {
      size_t u = static_cast<size_t>(i);
      double mean_square = 0;
      for (int s = 0; s < problem.samples; ++s) mean_square += problem.x[static_cast<size_t>(s * problem.inputs + i)] * problem.x[static_cast<size_t>(s * problem.inputs + i)] / problem.samples;
      ImGui::TableNextRow();
      ImGui::TableNextColumn(); ImGui::Text("%d", i + 1);
      ImGui::TableNextColumn(); ImGui::Text("%.2f", problem.keep[u]);
      ImGui::TableNextColumn(); ImGui::Text("%.2f", mean_square);
      ImGui::TableNextColumn(); ImGui::Text("%.2f", problem.w[u]);
      ImGui::TableNextColumn(); ImGui::Text("%.4f", at_w.mean[u]);
      ImGui::TableNextColumn(); ImGui::Text("%.4f", at_w.standard_error[u]);
      ImGui::TableNextColumn(); ImGui::Text("%.4f", exact[u]);
      ImGui::TableNextColumn(); ImGui::Text("%.4f", penalty[u]);
      if (at_w.standard_error[u] > 0) worst = std::max(worst, std::fabs(at_w.mean[u] - exact[u]) / at_w.standard_error[u]);
    }
    ImGui::EndTable();
    ImGui::TextWrapped(tr("Largest difference between the dropout average and the regularised gradient: %.1f standard "
                          "errors (sampling noise: it shrinks as 1/sqrt(masks)). The grey bars miss by the penalty part."),
                       worst);
  }
}
