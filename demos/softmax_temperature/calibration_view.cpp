// The calibration tab: reliability diagrams before and after temperature
// scaling, and the validation NLL the temperature is fitted on.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"

using namespace temperature_ui;

void TemperatureDemo::draw_calibration_view() {
  if (!calibration_) return;
  const CalibrationRun& run = *calibration_;
  const CalibrationConfig& config = run.config();
  ImGui::TextWrapped(tr("A 2-%d-%d-%d ReLU network trained for %d steps on %d noisy points of %d overlapping blobs "
                        "has fitted its training set and is over-confident on new points. One temperature T is "
                        "fitted on %d held-out validation points (minimum NLL); ECE is measured on %d test points."),
                     config.hidden[0], config.hidden[1], config.classes, config.steps, config.train_points,
                     config.classes, config.validation_points, config.test_points);
  if (run.phase() == CalibrationRun::Phase::Failed) {
    ImGui::TextColored(kWarningColor, tr("Training stopped: %s."), run.error().c_str());
    return;
  }
  if (run.phase() == CalibrationRun::Phase::Training) {
    ImGui::ProgressBar(static_cast<float>(run.progress()), ImVec2(-1, 0), tr("training the classifier"));
    return;
  }
  const CalibrationResult& r = run.result();
  ImGui::Text(tr("test accuracy %.1f%% (the same at every T)   fitted T = %.3f   NLL %.3f -> %.3f"),
              100 * r.test_accuracy, r.fitted_temperature, r.nll_before, r.nll_after);
  ImGui::TextColored(kHeadingColor, tr("at the slider's T = %.3g: test ECE %.4f (drag T or click the NLL curve)"),
                     static_cast<double>(temperature_), run.test_ece(temperature_));
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float side = std::max(160.0f, std::min((avail.x - spacing) / 2, avail.y * 0.62f));
  draw_reliability_diagram(tr("before (T = 1)"), r.bins_before, r.ece_before, side);
  ImGui::SameLine();
  std::string title = i18n::format(tr("after (T = %.2f)"), r.fitted_temperature);
  draw_reliability_diagram(title.c_str(), r.bins_after, r.ece_after, side);
  ImVec2 rest = ImGui::GetContentRegionAvail();
  draw_nll_curve(std::max(160.0f, rest.x), std::max(120.0f, rest.y - 4));
}

// Bars: accuracy per confidence bin; the diagonal is perfect calibration; the
// red part of each bar is the gap the ECE averages (weighted by bin size).
void TemperatureDemo::draw_reliability_diagram(const char* title, const std::vector<ReliabilityBin>& bins, double ece,
                                               float size) {
  char full_title[128];
  std::snprintf(full_title, sizeof full_title, "%s   ECE = %.4f", title, ece);
  ChartArea c = begin_chart(title, full_title, ImVec2(size, size), 30, 18);
  for (float tick : {0.0f, 0.5f, 1.0f}) {
    char label[24];
    std::snprintf(label, sizeof label, "%.1f", static_cast<double>(tick));
    c.draw->AddText(ImVec2(c.origin.x, c.y_at(tick) - 7), kLabelColor, label);
    c.draw->AddText(ImVec2(c.x_at(tick) - 8, c.max.y + 2), kLabelColor, label);
  }
  int count = static_cast<int>(bins.size());
  long total = 0;
  for (const ReliabilityBin& b : bins) total += b.count;
  for (int i = 0; i < count; ++i) {
    const ReliabilityBin& b = bins[static_cast<size_t>(i)];
    if (b.count == 0) continue;
    float x0 = c.x_at(static_cast<float>(i) / static_cast<float>(count)) + 1;
    float x1 = c.x_at(static_cast<float>(i + 1) / static_cast<float>(count)) - 1;
    float accuracy = static_cast<float>(b.accuracy), confidence = static_cast<float>(b.confidence);
    c.draw->AddRectFilled(ImVec2(x0, c.y_at(accuracy)), ImVec2(x1, c.y_at(0)), color_u32(kDistilledColor, 0.85f));
    c.draw->AddRectFilled(ImVec2(x0, c.y_at(std::max(accuracy, confidence))),
                          ImVec2(x1, c.y_at(std::min(accuracy, confidence))), IM_COL32(230, 80, 70, 150));
    // Bin sizes as a thin strip at the bottom: where the predictions are.
    float share = static_cast<float>(b.count) / static_cast<float>(std::max(1L, total));
    c.draw->AddRectFilled(ImVec2(x0, c.y_at(0) - 4 - 30 * share), ImVec2(x1, c.y_at(0) - 2),
                          IM_COL32(255, 255, 255, 140));
  }
  c.draw->AddLine(ImVec2(c.x_at(0), c.y_at(0)), ImVec2(c.x_at(1), c.y_at(1)), IM_COL32(255, 255, 255, 120), 1.5f);
  c.draw->AddText(ImVec2(c.min.x + 4, c.min.y + 4), kLabelColor, tr("accuracy per confidence bin; red: the gap"));
}

