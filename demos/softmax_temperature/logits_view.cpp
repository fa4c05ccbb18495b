// The logit explorer: draggable logits, softmax(z / T) with a histogram of
// samples beside it, and the entropy against T with the current T marked.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"
#include "demos/narrow_view.h"

using namespace temperature_ui;

namespace {

const ImVec4 kLogitColor(0.62f, 0.55f, 0.85f, 1.0f);
const ImVec4 kProbabilityColor = kDistilledColor;
const ImVec4 kSampleColor = kHardColor;

// T on the log axis of the entropy curve: u in [0, 1] <-> T in [kMinTemperature, kMaxTemperature].
float temperature_at(float u) {
  return std::exp(std::log(kMinTemperature) + u * (std::log(kMaxTemperature) - std::log(kMinTemperature)));
}
float axis_position(float temperature) {
  return (std::log(temperature) - std::log(kMinTemperature)) / (std::log(kMaxTemperature) - std::log(kMinTemperature));
}

void centred_text(ImDrawList* draw, float x, float y, ImU32 color, const char* text) {
  draw->AddText(ImVec2(x - ImGui::CalcTextSize(text).x / 2, y), color, text);
}

}  // namespace

void TemperatureDemo::draw_logits_view() {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < kStackedViewWidth) {  // a phone: the four panels one under the other, scrolling
    ImGui::BeginChild("logits_stack", ImVec2(0, 0), false);
    float width = ImGui::GetContentRegionAvail().x;
    draw_logit_bars(width, 260);
    draw_probability_bars(width, 260);
    draw_entropy_curve(width, 220);
    draw_logit_numbers();
    ImGui::EndChild();
    return;
  }
  float top_height = std::max(200.0f, avail.y * 0.58f);
  float half = std::max(200.0f, (avail.x - ImGui::GetStyle().ItemSpacing.x) / 2);
  draw_logit_bars(half, top_height);
  ImGui::SameLine();
  draw_probability_bars(half, top_height);

  float bottom_height = std::max(140.0f, ImGui::GetContentRegionAvail().y - 4);
  draw_entropy_curve(half, bottom_height);
  ImGui::SameLine();
  ImGui::BeginChild("logit_numbers", ImVec2(half, bottom_height), false);
  draw_logit_numbers();
  ImGui::EndChild();
}

// The entropy, the top-two ratio and which limit T is near, in words.
void TemperatureDemo::draw_logit_numbers() {
  ImGui::PushTextWrapPos(0);
  ImGui::Text(tr("entropy H = %.3f nats"), summary_.entropy);
  ImGui::TextDisabled(tr("(0 for one-hot; log K = %.3f for uniform)"),
                      std::log(static_cast<double>(std::max<size_t>(1, logits_.size()))));
  ImGui::Text(tr("largest probability %.3f"), summary_.max_probability);
  ImGui::Text(tr("p(1st) / p(2nd) = %.4g"), summary_.top_two_ratio);
  help_marker("The ratio of the two largest probabilities is exp((z_1st - z_2nd) / T): every ratio of softmax "
              "outputs depends on logit differences divided by T, so T stretches or squeezes them all alike.");
  ImGui::Spacing();
  const char* regime = tr("between the limits");
  if (temperature_ <= 0.1f) regime = tr("near T -> 0: almost all mass on the largest logit (argmax, one-hot)");
  else if (temperature_ >= 10.0f) regime = tr("large T: close to uniform, 1/K each (T -> infinity)");
  else if (std::fabs(temperature_ - 1.0f) < 0.02f) regime = tr("T = 1: the plain softmax");
  ImGui::TextColored(kHeadingColor, "T = %.3g: %s", static_cast<double>(temperature_), regime);
  ImGui::TextWrapped("%s", tr("Limits: T -> 0 gives a one-hot vector at the argmax (H -> 0); T = 1 is the ordinary "
                              "softmax; T -> infinity gives the uniform distribution (H -> log K). The order of the "
                              "probabilities never changes, only how far apart they are. The orange bars are the "
                              "fraction of N samples drawn from p that fell on each class: at low T nearly every "
                              "draw is the top class."));
  ImGui::PopTextWrapPos();
}

