// The dropout demo's controls panel: play, data, network, per-layer rates, training.
#include <algorithm>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

// Why training stopped, in the UI's language (TwinTrainer::divergence() is the English).
std::string divergence_shown(const TwinTrainer& trainer) {
  const TwinTrainer::Divergence& why = trainer.divergence_parts();
  const char* network = why.twin == Twin::Plain ? tr("the network without dropout") : tr("the dropout network");
  if (why.step == 0) return i18n::format(tr("%s failed: %s"), network, why.tape_error.c_str());
  return i18n::format(tr("%s: its loss became NaN or infinite at step %ld; the learning rate is too large for it"),
                      network, why.step);
}

// Combo items shown in the UI's language; the choice (an index) is the same in every language.
template <size_t N>
bool translated_combo(const char* label, int* current, const char* const (&english)[N]) {
  const char* shown[N];
  for (size_t i = 0; i < N; ++i) shown[i] = tr(english[i]);
  return ImGui::Combo(label, current, shown, static_cast<int>(N));
}

}  // namespace

void DropoutDemo::controls() {
  if (ImGui::Button(running_ ? tr_id("Pause") : tr_id("Play"))) running_ = !running_;
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Step")) && trainer_.ready()) trainer_.run_steps(1);
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Reset networks"))) rebuild();
  if (trainer_.ready()) {
    ImGui::Text(tr("step %ld   epoch %.1f   %.0f images/s"), trainer_.steps(), trainer_.epochs(), images_per_second_);
    const Metrics &plain = trainer_.metrics(Twin::Plain), &dropped = trainer_.metrics(Twin::Dropout);
    ImGui::Text(tr("test error: plain %.1f%%  dropout %.1f%%"), 100.0 * static_cast<double>(plain.test_error),
                100.0 * static_cast<double>(dropped.test_error));
  }
  if (trainer_.diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
    ImGui::TextWrapped(tr("Training stopped: %s. Your settings are kept; lower the learning rate and reset."),
                       divergence_shown(trainer_).c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button(tr_id("Reset the networks"))) rebuild();
  }

  if (ImGui::CollapsingHeader(tr_id("Data"), ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kLabels[] = {"Fashion-MNIST", translatable("2-D: moons"), translatable("2-D: circle"),
                                          "2-D: XOR", translatable("2-D: spiral")};
    translated_combo(tr_id("data set"), &data_, kLabels);
    if (wants_images()) {
      ImGui::SliderInt(tr_id("train images"), &train_images_, 100, 10000, "%d", ImGuiSliderFlags_Logarithmic);
      help_marker("The first N of the 10,000 training images; the 2,000 test images are always all used. A small "
                  "training set is what makes a wide network overfit within a minute.");
      if (!asset_ && asset_error_.empty())
        ImGui::ProgressBar(asset_progress_, ImVec2(-1, 0), tr("loading Fashion-MNIST"));
      if (!asset_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
        ImGui::TextWrapped(tr("Fashion-MNIST could not be loaded: %s"), tr(asset_error_.c_str()));
        ImGui::PopStyleColor();
        if (ImGui::Button(tr_id("Use the 2-D data instead"))) use_points_instead();
      }
    } else {
      ImGui::SliderInt(tr_id("train points"), &points_, 10, 1000);
      ImGui::SliderFloat(tr_id("noise"), &noise_, 0.0f, 0.5f, "%.2f");
      help_marker("Few noisy training points: a wide network can bend its boundary around each of them. The test "
                  "set has 1,000 points from the same distribution.");
    }
    if (ImGui::Button(tr_id("New seed"))) seed_ = seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::Text(wants_images() ? tr("seed %d (weights)") : tr("seed %d (weights and points)"), seed_);
  }

  if (ImGui::CollapsingHeader(tr_id("Network"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::SliderInt(tr_id("hidden layers"), &layers_, 1, kMaxDropoutLayers);
    ImGui::SliderInt(tr_id("width"), &width_, 8, 1024, "%d", ImGuiSliderFlags_Logarithmic);
    ImGui::TextDisabled(tr("%d-%s-%d ReLU, both networks"), trainer_.ready() ? trainer_.data().inputs : 784,
                        layers_ == 1 ? "W" : layers_ == 2 ? "W-W" : "W-W-W", trainer_.ready() ? trainer_.data().classes : 10);
  }

  if (ImGui::CollapsingHeader(tr_id("Dropout rates (per layer)"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::BeginDisabled(!wants_images());
    ImGui::SliderFloat(tr_id("input p"), &drop_input_, 0.0f, 0.9f, "%.2f");
    ImGui::EndDisabled();
    help_marker(wants_images() ? translatable("Drop probability of each pixel. The paper: 0.2 for inputs, 0.5 for hidden units.")
                               : translatable("Not used for 2-D points: dropping x or y erases where the point is."));
    static const char* const kLabels[kMaxDropoutLayers] = {translatable("hidden 1 p"), translatable("hidden 2 p"),
                                                           translatable("hidden 3 p")};
    for (int l = 0; l < layers_; ++l) ImGui::SliderFloat(tr_id(kLabels[l]), &drop_hidden_[l], 0.0f, 0.9f, "%.2f");
    static const char* const kScalingLabels[] = {translatable("inverted: /q in training"),
                                                 translatable("paper: W x q at test")};
    translated_combo(tr_id("scaling"), &scaling_, kScalingLabels);
    help_marker("q = 1 - p is the keep probability. Both keep each layer's expected input the same in training "
                "and at test time; they train the same networks.");
    ImGui::TextWrapped("%s", tr("The rate is a per-layer hyperparameter. AlexNet and VGG used p = 0.5 in their fully "
                                "connected layers; in convolutional networks batch normalisation has largely replaced it."));
  }

  if (ImGui::CollapsingHeader(tr_id("Training"), ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kOptimizerLabels[] = {"Adam", translatable("SGD + momentum 0.9"), "SGD"};
    translated_combo(tr_id("optimizer"), &optimizer_, kOptimizerLabels);
    ImGui::SliderFloat(tr_id("learning rate"), &rate_, 0.00001f, 10.0f, "%.5g", ImGuiSliderFlags_Logarithmic);
    ImGui::SliderInt(tr_id("batch size"), &batch_, 1, 500, "%d", ImGuiSliderFlags_Logarithmic);
    ImGui::TextDisabled("%s", tr("Both networks take the same mini-batches."));
  }
}
