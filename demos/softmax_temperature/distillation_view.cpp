// The distillation tab: both students' test accuracy, the teacher's soft
// targets for one transfer-set point, and the transfer set itself.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"

using namespace temperature_ui;

namespace {


}  // namespace

// kd_example = -1 (the default) picks the point the teacher, though right, is
// least sure of at T = 1: its soft targets show the most dark knowledge.
int TemperatureDemo::shown_example() const {
  const Distillation& d = *distillation_;
  int count = d.transfer_data().size();
  if (kd_example_ >= 0 || d.teacher_transfer_logits().empty()) return std::clamp(kd_example_, 0, count - 1);
  int classes = d.config().classes, best = 0;
  double lowest = 2;
  for (int i = 0; i < count; ++i) {
    const float* z = d.teacher_transfer_logits().data() + static_cast<size_t>(i) * classes;
    int predicted = static_cast<int>(std::max_element(z, z + classes) - z);
    double top = summarize_softmax(std::vector<float>(z, z + classes), 1.0).max_probability;
    if (predicted == d.transfer_data().label[static_cast<size_t>(i)] && top < lowest) {
      lowest = top;
      best = i;
    }
  }
  return best;
}

void TemperatureDemo::draw_distillation_controls() {
  Distillation& d = *distillation_;
  bool training = running_ && (d.phase() == Distillation::Phase::Teacher || d.phase() == Distillation::Phase::Students);
  if (ImGui::Button(training ? tr_id("Pause") : tr_id("Train"))) running_ = !training;
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Restart"))) {
    distillation_key_.clear();
    rebuild_distillation_if_needed();
  }
  ImGui::SameLine();
  switch (d.phase()) {
    case Distillation::Phase::Teacher:
      ImGui::ProgressBar(static_cast<float>(d.progress()), ImVec2(-1, 0),
                         tr("1. the teacher learns from 1,000 points"));
      break;
    case Distillation::Phase::Students:
      ImGui::ProgressBar(static_cast<float>(d.progress()), ImVec2(-1, 0), tr("2. the students learn"));
      break;
    case Distillation::Phase::Finished: ImGui::TextUnformatted(tr("done")); break;
    case Distillation::Phase::Failed:
      ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
      ImGui::TextWrapped(tr("Training stopped: %s. Lower the learning rate to train again."), d.error().c_str());
      ImGui::PopStyleColor();
      break;
  }
}

void TemperatureDemo::draw_distillation_view() {
  draw_distillation_controls();
  const Distillation& d = *distillation_;
  if (d.phase() == Distillation::Phase::Teacher) {
    ImGui::TextColored(kTeacherColor, tr("teacher 2-64-64-3, %d labelled points: step %ld of %d"),
                       d.teacher_data().size(), d.teacher_steps(), d.config().teacher_steps);
  } else {
    ImGui::TextColored(kTeacherColor, tr("teacher 2-64-64-3, %d labelled points: test accuracy %.1f%%"),
                       d.teacher_data().size(), 100 * d.teacher_test_accuracy());
  }
  double chance = 1.0 / d.config().classes;
  if (d.phase() != Distillation::Phase::Teacher && d.teacher_test_accuracy() < chance + 0.1) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
    ImGui::TextWrapped(tr("The teacher is barely better than chance (%.0f%%): with this learning rate Adam's steps "
                          "are too large for it to learn, and its soft targets carry nothing. Lower the learning "
                          "rate."),
                       100 * chance);
    ImGui::PopStyleColor();
  }
  ImGui::Text(tr("students 2-32-32-3, the first %d points:"), d.transfer_data().size());
  const std::string hard = i18n::format(tr("hard labels %.1f%%"), 100 * d.student_test_accuracy(Student::Hard));
  const std::string distilled = i18n::format(tr("distilled %.1f%%"), 100 * d.student_test_accuracy(Student::Distilled));
  same_line_if_fits(ImGui::CalcTextSize(hard.c_str()).x);
  ImGui::TextColored(kHardColor, "%s", hard.c_str());
  same_line_if_fits(ImGui::CalcTextSize(distilled.c_str()).x);
  ImGui::TextColored(kDistilledColor, "%s", distilled.c_str());
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool stacked = avail.x < kStackedViewWidth;  // a phone: the two columns one under the other
  float left = stacked ? avail.x : std::max(260.0f, avail.x * 0.55f);
  ImGui::BeginGroup();
  float map_side = std::max(100.0f, std::min((left - ImGui::GetStyle().ItemSpacing.x) / 2, avail.y * 0.45f));
  draw_accuracy_chart(left, std::max(160.0f, avail.y - map_side - 20 - ImGui::GetStyle().ItemSpacing.y));
  refresh_decision_maps();
  draw_decision_map(0, translatable("hard-label student"), map_side);
  ImGui::SameLine();
  draw_decision_map(1, translatable("distilled student"), map_side);
  ImGui::EndGroup();
  if (!stacked) ImGui::SameLine();
  ImGui::BeginGroup();
  ImVec2 rest = ImGui::GetContentRegionAvail();
  draw_soft_targets(rest.x, stacked ? 240.0f : std::max(160.0f, rest.y * 0.45f));
  draw_transfer_set(rest.x, stacked ? 300.0f : std::max(160.0f, ImGui::GetContentRegionAvail().y));
  ImGui::EndGroup();
}

