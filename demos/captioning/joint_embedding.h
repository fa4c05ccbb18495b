// The retrieval tab's joint image-text embedding (Kiros et al. 2014; VSE++,
// Faghri et al. 2018): a scene and a caption each become a unit vector in one
// space, matching pairs close, the others far.
//   image:   the encoder's grid [B, 64, D], mean-pooled over cells -> linear -> L2-normalised
//   caption: TextEncoder's last GRU state -> linear -> L2-normalised
// Trained with the symmetric InfoNCE loss over the batch (CLIP's form,
// Radford et al. 2021; van den Oord et al. 2018): with S = I C^T / tau, the
// mean of the cross-entropy of each row (image -> its caption) and each
// column (caption -> its image), the diagonal being the matches. tau is fixed.
#pragma once

#include <cstdint>
#include <vector>

#include "demos/captioning/text_encoder.h"
#include "engine/autodiff.h"
#include "engine/layers/linear.h"

namespace ops {
// Each row of x [B, E] divided by its length sqrt(sum x^2 + 1e-12).
Var l2_normalise_rows(Var x);
}  // namespace ops

// Symmetric InfoNCE: images and captions [B, E] (row b of each a matching pair).
Var contrastive_loss(Var images, Var captions, float temperature);

class JointEmbedding {
 public:
  static constexpr int kEmbeddingSize = 64;   // E
  static constexpr float kTemperature = 0.1f;  // tau

  JointEmbedding(int image_depth, uint64_t seed);

  Var image_vectors(Tape& tape, Var grid) const;                                  // [B, L, D] -> [B, E]
  Var caption_vectors(Tape& tape, const std::vector<std::vector<int>>& captions) const;  // -> [B, E]
  Var loss(Tape& tape, Var grid, const std::vector<std::vector<int>>& captions) const;
  std::vector<Parameter*> parameters();

 private:
  TextEncoder text_;
  mutable Linear image_projection_, text_projection_;
};

// Caption -> scene retrieval over N pairs: query i's caption ranks all N
// scenes by cosine similarity; a hit at k when scene i is among the top k
// (ties counted against: a scene scoring the same as i ranks ahead of it).
struct RecallAtK {
  double at_1 = 0, at_5 = 0;
  int queries = 0;
};
// images, captions: N rows of E floats each (unit vectors).
RecallAtK caption_to_scene_recall(const std::vector<float>& images, const std::vector<float>& captions, int size);
