// A sentence as one vector: word embeddings read by a GRU (Cho et al. 2014),
// the last state being the sentence's vector, as the text side of VSE
// (Kiros et al. 2014) and the question side of VQA (Antol et al. 2015).
// Sentences of different lengths share a batch: past a row's last word its
// state is carried unchanged, so each row ends with its own last state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"

class TextEncoder {
 public:
  TextEncoder(int vocabulary_size, int embedding_size, int hidden_size, uint64_t seed, const std::string& name);

  // sentences: word ids (no <start>/<end>), each non-empty and within the
  // vocabulary -> [B, hidden]. An empty batch, sentence or bad id fails the tape.
  Var encode(Tape& tape, const std::vector<std::vector<int>>& sentences) const;

  int hidden_size() const { return hidden_; }
  int vocabulary_size() const { return vocabulary_; }
  std::vector<Parameter*> parameters();

 private:
  int vocabulary_, hidden_;
  mutable Parameter table_, w_input_, w_hidden_, bias_;  // a tape borrows parameters non-const
};
