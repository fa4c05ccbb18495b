// The controls panel: the two pictures, then the open tab's settings.
#include <cstdio>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/style_transfer/image_catalog.h"
#include "demos/style_transfer/style_demo.h"
#include "demos/user_files.h"

namespace {

// A combo over the whole catalogue, the given role first: any picture can be
// content or style, but the photos make natural content and the paintings and
// textures natural styles.
bool image_combo(const char* label, std::string* id, ImageRole first, bool from_user, const std::string& user_label) {
  const CatalogImage* current = find_catalog_image(*id);
  std::string shown = from_user ? i18n::format(tr("your file: %s"), user_label.c_str())
                               : current ? tr(current->title) : *id;
  bool changed = false;
  if (ImGui::BeginCombo(label, shown.c_str())) {
    for (ImageRole role : {first, first == ImageRole::Content ? ImageRole::Style : ImageRole::Content}) {
      ImGui::TextDisabled("%s", role == ImageRole::Content ? tr("photos") : tr("styles"));
      for (const CatalogImage* image : catalog_images(role))
        if (ImGui::Selectable(tr(image->title), !from_user && image->id == *id)) {
          *id = image->id;
          changed = true;
        }
    }
    ImGui::EndCombo();
  }
  if (current && ImGui::IsItemHovered() && !from_user) ImGui::SetTooltip("%s", tr(current->licence));
  return changed;
}

// The loss network's combo, on the Optimise and Inside tabs.
void loss_network_combo(int* network) {
  const char* items[] = {tr("random weights"), tr("trained classifier")};
  ImGui::Combo(tr_id("loss network"), network, items, 2);
}

}  // namespace

void StyleDemo::image_pickers() {
  if (image_combo(tr_id("content"), &content_id_, ImageRole::Content, images_.from_user(ImageSlot::Content),
                  images_.label(ImageSlot::Content)))
    images_.use_builtin(ImageSlot::Content);
  if (image_combo(tr_id("style"), &style_id_, ImageRole::Style, images_.from_user(ImageSlot::Style),
                  images_.label(ImageSlot::Style)))
    images_.use_builtin(ImageSlot::Style);
  if (ImGui::Button(tr_id("Open your own picture..."))) request_open_image();
  help_marker("Or drop an image file on the page, or paste one. It is decoded with limits on size and memory and "
              "shrunk to the working size; a bad file gets a message and the current pictures stay. Your own "
              "picture cannot travel in a link: a shared link opens the built-in picture named in it.");
  int target = drops_to_style_ ? 1 : 0;
  ImGui::TextUnformatted(tr("new pictures go to"));
  ImGui::RadioButton(tr_id("content##drop"), &target, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr_id("style##drop"), &target, 1);
  drops_to_style_ = target == 1;
  if (images_.from_user(ImageSlot::Content) || images_.from_user(ImageSlot::Style))
    ImGui::TextDisabled("%s", tr("The link keeps the built-in pictures, not your file."));
}

void StyleDemo::apply_preset(int preset) {
  use_settings(gatys_presets()[static_cast<size_t>(preset)].settings);
  running_ = true;
  gatys_.start_over();
}

