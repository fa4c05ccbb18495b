// The paper's figure, live (Xu et al. 2015, Fig. 3): the caption as a strip
// of words, each over the attention map computed while predicting it; hover
// or click a word to lay its map over the big scene. Then the caption's BLEU
// against the scene's references.
#include <algorithm>
#include <cmath>

#include "demos/captioning/caption_demo.h"
#include "demos/captioning/vocabulary.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "imgui.h"

namespace {

constexpr int kThumbnailSlot = 520;  // 520..539
constexpr float kThumbnail = 48;

}  // namespace

void CaptionDemo::draw_caption_strip() {
  if (!caption_.error.empty()) {
    ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", caption_.error.c_str());
    return;
  }
  const bool attends = !caption_.attention.empty();
  ImGui::Text(tr("Caption (%s)"), model_ == CaptionModels::kAttention ? "Show, Attend and Tell" : "Show and Tell");
  ImGui::TextDisabled(tr("log p = %.3f%s, %.0f ms%s"), caption_.log_prob,
                      caption_.finished ? "" : tr(", cut at the length limit"), caption_ms_,
                      preview_ ? tr(" (greedy while dragging; the beam runs on the drop)") : "");

  hovered_word_ = -1;
  word_centres_.clear();
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (int w = 0; w < static_cast<int>(caption_.words.size()); ++w) {
    const std::string& word = caption_.words[static_cast<size_t>(w)];
    const float width = std::max(kThumbnail, ImGui::CalcTextSize(word.c_str()).x + 12);
    if (w > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
    }
    ImGui::PushID(w);
    ImGui::BeginGroup();
    if (attends) {
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float left = at.x + (width - kThumbnail) / 2;
      draw_rgb_image(ImVec2(left, at.y), ImVec2(left + kThumbnail, at.y + kThumbnail),
                     word_maps_[static_cast<size_t>(w)], kThumbnailSlot + (w % 20), true);
    }
    const bool pinned = word_ == w;
    bool clicked = attends && ImGui::InvisibleButton("map", ImVec2(width, kThumbnail));
    if (pinned) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    clicked = ImGui::Button(word.c_str(), ImVec2(width, 0)) || clicked;
    if (pinned) ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();  // the word's button
    word_centres_.push_back({(min.x + max.x) / 2, (min.y + max.y) / 2});
    if (clicked) word_ = pinned ? -1 : w;
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) hovered_word_ = w;
    ImGui::PopID();
  }
  if (caption_.words.empty()) ImGui::TextDisabled("%s", tr("(the model ended at once: an empty caption)"));
  if (model_ == CaptionModels::kShowTell) {
    ImGui::TextWrapped("%s", tr("Show and Tell has no attention: one mean feature vector of the whole picture starts "
                             "the LSTM, and no word looks anywhere in particular."));
  } else if (attends) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("hover or click a word: its map covers the scene (brighter cells weigh more)"));
    ImGui::PopTextWrapPos();
  }
}

void CaptionDemo::draw_bleu() {
  if (references_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("BLEU needs reference captions, and nobody wrote any for your picture."));
    ImGui::PopTextWrapPos();
    return;
  }
  ImGui::Text(tr("BLEU against the %d references"), static_cast<int>(references_.size()));
  help_marker("Papineni et al. 2002: the geometric mean of the clipped n-gram precisions p_1..p_N, times the "
              "brevity penalty BP = exp(1 - r/c) when the caption (c words) is shorter than the closest "
              "reference (r words). A zero match count is smoothed to 0.1 (Chen & Cherry 2014, method 1), so a "
              "short caption's BLEU-4 is small rather than 0.");
  // Four columns, or two rows of two where four would not fit.
  const float column = ImGui::CalcTextSize("BLEU-4 0.000").x + 2 * ImGui::GetStyle().CellPadding.x + 8;
  const int columns = ImGui::GetContentRegionAvail().x >= 4 * column ? 4 : 2;
  if (ImGui::BeginTable("bleu", columns, ImGuiTableFlags_SizingFixedFit)) {
    for (int n = 1; n <= 4; ++n) {
      ImGui::TableNextColumn();
      ImGui::Text("BLEU-%d %.3f", n, bleu_[n - 1].score);
      if (bleu_[n - 1].totals.size() == static_cast<size_t>(n)) {
        ImGui::TextDisabled("p%d %ld/%ld", n, bleu_[n - 1].matches[static_cast<size_t>(n - 1)],
                            bleu_[n - 1].totals[static_cast<size_t>(n - 1)]);
      }
    }
    ImGui::EndTable();
  }
  text_disabled_wrapped(i18n::format(tr("brevity penalty %.3f (c = %ld, r = %ld)"), bleu_[3].brevity_penalty,
                                     bleu_[3].candidate_length, bleu_[3].reference_length).c_str());
  for (size_t i = 0; i < references_.size(); ++i) {
    const bool same = references_[i] == Vocabulary::captions().detokenise(caption_.tokens);
    if (same) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "= %s", references_[i].c_str());
      ImGui::PopTextWrapPos();
    }
    else {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", references_[i].c_str());
    }
  }
}
