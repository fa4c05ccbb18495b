// The dropout demo's controls panel: play, data, network, per-layer rates, training.
#include <algorithm>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "imgui.h"

using namespace dropout_ui;


void DropoutDemo::controls() {
  if (ImGui::Button(running_ ? "Pause" : "Play")) running_ = !running_;
  ImGui::SameLine();
  if (ImGui::Button("Step") && trainer_.ready()) trainer_.run_steps(1);
  ImGui::SameLine();
  if (ImGui::Button("Reset networks")) rebuild();
  if (trainer_.ready()) {
    ImGui::Text("step %ld   epoch %.1f   %.0f images/s", trainer_.steps(), trainer_.epochs(), images_per_second_);
    const Metrics &plain = trainer_.metrics(Twin::Plain), &dropped = trainer_.metrics(Twin::Dropout);
    ImGui::Text("test error: plain %.1f%%  dropout %.1f%%", 100.0 * static_cast<double>(plain.test_error),
                100.0 * static_cast<double>(dropped.test_error));
  }
  if (trainer_.diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
    ImGui::TextWrapped("Training stopped: %s. Your settings are kept; lower the learning rate and reset.",
                       trainer_.divergence().c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button("Reset the networks")) rebuild();
  }

  if (ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kLabels[] = {"Fashion-MNIST", "2-D: moons", "2-D: circle", "2-D: XOR", "2-D: spiral"};
    ImGui::Combo("data set", &data_, kLabels, 5);
    if (wants_images()) {
      ImGui::SliderInt("train images", &train_images_, 100, 10000, "%d", ImGuiSliderFlags_Logarithmic);
      help_marker("The first N of the 10,000 training images; the 2,000 test images are always all used. A small "
                  "training set is what makes a wide network overfit within a minute.");
      if (!asset_ && asset_error_.empty()) ImGui::ProgressBar(asset_progress_, ImVec2(-1, 0), "loading Fashion-MNIST");
      if (!asset_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
        ImGui::TextWrapped("Fashion-MNIST could not be loaded: %s", asset_error_.c_str());
        ImGui::PopStyleColor();
        if (ImGui::Button("Use the 2-D data instead")) use_points_instead();
      }
    } else {
      ImGui::SliderInt("train points", &points_, 10, 1000);
      ImGui::SliderFloat("noise", &noise_, 0.0f, 0.5f, "%.2f");
      help_marker("Few noisy training points: a wide network can bend its boundary around each of them. The test "
                  "set has 1,000 points from the same distribution.");
    }
    if (ImGui::Button("New seed")) seed_ = seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::Text("seed %d (weights%s)", seed_, wants_images() ? "" : " and points");
  }

  if (ImGui::CollapsingHeader("Network", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::SliderInt("hidden layers", &layers_, 1, kMaxDropoutLayers);
    ImGui::SliderInt("width", &width_, 8, 1024, "%d", ImGuiSliderFlags_Logarithmic);
    ImGui::TextDisabled("%d-%s-%d ReLU, both networks", trainer_.ready() ? trainer_.data().inputs : 784,
                        layers_ == 1 ? "W" : layers_ == 2 ? "W-W" : "W-W-W", trainer_.ready() ? trainer_.data().classes : 10);
  }

  if (ImGui::CollapsingHeader("Dropout rates (per layer)", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::BeginDisabled(!wants_images());
    ImGui::SliderFloat("input p", &drop_input_, 0.0f, 0.9f, "%.2f");
    ImGui::EndDisabled();
    help_marker(wants_images() ? "Drop probability of each pixel. The paper: 0.2 for inputs, 0.5 for hidden units."
                               : "Not used for 2-D points: dropping x or y erases where the point is.");
    static const char* const kLabels[kMaxDropoutLayers] = {"hidden 1 p", "hidden 2 p", "hidden 3 p"};
    for (int l = 0; l < layers_; ++l) ImGui::SliderFloat(kLabels[l], &drop_hidden_[l], 0.0f, 0.9f, "%.2f");
    static const char* const kScalingLabels[] = {"inverted: /q in training", "paper: W x q at test"};
    ImGui::Combo("scaling", &scaling_, kScalingLabels, 2);
    help_marker("q = 1 - p is the keep probability. Both keep each layer's expected input the same in training "
                "and at test time; they train the same networks.");
    ImGui::TextWrapped("The rate is a per-layer hyperparameter. AlexNet and VGG used p = 0.5 in their fully "
                       "connected layers; in convolutional networks batch normalisation has largely replaced it.");
  }

  if (ImGui::CollapsingHeader("Training", ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kOptimizerLabels[] = {"Adam", "SGD + momentum 0.9", "SGD"};
    ImGui::Combo("optimizer", &optimizer_, kOptimizerLabels, 3);
    ImGui::SliderFloat("learning rate", &rate_, 0.00001f, 10.0f, "%.5g", ImGuiSliderFlags_Logarithmic);
    ImGui::SliderInt("batch size", &batch_, 1, 500, "%d", ImGuiSliderFlags_Logarithmic);
    ImGui::TextDisabled("Both networks take the same mini-batches.");
  }
}