// Logits in [-kLogitLimit, kLogitLimit]; drag a bar up or down to change it.
void TemperatureDemo::draw_logit_bars(float width, float height) {
  ChartArea c = begin_chart("logit_bars_frame", tr("logits z (drag the bars)"), ImVec2(width, height), 34, 20);
  int k = static_cast<int>(logits_.size());
  float slot = (c.max.x - c.min.x) / static_cast<float>(k);
  auto y_of = [&c](float z) { return c.y_at((z + kLogitLimit) / (2 * kLogitLimit)); };
  for (float tick : {-10.0f, -5.0f, 0.0f, 5.0f, 10.0f}) {
    c.draw->AddLine(ImVec2(c.min.x, y_of(tick)), ImVec2(c.max.x, y_of(tick)), tick == 0 ? kFrameColor : kGridColor);
    char label[24];
    std::snprintf(label, sizeof label, "%g", static_cast<double>(tick));
    c.draw->AddText(ImVec2(c.origin.x, y_of(tick) - 7), kLabelColor, label);
  }
  // One invisible button per bar, over the chart, so each drags on its own.
  ImVec2 saved = ImGui::GetCursorScreenPos();
  std::vector<float> edited = logits_;
  bool changed = false;
  for (int i = 0; i < k; ++i) {
    float x0 = c.min.x + slot * static_cast<float>(i);
    ImGui::SetCursorScreenPos(ImVec2(x0, c.min.y));
    ImGui::PushID(i);
    ImGui::InvisibleButton("logit_bar", ImVec2(std::max(slot, 4.0f), c.max.y - c.min.y));
    bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
    if (active && ImGui::GetIO().MouseDelta.y != 0) {
      float per_pixel = 2 * kLogitLimit / (c.max.y - c.min.y);
      edited[static_cast<size_t>(i)] =
          std::clamp(edited[static_cast<size_t>(i)] - ImGui::GetIO().MouseDelta.y * per_pixel, -kLogitLimit, kLogitLimit);
      changed = true;
    }
    ImGui::PopID();
    float z = edited[static_cast<size_t>(i)];
    ImVec2 a(x0 + slot * 0.2f, std::min(y_of(0), y_of(z))), b(x0 + slot * 0.8f, std::max(y_of(0), y_of(z)));
    c.draw->AddRectFilled(a, b, color_u32(kLogitColor, active ? 1.0f : hovered ? 0.85f : 0.65f));
    char label[32];
    std::snprintf(label, sizeof label, "%.2f", static_cast<double>(z));
    centred_text(c.draw, x0 + slot / 2, z >= 0 ? a.y - 16 : b.y + 2, kLabelColor, label);
    std::snprintf(label, sizeof label, "%d", i + 1);
    centred_text(c.draw, x0 + slot / 2, c.max.y + 3, kLabelColor, label);
  }
  ImGui::SetCursorScreenPos(saved);
  if (changed) set_logits(edited);
}

