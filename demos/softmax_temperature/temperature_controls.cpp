// The controls panel and the tab bar: the slider T always, then the open tab's settings.
#include <algorithm>
#include <cstdio>

#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"
#include "demos/view_tabs.h"

using namespace temperature_ui;

void TemperatureDemo::controls() {
  ImGui::SliderFloat("T", &temperature_, kMinTemperature, kMaxTemperature, "%.3g", ImGuiSliderFlags_Logarithmic);
  help_marker("The temperature of the logit explorer and of the language model's sampling. Distillation has its own "
              "(kd_T), calibration fits its own.");
  for (float preset : {0.05f, 0.5f, 1.0f, 2.0f, 20.0f}) {
    char label[32];
    std::snprintf(label, sizeof label, "%g", static_cast<double>(preset));
    if (ImGui::SmallButton(label)) temperature_ = preset;
    ImGui::SameLine();
  }
  ImGui::NewLine();

  if (ImGui::CollapsingHeader(tr_id("Logits and samples"), ImGuiTreeNodeFlags_DefaultOpen)) {
    sync_logits();
    int count = static_cast<int>(logits_.size());
    if (ImGui::SliderInt(tr_id("classes K"), &count, kMinLogits, kMaxLogits)) {
      std::vector<float> resized = logits_;
      resized.resize(static_cast<size_t>(count), -1.0f);
      set_logits(resized);
    }
    if (ImGui::Button(tr_id("Reset logits"))) set_logits({3, 1.5f, 1, 0.2f, -1});
    ImGui::SameLine();
    if (ImGui::Button(tr_id("Add 5 to all"))) {
      std::vector<float> shifted = logits_;
      float room = kLogitLimit - *std::max_element(shifted.begin(), shifted.end());
      for (float& z : shifted) z += std::min(5.0f, room);
      set_logits(shifted);
    }
    help_marker("softmax(z + c) = softmax(z): the probabilities do not move.");
    ImGui::SliderInt(tr_id("samples N"), &samples_, 1, 100000, "%d", ImGuiSliderFlags_Logarithmic);
    if (ImGui::Button(tr_id("Draw again"))) sample_seed_ = sample_seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::TextDisabled(tr("seed %d"), sample_seed_);
  }

  if (ImGui::CollapsingHeader(tr_id("Distillation"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::SliderFloat("kd T", &kd_temperature_, 1.0f, 20.0f, "%.2f", ImGuiSliderFlags_Logarithmic);
    help_marker("The temperature of the soft targets and of the student's softmax in the soft term. Changing it "
                "restarts training (the teacher, the same each time, trains again).");
    ImGui::SliderFloat("alpha", &kd_alpha_, 0.0f, 1.0f, "%.2f");
    help_marker("Weight of the soft term; 1 - alpha goes to the hard labels. alpha = 0 makes both students the same.");
    ImGui::SliderInt(tr_id("transfer points"), &kd_points_, 10, 1000, "%d", ImGuiSliderFlags_Logarithmic);
    help_marker("How many of the teacher's 1,000 labelled points the students see. With many, labels alone suffice.");
    ImGui::SliderFloat(tr_id("learning rate"), &kd_rate_, 0.00001f, 10.0f, "%.5g", ImGuiSliderFlags_Logarithmic);
    help_marker("Adam's step size for the teacher and both students; changing it restarts training. Far too large "
                "and the loss becomes NaN: training stops and says so.");
    if (ImGui::Button(tr_id("New data seed"))) kd_seed_ = kd_seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::TextDisabled(tr("seed %d"), kd_seed_);
  }

  if (ImGui::CollapsingHeader(tr_id("Calibration"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::SliderInt(tr_id("bins"), &cal_bins_, 5, 20);
    if (ImGui::Button(tr_id("New calibration seed"))) cal_seed_ = cal_seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::TextDisabled(tr("seed %d"), cal_seed_);
  }
}

void TemperatureDemo::draw() {
  url_tab_bar("temperature_views",
              {translatable("Logits"), translatable("Language model"), translatable("Distillation"),
               translatable("Calibration"), translatable("Notes")},
              &view_);
  sync_logits();
  switch (static_cast<View>(view_)) {
    case View::Logits: draw_logits_view(); break;
    case View::LanguageModel: lm_.draw(temperature_); break;
    case View::Distillation:
      rebuild_distillation_if_needed();
      draw_distillation_view();
      break;
    case View::Calibration:
      rebuild_calibration_if_needed();
      draw_calibration_view();
      break;
    case View::Notes: draw_notes_view(); break;
  }
}
