// Test-set BLEU-4 of both captioners on the test and held-out splits, side by
// side, computed a scene at a time inside the frame's budget (StepBudget), so
// the page never stalls: one unit of work is one scene's encoding and decoding.
//
// Corpus BLEU (Papineni et al. 2002, §2.2) of each model's caption of scenes
// 1..N of the split against their reference captions (captions.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "demos/captioning/bleu.h"
#include "demos/captioning/caption_decoding.h"
#include "demos/captioning/scene.h"
#include "demos/demo.h"

// Makes a model's CaptionSource for one scene. model 0: attention, 1: Show and Tell.
using SceneCaptioner = std::function<CaptionSource(int model, const Scene& scene)>;

class TestSetScores {
 public:
  static constexpr int kModels = 2, kSplits = 2;  // [attention, show and tell] x [test, held-out]

  // Starts over with `scenes` scenes per split, decoded with `settings`.
  void restart(int scenes, const DecodeSettings& settings);
  // Decodes scenes until the budget expires or all are done.
  void step(const SceneItems& items, const SceneCaptioner& captioner, const StepBudget& budget);

  bool done() const { return next_ >= total(); }
  int scenes() const { return scenes_; }
  int scored(int model, int split) const;  // scenes decoded so far in this cell
  // Corpus BLEU of the scenes decoded so far (BLEU-4 in .score); NaN before the first.
  BleuScore bleu(int model, int split) const;
  double bleu4(int model, int split) const;  // NaN until the cell is complete
  const std::string& error() const { return error_; }

 private:
  int total() const { return scenes_ * kModels * kSplits; }
  struct Cell {
    std::vector<Tokens> candidates;
    std::vector<std::vector<Tokens>> references;
  };
  Cell cells_[kModels][kSplits];
  int scenes_ = 0, next_ = 0;
  DecodeSettings settings_;
  std::string error_;
};

SceneSplit score_split(int split);  // 0: test, 1: held-out