void StyleDemo::optimise_controls() {
  if (ImGui::Button(running_                                          ? tr_id("Pause")
                    : gatys_.iteration() > 0 && !gatys_.finished() ? tr_id("Resume")
                                                                   : tr_id("Optimise")))
    running_ = !running_;
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Start over"))) gatys_.start_over();
  ImGui::TextUnformatted(tr("Presets:"));
  const std::vector<GatysPreset>& presets = gatys_presets();
  float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (size_t i = 0; i < presets.size(); ++i) {
    // Buttons flow left to right and wrap when the next would not fit.
    float width = ImGui::CalcTextSize(tr(presets[i].title)).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
    }
    if (ImGui::SmallButton(tr_id(presets[i].title))) apply_preset(static_cast<int>(i));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(presets[i].explanation));
  }

  loss_network_combo(&network_);
  help_marker("Both have the same VGG-like shape. \"random\", the default chosen by measurement, has "
              "He-initialised weights rescaled so that each layer's mean activation is 1 (He, Wang & Hopcroft "
              "2016). The classifier was trained by this playground's engine to tell apart crops of about 70 "
              "pictures. docs/style-transfer.md compares them.");
  const char* starts[] = {tr("the content photo"), tr("noise"), tr("a blurred copy")};
  ImGui::Combo(tr_id("start from"), &init_, starts, 3);
  ImGui::Combo(tr_id("optimiser"), &optimizer_, "L-BFGS\0Adam\0");
  help_marker("L-BFGS (Gatys et al.'s choice) builds a picture of the curvature from its last 10 gradients and "
              "searches along its direction; Adam takes plain adaptive steps of size lr.");
  if (optimizer_ == 1) ImGui::SliderFloat(tr_id("lr"), &adam_rate_, 0.0001f, 1.0f, "%.4f", ImGuiSliderFlags_Logarithmic);
  ImGui::SliderInt(tr_id("size"), &size_, 64, 512);
  help_marker("The longer side of the pictures, in pixels. Time per iteration grows with the number of pixels: "
              "128-256 suits a browser.");

  ImGui::Separator();
  const std::vector<std::string>& layers = LossNetwork::layer_names();
  ImGui::Combo(tr_id("content layer"), &content_layer_, [](void* data, int i, const char** out) {
    *out = (*static_cast<const std::vector<std::string>*>(data))[static_cast<size_t>(i)].c_str();
    return true;
  }, const_cast<std::vector<std::string>*>(&layers), static_cast<int>(layers.size()));
  help_marker("Where the content is compared. Shallow layers keep the exact pixels; deep layers only where things are.");
  ImGui::TextUnformatted(tr("style layers and their weights"));
  const char* names[4] = {"relu1_1", "relu2_1", "relu3_1", "relu4_1"};
  for (int i = 0; i < 4; ++i) ImGui::SliderFloat(names[i], &style_layer_weights_[i], 0, 1, "%.2f");
  help_marker("Shallow layers carry colour and fine grain; deeper ones larger strokes and shapes. 0 leaves a layer out.");
  ImGui::SliderFloat(tr_id("content weight"), &content_weight_, 0, 100, "%.3g", ImGuiSliderFlags_Logarithmic);
  ImGui::SliderFloat(tr_id("style weight"), &style_weight_, 0, 1e6f, "%.3g", ImGuiSliderFlags_Logarithmic);
  help_marker("alpha and beta of L = alpha L_content + beta L_style + gamma TV. Only their ratio matters for the "
              "result; Gatys et al. sweep alpha/beta from 1e-5 to 1e-2.");
  ImGui::SliderFloat(tr_id("TV weight"), &tv_weight_, 0, 1000, "%.3g", ImGuiSliderFlags_Logarithmic);
  const char* colours[] = {tr("the style's"), tr("the content's (luminance only)"), tr("the content's (matched style)")};
  ImGui::Combo(tr_id("colours"), &colour_, colours, 3);
  help_marker("Gatys et al. 2017: luminance only optimises brightness and keeps the photo's colours; matching "
              "shifts the style picture's colours to the photo's mean and covariance first.");
  ImGui::SliderInt(tr_id("iterations"), &max_iterations_, 1, 5000, "%d", ImGuiSliderFlags_Logarithmic);
}

void StyleDemo::controls() {
  image_pickers();
  ImGui::Separator();
  switch (static_cast<View>(view_)) {
    case View::Optimise: optimise_controls(); break;
    case View::Fast: fast_.controls(); break;
    case View::Inside:
      inside_.controls();
      loss_network_combo(&network_);
      if (ImGui::Button(running_ ? tr_id("Pause the optimisation") : tr_id("Run the optimisation"))) running_ = !running_;
      help_marker("The output column follows the Optimise tab's run; watch its Gram matrix approach the style's.");
      break;
    case View::Notes: break;
  }
}
