// The controls panel (model, decoding, scene), the tab bar and the Caption
// tab's layout; each part of the tab is drawn in its own file.
#include <algorithm>

#include "demos/captioning/caption_demo.h"
#include "demos/captioning/shown_message.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "demos/user_files.h"
#include "demos/view_tabs.h"
#include "imgui.h"

void CaptionDemo::controls() {
  ImGui::Combo(tr_id("model"), &model_, "Show, Attend and Tell\0Show and Tell\0");
  help_marker("Show and Tell (Vinyals et al. 2015): the mean of the image's 8 x 8 feature grid starts the LSTM. "
              "Show, Attend and Tell (Xu et al. 2015): before each word the LSTM weighs the 64 cells and reads "
              "their weighted mean.");
  switch (models_.weights()) {
    case CaptionModels::Weights::loading:
      ImGui::ProgressBar(models_.progress(), ImVec2(-1, 0), tr("loading the trained weights"));
      break;
    case CaptionModels::Weights::failed:
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), tr("untrained: %s"), shown_message(models_.message()).c_str());
      ImGui::PopTextWrapPos();
      break;
    case CaptionModels::Weights::untrained: ImGui::TextDisabled("%s", tr("untrained weights (random, seeded)")); break;
    case CaptionModels::Weights::shipped:
      ImGui::TextDisabled(tr("trained weights (%s)"), CaptionModels::kWeightsAsset);
      break;
  }

  ImGui::Spacing();
  ImGui::TextDisabled("%s", tr("Decoding"));
  ImGui::Separator();
  const char* const methods[] = {tr("greedy"), tr("beam search"), tr("sampling")};
  ImGui::Combo(tr_id("method"), &method_, methods, IM_ARRAYSIZE(methods));
  if (method_ == 1) {
    ImGui::SliderInt(tr_id("beam width k"), &beam_width_, 1, 10);
    help_marker("The k best partial captions by summed log-probability survive each step; k = 1 is greedy.");
    const char* const norms[] = {tr("none (sum)"), tr("per word"), "GNMT ((5+|Y|)/6)^0.7"};
    ImGui::Combo(tr_id("length norm."), &normalisation_, norms, IM_ARRAYSIZE(norms));
    help_marker("Summed log-probabilities favour short captions. Dividing by the length (or Wu et al. 2016's "
                "penalty) changes which finished caption wins, never the pruning.");
  } else if (method_ == 2) {
    ImGui::SliderFloat(tr_id("temperature T"), &temperature_, 0.01f, 100.0f, "%.3g", ImGuiSliderFlags_Logarithmic);
    help_marker("Each word is drawn from softmax(log p / T), as in the softmax-temperature demo (#demo=temperature): "
                "small T is greedy, large T babbles.");
    if (ImGui::Button(tr_id("Draw again"))) sample_seed_ = sample_seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::TextDisabled(tr("seed %d"), sample_seed_);
  }

  ImGui::Spacing();
  ImGui::TextDisabled("%s", tr("Scene"));
  ImGui::Separator();
  int split = split_;
  const char* const splits[] = {tr("test"), tr("held-out pairs")};
  if (ImGui::Combo(tr_id("split"), &split, splits, IM_ARRAYSIZE(splits))) {
    split_ = split;
    objects_.clear();
    word_ = -1;
  }
  help_marker("Test scenes use Fashion-MNIST's test images in the colour-class pairs seen in training; every "
              "held-out scene has a pair never seen in training (e.g. a green sneaker).");
  if (ImGui::Button(tr_id("New random scene"))) new_random_scene();
  ImGui::SameLine();
  ImGui::TextDisabled(objects_.empty() ? tr("seed %d") : tr("seed %d, edited"), seed_);
  if (ImGui::Button(tr_id("Caption your own picture..."))) request_open_image();
  help_marker("Open, drop or paste an image: it is shrunk to 64 x 64 and captioned. It stays on this device "
              "and is not part of the link. The model knows only this world of objects, so expect a caption "
              "about bags and shirts whatever the picture shows.");
  ImGui::SliderInt(tr_id("test scenes"), &score_scenes_, 10, 1000, "%d", ImGuiSliderFlags_Logarithmic);
  help_marker("How many test and held-out scenes the side-by-side BLEU-4 scores decode.");
  const char* const score_methods[] = {tr("greedy"), tr("as set above")};
  ImGui::Combo(tr_id("scores decode"), &score_decode_, score_methods, IM_ARRAYSIZE(score_methods));
  help_marker("Greedy is cheap and does not restart the scores when you change the beam; \"as set above\" scores "
              "the decoding you chose (a wide beam takes longer).");
}

void CaptionDemo::draw() {
  url_tab_bar("caption_views",
              {translatable("Caption"), translatable("Train"), translatable("Retrieval"), translatable("VQA"),
               translatable("Notes")},
              &view_);
  switch (static_cast<View>(view_)) {
    case View::Caption: draw_caption_view(); break;
    case View::Train: training_.draw(caption_text()); break;
    case View::Retrieval: retrieval_.draw(); break;
    case View::Vqa: vqa_.draw(); break;
    case View::Notes: draw_notes_view(); break;
  }
}

// A phone: the scene, its caption, the beam and the scores one under the
// other in one scrolling column, each at the full width (issue 14).
void CaptionDemo::draw_caption_view_stacked(float width) {
  ImGui::BeginChild("caption_stack", ImVec2(0, 0), false);
  draw_scene_editor(std::min(width - 24, 360.0f));
  if (picture_shown_) draw_picture_panel();
  else draw_object_list();
  ImGui::Separator();
  draw_caption_strip();
  ImGui::Separator();
  draw_bleu();
  ImGui::BeginChild("caption_beam", ImVec2(0, 300), true, ImGuiWindowFlags_HorizontalScrollbar);
  draw_beam_view();
  ImGui::EndChild();
  draw_scores();
  ImGui::EndChild();
}

void CaptionDemo::draw_caption_view() {
  if (!items_ready_) {
    if (!items_error_.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", items_error_.c_str());
    else ImGui::ProgressBar(items_progress_, ImVec2(-1, 0), tr("loading the Fashion-MNIST items"));
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < kStackedViewWidth) {
    draw_caption_view_stacked(avail.x);
    return;
  }
  const float side = std::clamp(std::min(avail.x * 0.36f, avail.y * 0.5f), 160.0f, 400.0f);
  const float top = std::max(side + 150.0f, avail.y * 0.58f);

  // Wide enough for the scene and for a row of the object list.
  ImGui::BeginChild("caption_scene", ImVec2(std::max(side + 16, object_list_width() + 16), top), false);
  draw_scene_editor(side);
  if (picture_shown_) draw_picture_panel();
  else draw_object_list();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("caption_words", ImVec2(0, top), false);
  draw_caption_strip();
  ImGui::Separator();
  draw_bleu();
  ImGui::EndChild();

  const float bottom = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("caption_beam", ImVec2(ImGui::GetContentRegionAvail().x * 0.56f, bottom), true,
                    ImGuiWindowFlags_HorizontalScrollbar);
  draw_beam_view();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("caption_scores", ImVec2(0, bottom), true);
  draw_scores();
  ImGui::EndChild();
}
