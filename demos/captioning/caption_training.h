// Training and scoring the captioners on the scene world.
//
// A batch is B training scenes drawn from a seeded stream, each rendered and
// paired with one of its reference captions picked at random (so every
// paraphrase is a target). CaptionTrainer takes one Adam step per step(),
// with the gradient's global norm clipped (Pascanu et al. 2013), so a caller
// drives training by step counts. evaluate_captions decodes N scenes of a
// split from fixed seeds and scores them with corpus BLEU-1..4 (bleu.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "demos/captioning/beam_search.h"
#include "demos/captioning/bleu.h"
#include "demos/captioning/captioner.h"
#include "demos/captioning/scene.h"
#include "engine/optim/adam.h"

// <start>, the caption's word ids, <end>; every word must be in the vocabulary.
std::vector<int> caption_tokens(const std::string& caption);

// One scene of `split` per seed, rendered, with one of its references chosen by `pick`.
CaptionBatch make_caption_batch(const SceneItems& items, SceneSplit split, const std::vector<uint64_t>& scene_seeds,
                                Pcg32& pick);

struct CaptionTrainingSettings {
  int batch = 32;
  float learning_rate = 2e-3f;
  float max_gradient_norm = 5.0f;
  uint64_t seed = 1;  // the stream of training scenes and reference picks
};

struct CaptionStepReport {
  float loss = 0;  // cross-entropy + penalty
  CaptionLossParts parts;
};

class CaptionTrainer {
 public:
  CaptionTrainer(Captioner& model, const SceneItems& items, CaptionTrainingSettings settings = {});

  CaptionStepReport step();  // one batch, one Adam update; loss NaN on error (see error())
  int steps() const { return optimizer_.steps; }
  const std::string& error() const { return error_; }
  Adam& optimizer() { return optimizer_; }

 private:
  Captioner& model_;
  const SceneItems& items_;
  CaptionTrainingSettings settings_;
  Adam optimizer_;
  Pcg32 scenes_;  // training scene seeds and reference picks
  Tape tape_;
  std::string error_;
};

enum class CaptionDecoding { greedy, beam };

struct CaptionEvaluation {
  std::vector<double> bleu;  // BLEU-1..4, corpus level
  int scenes = 0;
  std::vector<std::string> captions;  // the decoded caption per scene, in seed order
};

// Scenes of `split` from seeds first_seed .. first_seed + count - 1; with
// min_objects > 1 only those scenes with at least that many objects count
// (seeds are skipped until `count` scenes are found).
CaptionEvaluation evaluate_captions(const Captioner& model, const SceneItems& items, SceneSplit split,
                                    uint64_t first_seed, int count, CaptionDecoding decoding = CaptionDecoding::greedy,
                                    int beam_width = 3, int min_objects = 1);

// The decoded caption's tokens for one rendered scene (greedy or beam, max 20 tokens).
DecodeResult decode_caption(const Captioner& model, const CaptionContext& context, CaptionDecoding decoding,
                            int beam_width);

// Where the attention model looks when it names an object (Xu et al.'s
// figures, measured): for each class word a greedy caption emits whose class
// occurs once in the scene, the attention of the step that emitted it
// against that object's box, each cell counted by the share of its 8 x 8
// pixels the box covers.
struct AttentionInBox {
  int words = 0;                // class words measured
  double mean_mass = 0;         // mean attention mass inside the named object's box
  double mean_box_share = 0;    // the box's share of the image: what uniform attention would give
  double peak_inside = 0;       // share of words whose most-attended cell touches the box
  double peak_chance = 0;       // the mean share of cells touching the box: a random peak's rate
};
AttentionInBox measure_attention_in_box(const Captioner& model, const SceneItems& items, SceneSplit split,
                                        uint64_t first_seed, int scenes);
