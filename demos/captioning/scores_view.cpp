// Both models' corpus BLEU-4 side by side, on the test split and on the
// held-out colour-class pairs, filling in as the scenes are decoded.
#include <cmath>

#include "demos/captioning/caption_demo.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

void CaptionDemo::draw_scores() {
  ImGui::TextUnformatted(tr("Test-set BLEU-4"));
  help_marker("Corpus BLEU-4 (no smoothing) of each model's captions of scenes 1..N of each split, decoded as set "
              "in the controls. The held-out scenes each hold a colour-class pair never seen in training: they "
              "test whether the model composes words it knows in a new combination.");
  if (!scores_.error().empty()) {
    ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", scores_.error().c_str());
    return;
  }
  if (ImGui::BeginTable("scores", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr("model"));
    ImGui::TableSetupColumn(tr("test"));
    ImGui::TableSetupColumn(tr("held-out"));
    ImGui::TableHeadersRow();
    const char* names[2] = {"Attend", "Show, Tell"};
    for (int model = 0; model < TestSetScores::kModels; ++model) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(names[model]);
      for (int split = 0; split < TestSetScores::kSplits; ++split) {
        ImGui::TableNextColumn();
        const int done = scores_.scored(model, split);
        if (done == 0) {
          ImGui::TextDisabled("%s", tr("waiting"));
          continue;
        }
        const BleuScore b = scores_.bleu(model, split);
        if (done < scores_.scenes()) ImGui::TextDisabled("%.3f (%d/%d)", b.score, done, scores_.scenes());
        else ImGui::Text("%.3f", b.score);
        if (ImGui::IsItemHovered() && b.precisions.size() == 4)
          ImGui::SetTooltip("p1..p4 %.3f %.3f %.3f %.3f, BP %.3f", b.precisions[0], b.precisions[1], b.precisions[2],
                            b.precisions[3], b.brevity_penalty);
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled(score_decode_ == 0 ? tr("%d scenes per split, greedy decoding")
                                         : tr("%d scenes per split, the chosen decoding"),
                      scores_.scenes());
  ImGui::TextDisabled("%s", tr("Attend: Show, Attend and Tell"));
  if (models_.weights() != CaptionModels::Weights::shipped)
    ImGui::TextWrapped("%s", tr("These are untrained models: their scores are near 0 until the trained weights load."));
}
