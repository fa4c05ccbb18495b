#include "demos/style_transfer/fast_panel.h"

#include <algorithm>
#include <cstdio>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/style_transfer/fast_styles.h"
#include "imgui.h"

namespace {

const char* const kWeightsAsset = "data/style-transform.dlpw";

std::vector<std::string> style_choices() {
  std::vector<std::string> ids;
  for (const FastStyle& s : kFastStyles) ids.emplace_back(s.id);
  ids.emplace_back("yours");
  return ids;
}

const char* style_label(int index) {
  return index < kFastStyleCount ? tr(kFastStyles[index].label) : tr("Your own style");
}

bool style_combo(const char* label, int* index, bool include_own) {
  bool changed = false;
  if (ImGui::BeginCombo(label, style_label(*index))) {
    for (int i = 0; i < kFastStyleCount + (include_own ? 1 : 0); ++i)
      if (ImGui::Selectable(style_label(i), i == *index)) *index = i, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void FastPanel::declare_state(StateFields& f) {
  f.choice("fast_style", &style_, style_choices(), 0);
  std::vector<std::string> shipped(style_choices());
  shipped.pop_back();
  f.choice("fast_blend_style", &blend_style_, shipped, 1);
  f.number("fast_blend", &blend_, 0, 0, 1);
  f.number("fast_strength", &strength_, 1, 0, 1);
  f.integer("fast_train_steps", &train_steps_, 300, 20, 5000);
}

bool FastPanel::using_own_network() const { return style_ == kFastStyleCount; }

void FastPanel::update(const Tensor& content, const Tensor& style, unsigned pictures_version) {
  weights_ = request_asset(kWeightsAsset);
  Bytes message;
  while (stylise_task_.poll(&message)) {
    FastStyliseResult fresh;
    if (decode_fast_stylise_result(message, &fresh, &error_)) {
      result_ = fresh.image;
      milliseconds_ = fresh.milliseconds;
      set_rgb_image_from_planes(result_picture_, result_.data(), result_.dim(3), result_.dim(2));
      error_.clear();
    }
  }
  if (!stylise_task_.error().empty()) error_ = stylise_task_.error();
  take_training_messages();
  if (train_requested_) {
    train_requested_ = false;
    start_training(content, style);
  }

  if (content.empty()) return;
  bool own = using_own_network();
  if (own && own_weights_.empty()) return;
  if (!own && weights_.state != AssetStatus::State::Ready) return;
  char key[128];
  std::snprintf(key, sizeof key, "%d|%d|%.3f|%.3f|%u|%u", style_, blend_style_, static_cast<double>(blend_),
                static_cast<double>(strength_), pictures_version, own_version_);
  if (key == requested_key_ || stylise_task_.running()) return;  // the newest request goes when this one is done
  requested_key_ = key;
  FastStyliseRequest request;
  if (own) {
    request.shape = FastTrainInput::browser_network();
    request.shape.styles = 1;
    request.weights = own_weights_;
    request.style_weights = {1};
  } else {
    request.shape = fast_network_shape();
    request.weights = *weights_.bytes;
    request.style_weights.assign(static_cast<size_t>(kFastStyleCount), 0.0f);
    request.style_weights[static_cast<size_t>(style_)] += 1 - blend_;
    request.style_weights[static_cast<size_t>(blend_style_)] += blend_;
  }
  request.strength = strength_;
  request.content = content;
  stylise_task_.start("fast_stylise", encode_fast_stylise_request(request));
}

void FastPanel::start_training(const Tensor& content, const Tensor& style) {
  if (content.empty() || style.empty()) return;
  FastTrainInput input;
  input.network = FastTrainInput::browser_network();
  input.steps = train_steps_;
  input.style = rgb8_from_tensor(style);
  input.contents = {rgb8_from_tensor(content)};
  train_task_.start("fast_train", encode_fast_train_input(input));
  train_step_ = 0;
  train_total_ = train_steps_;
  train_curves_.clear();
  train_error_.clear();
}

void FastPanel::take_training_messages() {
  Bytes bytes;
  while (train_task_.poll(&bytes)) {
    FastTrainMessage message;
    std::string problem;
    if (!decode_fast_train_message(bytes, &message, &problem)) {
      train_error_ = problem;
      train_task_.cancel();
      return;
    }
    train_step_ = message.step;
    train_total_ = message.steps;
    train_curves_.add(message.losses.content, message.losses.style, message.losses.tv);
    if (message.preview.width > 0) {
      Tensor preview = tensor_from_rgb8(message.preview);
      set_rgb_image_from_planes(train_preview_, preview.data(), preview.dim(3), preview.dim(2));
    }
    if (!message.error.empty()) train_error_ = message.error;
    if (!message.weights.empty()) {
      own_weights_ = message.weights;
      ++own_version_;
      style_ = kFastStyleCount;  // show what was just trained
    }
  }
  if (!train_task_.error().empty()) train_error_ = train_task_.error();
}

void FastPanel::controls() {
  style_combo(tr_id("style"), &style_, true);
  help_marker("One network holds the shipped styles: they share every convolution and differ only in the scale and "
              "shift of each instance normalisation (Dumoulin et al. 2017). \"Your own style\" is the network you "
              "train below.");
  if (!using_own_network()) {
    style_combo(tr_id("blend with"), &blend_style_, false);
    ImGui::SliderFloat(tr_id("blend"), &blend_, 0, 1, "%.2f");
    help_marker("Mixes the two styles' normalisation parameters: (1 - blend) * first + blend * second. Every "
                "in-between value is a style the network was never trained on.");
  }
  ImGui::SliderFloat(tr_id("strength"), &strength_, 0, 1, "%.2f");
  help_marker("strength * stylised + (1 - strength) * content, pixel by pixel.");
  ImGui::Separator();
  ImGui::TextUnformatted(tr("Train your own style"));
  ImGui::SliderInt(tr_id("steps"), &train_steps_, 20, 5000, "%d", ImGuiSliderFlags_Logarithmic);
  help_marker("A smaller network (8-16-32 channels) learns the style picture now chosen, from crops of the "
              "content picture, one Adam step at a time in the background.");
  bool training = train_task_.running();
  if (ImGui::Button(training ? tr_id("Restart training") : tr_id("Train on the current style"))) train_requested_ = true;
  if (training) {
    ImGui::SameLine();
    if (ImGui::Button(tr_id("Stop"))) train_task_.cancel();
  }
}

void FastPanel::draw(const RgbImage& content_picture) {
  if (weights_.state == AssetStatus::State::Loading) {
    ImGui::ProgressBar(weights_.progress, ImVec2(-1, 0), tr("loading the transform network"));
  } else if (weights_.state == AssetStatus::State::Failed) {
    ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", weights_.error.c_str());
  }
  if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), tr("The background job failed: %s"), error_.c_str());
  if (using_own_network() && own_weights_.empty())
    ImGui::TextDisabled("%s", tr("No network of your own yet: press \"Train on the current style\"."));

  float width = ImGui::GetContentRegionAvail().x;
  float side = std::clamp((width - 16) / 2.0f, 96.0f, 420.0f);
  ImVec2 at = ImGui::GetCursorScreenPos();
  auto height_for = [&](const RgbImage& p) {
    return p.width > 0 ? side * static_cast<float>(p.height) / static_cast<float>(p.width) : side;
  };
  float tallest = std::max(height_for(content_picture), height_for(result_picture_));
  draw_rgb_image(at, ImVec2(at.x + side, at.y + height_for(content_picture)), content_picture, 300);
  if (result_picture_.width > 0)
    draw_rgb_image(ImVec2(at.x + side + 12, at.y), ImVec2(at.x + 2 * side + 12, at.y + height_for(result_picture_)),
                   result_picture_, 301);
  ImGui::Dummy(ImVec2(2 * side + 12, tallest));
  if (result_picture_.width > 0)
    ImGui::TextWrapped(tr("One forward pass: %.0f ms for %d x %d (in the background job)"), milliseconds_,
                       result_picture_.width, result_picture_.height);
  if (!using_own_network())
    ImGui::TextWrapped("%s", tr("Honest note: the shipped network trained for 3,000 steps, under 20 minutes of one "
                                "core, where Johnson et al. trained for hours on 80,000 photos. On photos it never "
                                "saw it keeps as much of the content as the Optimise tab, but paints rainbow "
                                "fringes more than the style's palette: its style loss is about 15 times the "
                                "Optimise tab's (docs/style-transfer-fast.md)."));

  if (train_total_ > 0) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Your own style"));
    std::string overlay = i18n::format(tr("step %d of %d"), train_step_, train_total_);
    ImGui::ProgressBar(static_cast<float>(train_step_) / static_cast<float>(std::max(train_total_, 1)),
                       ImVec2(-1, 0), overlay.c_str());
    if (!train_error_.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), tr("The background job failed: %s"), train_error_.c_str());
    ImVec2 chart_at = ImGui::GetCursorScreenPos();
    float preview_side = 160;
    if (train_preview_.width > 0)
      draw_rgb_image(chart_at, ImVec2(chart_at.x + preview_side, chart_at.y + preview_side), train_preview_, 302);
    ImGui::SetCursorScreenPos(ImVec2(chart_at.x + preview_side + 12, chart_at.y));
    train_curves_.draw(tr("training losses"), ImVec2(std::max(120.0f, width - preview_side - 12), preview_side));
  }
}
