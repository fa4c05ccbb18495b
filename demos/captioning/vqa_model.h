// The VQA tab's model, the "deeper LSTM Q + norm I" of Antol et al. (2015)
// made small: a question vector (a GRU's last state, TextEncoder) and an
// image vector, each mapped to F by a linear layer and tanh, fused by
// point-wise multiplication, then an MLP classifier over the 13 answers
// (questions.h). The image vector keeps where things are, which relation
// questions need: each grid cell is projected to a few numbers and the 64
// cells are concatenated (a fully connected layer over the grid, like the
// paper's fc7 over its CNN's last map) before the linear layer.
#pragma once

#include <cstdint>
#include <vector>

#include "demos/captioning/text_encoder.h"
#include "engine/autodiff.h"
#include "engine/layers/linear.h"

class VqaModel {
 public:
  static constexpr int kCellFeatures = 8;  // per cell, before the concatenation
  static constexpr int kFusedSize = 128;   // F
  static constexpr int kHiddenSize = 96;   // the classifier's hidden layer

  VqaModel(int image_depth, uint64_t seed);

  // grid [B, 64, D] and B questions (Vocabulary::questions() ids) -> answer logits [B, 13].
  Var logits(Tape& tape, Var grid, const std::vector<std::vector<int>>& questions) const;
  // Mean cross-entropy against the answer indices.
  Var loss(Tape& tape, Var grid, const std::vector<std::vector<int>>& questions, const std::vector<int>& answers) const;
  std::vector<Parameter*> parameters();

 private:
  TextEncoder question_;
  mutable Linear cell_projection_, image_layer_, question_layer_, hidden_layer_, answer_layer_;
};