void TemperatureDemo::draw_accuracy_chart(float width, float height) {
  const Distillation& d = *distillation_;
  ChartArea c =
      begin_chart("accuracy_chart", tr("test accuracy of the students (1,000 test points)"), ImVec2(width, height));
  float bottom = 1.0f / static_cast<float>(d.config().classes) - 0.05f;  // chance level, a little below
  auto v_of = [bottom](double a) { return (static_cast<float>(a) - bottom) / (1 - bottom); };
  for (float tick : {0.4f, 0.6f, 0.8f, 1.0f}) {
    c.draw->AddLine(ImVec2(c.min.x, c.y_at(v_of(tick))), ImVec2(c.max.x, c.y_at(v_of(tick))), kGridColor);
    char label[24];
    std::snprintf(label, sizeof label, "%.0f%%", 100.0 * static_cast<double>(tick));
    c.draw->AddText(ImVec2(c.origin.x, c.y_at(v_of(tick)) - 7), kLabelColor, label);
  }
  if (d.teacher_test_accuracy() > 0) {
    float y = c.y_at(v_of(d.teacher_test_accuracy()));
    c.draw->AddLine(ImVec2(c.min.x, y), ImVec2(c.max.x, y), color_u32(kTeacherColor, 0.8f), 1.5f);
    c.draw->AddText(ImVec2(c.min.x + 6, y - 16), color_u32(kTeacherColor), tr("teacher"));
  }
  std::string steps = i18n::format(tr("step %d"), d.config().student_steps);
  c.draw->AddText(ImVec2(c.max.x - ImGui::CalcTextSize(steps.c_str()).x, c.max.y + 2), kLabelColor, steps.c_str());
  const std::vector<StudentPoint>& history = d.history();
  for (int s = 0; s < 2; ++s) {
    std::vector<ImVec2> line;
    for (const StudentPoint& p : history)
      line.push_back(ImVec2(c.x_at(static_cast<float>(p.step) / static_cast<float>(d.config().student_steps)),
                            c.y_at(std::max(0.0f, v_of(p.test_accuracy[s])))));
    c.draw->AddPolyline(line.data(), static_cast<int>(line.size()), color_u32(s == 0 ? kHardColor : kDistilledColor), 0,
                        2.0f);
  }
  if (history.empty())
    c.draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(c.min.x + 10, c.min.y + 30), kLabelColor,
                    !running_ ? tr("Press Train: the teacher learns first, then the students.")
                              : tr("The teacher is learning."),
                    nullptr, c.max.x - c.min.x - 20);  // wrapped inside the chart
}