// NLL on the validation set against T (log axis); the fit is its minimum.
void TemperatureDemo::draw_nll_curve(float width, float height) {
  const CalibrationRun& run = *calibration_;
  ChartArea c = begin_chart("nll_curve",
                            tr("mean NLL on the validation set against T (log axis; click to set the slider T, "
                               "orange line)"),
                            ImVec2(width, height), 36, 18);
  const std::vector<double>& values = run.result().validation_nll_curve;  // sampled once per run
  if (values.empty()) return;
  const double lo = std::log(kNllCurveMinT), hi = std::log(kNllCurveMaxT);
  const double bottom = *std::min_element(values.begin(), values.end());
  // The far left climbs steeply; keep the minimum readable.
  const double top = std::min(*std::max_element(values.begin(), values.end()), bottom * 4 + 0.5);
  auto v_of = [&](double nll) { return static_cast<float>(std::clamp((nll - bottom) / (top - bottom) * 0.9 + 0.05, 0.0, 1.0)); };
  auto u_of = [&](double t) { return static_cast<float>((std::log(t) - lo) / (hi - lo)); };
  std::vector<ImVec2> curve;
  for (int i = 0; i < kNllCurvePoints; ++i)
    curve.push_back(ImVec2(c.x_at(static_cast<float>(i) / (kNllCurvePoints - 1)),
                           c.y_at(v_of(values[static_cast<size_t>(i)]))));
  c.draw->AddPolyline(curve.data(), static_cast<int>(curve.size()), color_u32(kTeacherColor), 0, 2.0f);
  for (double t : {0.5, 1.0, 2.0, 5.0, 10.0}) {
    char label[24];
    std::snprintf(label, sizeof label, "%g", t);
    c.draw->AddText(ImVec2(c.x_at(u_of(t)) - 4, c.max.y + 2), kLabelColor, label);
    c.draw->AddLine(ImVec2(c.x_at(u_of(t)), c.min.y), ImVec2(c.x_at(u_of(t)), c.max.y), kGridColor);
  }
  char label[32];
  std::snprintf(label, sizeof label, "%.2f", top);
  c.draw->AddText(ImVec2(c.origin.x, c.y_at(v_of(top)) - 7), kLabelColor, label);
  std::snprintf(label, sizeof label, "%.2f", bottom);
  c.draw->AddText(ImVec2(c.origin.x, c.y_at(v_of(bottom)) - 7), kLabelColor, label);
  double fitted = run.result().fitted_temperature;
  const double fitted_nll = run.result().validation_nll_fitted;
  c.draw->AddCircleFilled(ImVec2(c.x_at(u_of(fitted)), c.y_at(v_of(fitted_nll))), 5, color_u32(kDistilledColor));
  c.draw->AddText(ImVec2(c.x_at(u_of(fitted)) + 6, c.y_at(v_of(fitted_nll)) + 4),
                  color_u32(kDistilledColor), tr("fitted T"));
  double slider = std::clamp(static_cast<double>(temperature_), 0.5, 20.0);
  c.draw->AddLine(ImVec2(c.x_at(u_of(slider)), c.min.y), ImVec2(c.x_at(u_of(slider)), c.max.y),
                  color_u32(kHardColor, 0.7f));
  if (c.active) {
    float u = std::clamp((ImGui::GetIO().MousePos.x - c.min.x) / (c.max.x - c.min.x), 0.0f, 1.0f);
    temperature_ = static_cast<float>(std::exp(lo + (hi - lo) * u));
  }
}
