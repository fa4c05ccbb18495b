// The beam drawn step by step: one column per step, the k kept partial
// captions ranked by summed log-probability (their newest word and the sum),
// a line to the prefix each grew from, and below them the best pruned
// expansions greyed out. The path of the chosen caption is highlighted.
#include <algorithm>
#include <cstdio>

#include "demos/captioning/caption_demo.h"
#include "demos/captioning/vocabulary.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

namespace {

constexpr float kColumn = 112, kCellWidth = 96, kRow = 22, kGap = 12;
const ImU32 kKept = IM_COL32(70, 110, 170, 255), kPruned = IM_COL32(60, 60, 64, 255);
const ImU32 kBest = IM_COL32(240, 190, 60, 255), kFinished = IM_COL32(90, 200, 110, 255);

// A hypothesis's parent index counts the previous step's live (unfinished) kept
// hypotheses; this maps those back to rows of the previous column.
std::vector<int> live_rows(const BeamStep& step) {
  std::vector<int> rows;
  for (size_t i = 0; i < step.kept.size(); ++i)
    if (!step.kept[i].finished) rows.push_back(static_cast<int>(i));
  return rows;
}

bool is_prefix(const std::vector<int>& prefix, const std::vector<int>& tokens) {
  return prefix.size() <= tokens.size() && std::equal(prefix.begin(), prefix.end(), tokens.begin());
}

}  // namespace

void CaptionDemo::draw_beam_view() {
  if (preview_) {
    ImGui::TextDisabled("%s", tr("dragging: the beam is searched again when you drop the object"));
    return;
  }
  if (method_ != static_cast<int>(DecodeMethod::beam) || caption_.steps.empty()) {
    ImGui::TextWrapped(tr("The beam is drawn for beam search. %s"),
                       method_ == 0 ? tr("Greedy decoding keeps one caption: beam search with k = 1.")
                                    : tr("Sampling draws one word at a time and keeps no beam."));
    return;
  }
  const Vocabulary& vocabulary = Vocabulary::captions();
  std::vector<int> best_tokens;
  for (int t : caption_.tokens) best_tokens.push_back(t);
  best_tokens.push_back(kEnd);
  const int total = static_cast<int>(caption_.steps.size());
  ImGui::Text(tr("Beam search, k = %d:"), beam_width_);
  ImGui::SameLine();
  int shown = beam_steps_shown_ == 0 || beam_steps_shown_ > total ? total : beam_steps_shown_;
  ImGui::SetNextItemWidth(110);
  if (ImGui::SliderInt(tr_id("steps"), &shown, 1, total)) beam_steps_shown_ = shown == total ? 0 : shown;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr_id("next step"))) beam_steps_shown_ = shown >= total ? 1 : shown + 1;
  ImGui::TextDisabled("%s", tr("sum of log p; grey: pruned; green: ended"));

  size_t rows = 0;
  for (const BeamStep& s : caption_.steps) rows = std::max(rows, s.kept.size() + s.pruned.size());
  const size_t columns = static_cast<size_t>(shown);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float height = static_cast<float>(rows) * kRow + kGap + 4;
  ImGui::Dummy(ImVec2(kColumn * static_cast<float>(columns), height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const Hypothesis* hovered = nullptr;

  auto cell_min = [&](size_t step, size_t row, bool pruned) {
    return ImVec2(origin.x + kColumn * static_cast<float>(step),
                  origin.y + kRow * static_cast<float>(row) + (pruned ? kGap : 0));
  };
  for (size_t t = 0; t < columns; ++t) {
    const BeamStep& step = caption_.steps[t];
    const std::vector<int> parents = t > 0 ? live_rows(caption_.steps[t - 1]) : std::vector<int>{};
    for (int pass = 0; pass < 2; ++pass) {
      const std::vector<Hypothesis>& list = pass == 0 ? step.kept : step.pruned;
      for (size_t i = 0; i < list.size(); ++i) {
        const Hypothesis& h = list[i];
        const size_t row = pass == 0 ? i : step.kept.size() + i;
        const ImVec2 a = cell_min(t, row, pass == 1);
        const ImVec2 b(a.x + kCellWidth, a.y + kRow - 3);
        const bool on_best = pass == 0 && columns == caption_.steps.size() && is_prefix(h.tokens, best_tokens);
        if (t > 0 && h.parent >= 0 && h.parent < static_cast<int>(parents.size())) {
          const ImVec2 p = cell_min(t - 1, static_cast<size_t>(parents[static_cast<size_t>(h.parent)]), false);
          draw->AddLine(ImVec2(p.x + kCellWidth, p.y + kRow / 2 - 1), ImVec2(a.x, a.y + kRow / 2 - 1),
                        pass == 1 ? kPruned : on_best ? kBest : kKept, on_best ? 2.0f : 1.0f);
        }
        draw->AddRectFilled(a, b, pass == 1 ? IM_COL32(30, 30, 34, 255) : IM_COL32(28, 40, 60, 255), 3);
        draw->AddRect(a, b, on_best ? kBest : h.finished && pass == 0 ? kFinished : pass == 1 ? kPruned : kKept, 3);
        char text[48];
        std::snprintf(text, sizeof text, "%s %.2f", vocabulary.word(h.tokens.back()).c_str(), h.log_prob);
        draw->AddText(ImVec2(a.x + 4, a.y + 2), pass == 1 ? IM_COL32(120, 120, 120, 255) : IM_COL32(230, 230, 230, 255),
                      text);
        if (mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y && ImGui::IsWindowHovered())
          hovered = &h;
      }
    }
  }
  if (hovered) {
    std::vector<int> words(hovered->tokens.begin(), hovered->tokens.end());
    ImGui::SetTooltip(tr("%s%s\nsummed log p %.3f, score %.3f"), vocabulary.detokenise(words).c_str(),
                      hovered->finished ? " <end>" : "", hovered->log_prob, hovered->score);
  }
  if (!caption_.final_hypotheses.empty() && columns == caption_.steps.size()) {
    ImGui::TextUnformatted(tr("Finished captions, best score first:"));
    for (size_t i = 0; i < std::min<size_t>(caption_.final_hypotheses.size(), 10); ++i) {
      const Hypothesis& h = caption_.final_hypotheses[i];
      ImGui::TextDisabled(tr("%6.3f (sum %6.3f, %d tokens)  %s"), h.score, h.log_prob,
                          static_cast<int>(h.tokens.size()),
                          vocabulary.detokenise(h.tokens).c_str());
    }
  }
}
