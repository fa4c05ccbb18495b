#include "demos/captioning/text_encoder.h"

#include <algorithm>

#include "engine/init.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/embedding.h"
#include "engine/ops/recurrent.h"

TextEncoder::TextEncoder(int vocabulary_size, int embedding_size, int hidden_size, uint64_t seed,
                         const std::string& name)
    : vocabulary_(std::max(1, vocabulary_size)), hidden_(std::max(1, hidden_size)) {
  const int embedding = std::max(1, embedding_size);
  Pcg32 rng(seed, 0x7465787465ULL);  // the text encoder's own stream
  table_ = Parameter(name + ".embedding", Tensor(Shape{vocabulary_, embedding}));
  fill_normal(table_.value, rng, 0.0f, 0.1f);
  w_input_ = Parameter(name + ".gru.w_input", Tensor(Shape{embedding, 3 * hidden_}));
  glorot_uniform(w_input_.value, rng, embedding, hidden_);
  w_hidden_ = Parameter(name + ".gru.w_hidden", Tensor(Shape{hidden_, 3 * hidden_}));
  glorot_uniform(w_hidden_.value, rng, hidden_, hidden_);
  bias_ = Parameter(name + ".gru.bias", Tensor(Shape{3 * hidden_}));
}

Var TextEncoder::encode(Tape& tape, const std::vector<std::vector<int>>& sentences) const {
  if (sentences.empty()) return tape.fail("text encoder: no sentences");
  size_t longest = 0;
  for (const std::vector<int>& sentence : sentences) {
    if (sentence.empty()) return tape.fail("text encoder: an empty sentence");
    for (int id : sentence)
      if (id < 0 || id >= vocabulary_)
        return tape.fail("text encoder: word id " + std::to_string(id) + " outside the vocabulary of " +
                         std::to_string(vocabulary_));
    longest = std::max(longest, sentence.size());
  }
  const int batch = static_cast<int>(sentences.size());
  const ops::GruWeights weights{tape.param(w_input_), tape.param(w_hidden_), tape.param(bias_)};
  Var table = tape.param(table_);
  Var h = tape.constant(Tensor(Shape{batch, hidden_}));
  for (size_t t = 0; t < longest; ++t) {
    std::vector<int> ids(static_cast<size_t>(batch), 0);
    Tensor keep_new(Shape{batch, 1});  // 1 while the row still has words, else 0 (keep the state)
    bool all_live = true;
    for (int b = 0; b < batch; ++b) {
      const std::vector<int>& sentence = sentences[static_cast<size_t>(b)];
      const bool live = t < sentence.size();
      ids[static_cast<size_t>(b)] = live ? sentence[t] : 0;
      keep_new.data()[b] = live ? 1.0f : 0.0f;
      all_live = all_live && live;
    }
    Var next = ops::gru_cell(ops::embedding(table, ids), h, weights);
    if (all_live) {
      h = next;
    } else {
      Var mask = tape.constant(keep_new);
      h = ops::add(ops::mul(next, mask), ops::mul(h, ops::add_scalar(ops::scale(mask, -1.0f), 1.0f)));
    }
  }
  return h;
}

std::vector<Parameter*> TextEncoder::parameters() { return {&table_, &w_input_, &w_hidden_, &bias_}; }
