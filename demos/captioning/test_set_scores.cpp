#include "demos/captioning/test_set_scores.h"

#include <cmath>

#include "demos/captioning/captions.h"
#include "demos/captioning/vocabulary.h"

namespace {

Tokens words_of(const std::string& caption) {
  Tokens words;
  for (int id : Vocabulary::captions().tokenise(caption).ids) words.push_back(Vocabulary::captions().word(id));
  return words;
}

}  // namespace

SceneSplit score_split(int split) { return split == 0 ? SceneSplit::test : SceneSplit::heldout; }

void TestSetScores::restart(int scenes, const DecodeSettings& settings) {
  for (auto& row : cells_)
    for (Cell& cell : row) cell = Cell{};
  scenes_ = scenes;
  next_ = 0;
  settings_ = settings;
  error_.clear();
}

// Scenes go split by split, and within a split both models take the same
// scene in turn, so both columns fill at the same pace.
void TestSetScores::step(const SceneItems& items, const SceneCaptioner& captioner, const StepBudget& budget) {
  while (!done() && error_.empty() && !budget.expired()) {
    const int split = next_ / (scenes_ * kModels);
    const int within = next_ % (scenes_ * kModels);
    const int scene_index = within / kModels, model = within % kModels;
    const Scene scene = generate_scene(items, score_split(split), static_cast<uint64_t>(scene_index + 1));
    const CaptionResult caption = decode_caption(captioner(model, scene), settings_);
    if (!caption.error.empty()) {
      error_ = caption.error;
      return;
    }
    Cell& cell = cells_[model][split];
    cell.candidates.push_back(caption.words);
    std::vector<Tokens> references;
    for (const std::string& reference : reference_captions(scene)) references.push_back(words_of(reference));
    cell.references.push_back(std::move(references));
    ++next_;
  }
}

int TestSetScores::scored(int model, int split) const {
  return static_cast<int>(cells_[model][split].candidates.size());
}

BleuScore TestSetScores::bleu(int model, int split) const {
  const Cell& cell = cells_[model][split];
  if (cell.candidates.empty()) {
    BleuScore none;
    none.score = std::nan("");
    return none;
  }
  return corpus_bleu(cell.candidates, cell.references, 4);
}

double TestSetScores::bleu4(int model, int split) const {
  return scored(model, split) == scenes_ && scenes_ > 0 ? bleu(model, split).score : std::nan("");
}