// For the chosen transfer-set point: its label, the teacher at T = 1 and at
// the distillation temperature (what the distilled student is trained toward).
void TemperatureDemo::draw_soft_targets(float width, float height) {
  const Distillation& d = *distillation_;
  ImGui::TextColored(kHardColor, "%s", tr("label"));
  same_line_if_fits(ImGui::CalcTextSize(tr("teacher, T = 1")).x);
  ImGui::TextDisabled("%s", tr("teacher, T = 1"));
  const std::string kd = i18n::format(tr("teacher, kd T = %.3g"), static_cast<double>(kd_temperature_));
  same_line_if_fits(ImGui::CalcTextSize(kd.c_str()).x);
  ImGui::TextColored(kDistilledColor, "%s", kd.c_str());
  ChartArea c = begin_chart("soft_targets", tr("targets for the ringed point"), ImVec2(width, height), 34, 20);
  const Tensor& teacher = d.teacher_transfer_logits();
  if (teacher.empty()) {
    c.draw->AddText(ImVec2(c.min.x + 8, c.min.y + 8), kLabelColor, tr("(after the teacher is trained)"));
    return;
  }
  int classes = d.config().classes, example = shown_example();
  std::vector<float> z(teacher.data() + static_cast<size_t>(example) * classes,
                       teacher.data() + static_cast<size_t>(example + 1) * classes);
  std::vector<double> series[3];
  series[0].assign(static_cast<size_t>(classes), 0.0);
  series[0][static_cast<size_t>(d.transfer_data().label[static_cast<size_t>(example)])] = 1;
  series[1] = summarize_softmax(z, 1.0).probabilities;
  series[2] = summarize_softmax(z, kd_temperature_).probabilities;
  const ImVec4 colors[3] = {kHardColor, ImVec4(0.7f, 0.7f, 0.7f, 1), kDistilledColor};
  float slot = (c.max.x - c.min.x) / static_cast<float>(classes);
  for (float tick : {0.0f, 0.5f, 1.0f}) {
    char label[24];
    std::snprintf(label, sizeof label, "%.1f", static_cast<double>(tick));
    c.draw->AddText(ImVec2(c.origin.x, c.y_at(tick * 0.9f) - 7), kLabelColor, label);
  }
  for (int k = 0; k < classes; ++k)
    for (int s = 0; s < 3; ++s) {
      float x0 = c.min.x + slot * (static_cast<float>(k) + 0.1f + 0.27f * static_cast<float>(s));
      float p = static_cast<float>(series[s][static_cast<size_t>(k)]);
      c.draw->AddRectFilled(ImVec2(x0, c.y_at(p * 0.9f)), ImVec2(x0 + slot * 0.24f, c.y_at(0)), color_u32(colors[s]));
      char label[32];
      // ".34" rather than "0.34": three labels share one class's width.
      std::snprintf(label, sizeof label, "%.2f", static_cast<double>(p));
      const char* shown = label[0] == '0' ? label + 1 : label;
      c.draw->AddText(ImVec2(x0 + slot * 0.12f - ImGui::CalcTextSize(shown).x / 2, c.y_at(p * 0.9f) - 14), kLabelColor,
                      shown);
      if (s == 1) {
        std::snprintf(label, sizeof label, tr("class %d"), k + 1);
        c.draw->AddText(ImVec2(x0, c.max.y + 3), color_u32(kClassColors[k % 4]), label);
      }
    }
}
// The teacher's predictions with the points both students see; click one to inspect it.
void TemperatureDemo::draw_transfer_set(float width, float height) {
  const Distillation& d = *distillation_;
  float side = std::max(120.0f, std::min(width, height - 28));
  ChartArea c = begin_chart("transfer_set", tr("teacher; transfer set (click a point)"),
                            ImVec2(side, side + 20), 2, 2);
  const Dataset2D& points = d.transfer_data();
  draw_map(c, maps_[2], d.config().classes, points);
  if (maps_[2].empty())
    for (int i = 0; i < points.size(); ++i)
      c.draw->AddCircleFilled(map_to_screen(c, points.x[2 * static_cast<size_t>(i)], points.x[2 * static_cast<size_t>(i) + 1]),
                              3.5f, color_u32(kClassColors[points.label[static_cast<size_t>(i)] % 4]));
  int nearest = -1;
  float nearest_distance = 12 * 12;
  ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int i = 0; i < points.size(); ++i) {
    ImVec2 p = map_to_screen(c, points.x[2 * static_cast<size_t>(i)], points.x[2 * static_cast<size_t>(i) + 1]);
    float dx = p.x - mouse.x, dy = p.y - mouse.y;
    if (dx * dx + dy * dy < nearest_distance) {
      nearest_distance = dx * dx + dy * dy;
      nearest = i;
    }
  }
  if (c.hovered && ImGui::IsMouseClicked(0) && nearest >= 0) kd_example_ = nearest;
  int example = shown_example();
  c.draw->AddCircle(map_to_screen(c, points.x[2 * static_cast<size_t>(example)], points.x[2 * static_cast<size_t>(example) + 1]),
                    9, IM_COL32(255, 255, 255, 255), 0, 2);
}