// softmax(z / T) as bars, the frequencies of the N samples beside them.
void TemperatureDemo::draw_probability_bars(float width, float height) {
  std::string title =
      i18n::format(tr("softmax(z / T) at T = %.3g   and %d samples"), static_cast<double>(temperature_), samples_);
  ChartArea c = begin_chart("probability_bars", title.c_str(), ImVec2(width, height), 34, 20);
  size_t k = summary_.probabilities.size();
  if (k == 0) return;
  float slot = (c.max.x - c.min.x) / static_cast<float>(k);
  for (float tick : {0.0f, 0.25f, 0.5f, 0.75f, 1.0f}) {
    c.draw->AddLine(ImVec2(c.min.x, c.y_at(tick)), ImVec2(c.max.x, c.y_at(tick)), kGridColor);
    char label[24];
    std::snprintf(label, sizeof label, "%.2f", static_cast<double>(tick));
    c.draw->AddText(ImVec2(c.origin.x, c.y_at(tick) - 7), kLabelColor, label);
  }
  float uniform = 1.0f / static_cast<float>(k);
  c.draw->AddLine(ImVec2(c.min.x, c.y_at(uniform)), ImVec2(c.max.x, c.y_at(uniform)), IM_COL32(255, 255, 255, 90));
  const char* uniform_label = tr("uniform 1/K");
  c.draw->AddText(ImVec2(c.max.x - ImGui::CalcTextSize(uniform_label).x - 4, c.y_at(uniform) - 15), kLabelColor,
                  uniform_label);
  for (size_t i = 0; i < k; ++i) {
    float x0 = c.min.x + slot * static_cast<float>(i);
    float p = static_cast<float>(summary_.probabilities[i]);
    float f = i < sample_counts_.size() ? static_cast<float>(sample_counts_[i]) / static_cast<float>(std::max(1, samples_)) : 0;
    c.draw->AddRectFilled(ImVec2(x0 + slot * 0.12f, c.y_at(p)), ImVec2(x0 + slot * 0.5f, c.y_at(0)),
                          color_u32(kProbabilityColor));
    c.draw->AddRectFilled(ImVec2(x0 + slot * 0.5f, c.y_at(f)), ImVec2(x0 + slot * 0.88f, c.y_at(0)),
                          color_u32(kSampleColor, 0.8f));
    char label[32];
    std::snprintf(label, sizeof label, "%.3f", static_cast<double>(p));
    centred_text(c.draw, x0 + slot * 0.31f, c.y_at(p) - 15, kLabelColor, label);
    std::snprintf(label, sizeof label, "%zu", i + 1);
    centred_text(c.draw, x0 + slot / 2, c.max.y + 3, kLabelColor, label);
  }
  const char* probability = tr("probability");
  const char* fraction = tr("fraction of samples");
  float fraction_x = ImGui::CalcTextSize(probability).x + ImGui::CalcTextSize("  ").x;
  float legend_x = c.max.x - fraction_x - ImGui::CalcTextSize(fraction).x - 6;
  c.draw->AddText(ImVec2(legend_x, c.min.y + 4), color_u32(kProbabilityColor), probability);
  c.draw->AddText(ImVec2(legend_x + fraction_x, c.min.y + 4), color_u32(kSampleColor), fraction);
}

// H(T) over the slider's whole range, log axis; click or drag to set T.
void TemperatureDemo::draw_entropy_curve(float width, float height) {
  ChartArea c =
      begin_chart("entropy_curve", tr("entropy H(T) in nats (click to set T)"), ImVec2(width, height), 40, 18);
  double top = std::log(static_cast<double>(std::max<size_t>(2, logits_.size())));
  auto v_of = [top](double h) { return static_cast<float>(h / (top * 1.05)); };
  c.draw->AddLine(ImVec2(c.min.x, c.y_at(v_of(top))), ImVec2(c.max.x, c.y_at(v_of(top))), IM_COL32(255, 255, 255, 90));
  c.draw->AddText(ImVec2(c.origin.x, c.y_at(v_of(top)) - 7), kLabelColor, "log K");
  c.draw->AddText(ImVec2(c.origin.x, c.y_at(0) - 7), kLabelColor, "0");
  for (float t : {0.1f, 1.0f, 10.0f}) {
    float x = c.x_at(axis_position(t));
    c.draw->AddLine(ImVec2(x, c.min.y), ImVec2(x, c.max.y), t == 1.0f ? kFrameColor : kGridColor);
    char label[32];
    std::snprintf(label, sizeof label, "T=%g", static_cast<double>(t));
    centred_text(c.draw, x, c.max.y + 2, kLabelColor, label);
  }
  constexpr int kPoints = 120;
  std::vector<ImVec2> curve;
  for (int i = 0; i <= kPoints; ++i) {
    float u = static_cast<float>(i) / kPoints;
    curve.push_back(ImVec2(c.x_at(u), c.y_at(v_of(summarize_softmax(logits_, temperature_at(u)).entropy))));
  }
  c.draw->AddPolyline(curve.data(), static_cast<int>(curve.size()), color_u32(kTeacherColor), 0, 2.0f);
  ImVec2 marker(c.x_at(axis_position(temperature_)), c.y_at(v_of(summary_.entropy)));
  c.draw->AddLine(ImVec2(marker.x, c.min.y), ImVec2(marker.x, c.max.y), color_u32(kHardColor, 0.6f));
  c.draw->AddCircleFilled(marker, 5, color_u32(kHardColor));
  if (c.active) {
    float u = std::clamp((ImGui::GetIO().MousePos.x - c.min.x) / (c.max.x - c.min.x), 0.0f, 1.0f);
    temperature_ = std::clamp(temperature_at(u), kMinTemperature, kMaxTemperature);
  }
}
