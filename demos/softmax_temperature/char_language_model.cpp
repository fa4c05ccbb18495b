#include "demos/softmax_temperature/char_language_model.h"

#include <algorithm>
#include <string>
#include <utility>

#include "engine/init.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"
#include "engine/ops/recurrent.h"
#include "engine/ops/softmax.h"

namespace char_vocabulary {

int index_of(char c) {
  if (c == '\n') return 0;
  if (c >= ' ' && c <= '~') return 1 + (c - ' ');
  return -1;
}

char character(int index) {
  if (index <= 0 || index >= kSize) return '\n';
  return static_cast<char>(' ' + (index - 1));
}

bool covers(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return index_of(c) >= 0; });
}

std::vector<int> encode(const std::string& text) {
  std::vector<int> ids;
  ids.reserve(text.size());
  for (char c : text)
    if (int id = index_of(c); id >= 0) ids.push_back(id);
  return ids;
}

}  // namespace char_vocabulary

namespace {

constexpr int V = char_vocabulary::kSize;

// ids [B] -> one-hot rows [B, V]; an id outside [0, V) leaves its row zero
// (callers validate first, so this only guards memory).
Tensor one_hot(const std::vector<int>& ids) {
  Tensor rows(Shape{static_cast<int>(ids.size()), V});
  for (size_t b = 0; b < ids.size(); ++b)
    if (ids[b] >= 0 && ids[b] < V) rows[static_cast<int>(b) * V + ids[b]] = 1.0f;
  return rows;
}

bool ids_valid(const std::vector<int>& ids) {
  return std::all_of(ids.begin(), ids.end(), [](int id) { return id >= 0 && id < V; });
}

}  // namespace

CharLanguageModel::CharLanguageModel(int hidden_size, uint64_t seed)
    : w_input("gru.w_input", Tensor(Shape{V, 3 * std::max(1, hidden_size)})),
      w_hidden("gru.w_hidden", Tensor(Shape{std::max(1, hidden_size), 3 * std::max(1, hidden_size)})),
      bias("gru.bias", Tensor(Shape{3 * std::max(1, hidden_size)})),
      readout([&] {
        Pcg32 readout_rng(seed, 2);
        return Linear(std::max(1, hidden_size), V, readout_rng, Init::Glorot, "readout");
      }()) {
  Pcg32 rng(seed);
  glorot_uniform(w_input.value, rng, V, 3 * this->hidden_size());
  glorot_uniform(w_hidden.value, rng, this->hidden_size(), 3 * this->hidden_size());
}

std::vector<Parameter*> CharLanguageModel::parameters() {
  return {&w_input, &w_hidden, &bias, &readout.weight, &readout.bias};
}

std::vector<const Parameter*> CharLanguageModel::parameters() const {
  return {&w_input, &w_hidden, &bias, &readout.weight, &readout.bias};
}

size_t CharLanguageModel::parameter_count() const {
  size_t count = 0;
  for (const Parameter* p : parameters()) count += static_cast<size_t>(p->value.size());
  return count;
}

Var CharLanguageModel::step(Tape& tape, Var state, const std::vector<int>& ids) {
  if (!ids_valid(ids)) return tape.fail("char language model: a character id lies outside the vocabulary");
  const ops::GruWeights gru{tape.param(w_input), tape.param(w_hidden), tape.param(bias)};
  return ops::gru_cell(tape.constant(one_hot(ids)), state, gru);
}

Var CharLanguageModel::logits(Tape& tape, Var state) { return readout.forward(tape, state); }

// Unrolls T steps, then one readout and one cross-entropy over all T * B
// positions at once: the mean over positions is the mean over characters.
Var CharLanguageModel::chunk_loss(Tape& tape, const SequenceChunk& chunk, Tensor& state) {
  const int steps = chunk.steps(), batch = chunk.batch();
  if (steps == 0 || batch == 0 || chunk.targets.size() != chunk.inputs.size())
    return tape.fail("char language model: a chunk needs T >= 1 steps of B >= 1 inputs and as many targets");
  if (state.empty() || state.shape() != Shape{batch, hidden_size()}) state = Tensor(Shape{batch, hidden_size()});
  Var h = tape.constant(state.clone());
  std::vector<Var> states;
  std::vector<int> flat_targets;
  states.reserve(static_cast<size_t>(steps));
  flat_targets.reserve(static_cast<size_t>(steps * batch));
  for (int t = 0; t < steps; ++t) {
    if (static_cast<int>(chunk.inputs[t].size()) != batch || static_cast<int>(chunk.targets[t].size()) != batch)
      return tape.fail("char language model: every step of a chunk needs B inputs and B targets");
    h = step(tape, h, chunk.inputs[t]);
    states.push_back(h);
    flat_targets.insert(flat_targets.end(), chunk.targets[t].begin(), chunk.targets[t].end());
  }
  if (!ids_valid(flat_targets)) return tape.fail("char language model: a target lies outside the vocabulary");
  Var loss = ops::cross_entropy(logits(tape, ops::concat(states, 0)), flat_targets);  // [T*B, V]
  if (h.ok()) state = h.value().clone();
  return loss;
}

void CharLanguageModel::read(const std::string& text, Tensor& state, std::vector<float>& next_logits) {
  Tape tape;
  NoGradScope no_grad(tape);
  Var h = tape.constant(Tensor(Shape{1, hidden_size()}));
  for (int id : char_vocabulary::encode(text)) h = step(tape, h, {id});
  Var out = logits(tape, h);
  state = h.value().clone();
  next_logits = out.ok() ? out.value().to_vector() : std::vector<float>(V, 0.0f);
}

int sample_index(const std::vector<float>& logits, float temperature, Pcg32& rng) {
  const int count = static_cast<int>(logits.size());
  if (count == 0) return 0;
  if (temperature <= kGreedyTemperature)
    return static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  std::vector<float> probabilities(logits.size());
  softmax_values(logits.data(), count, temperature, probabilities.data());
  // Inverse CDF: the first index whose cumulative probability passes u.
  const float u = rng.uniform();
  float cumulative = 0;
  for (int i = 0; i < count; ++i) {
    cumulative += probabilities[i];
    if (u < cumulative) return i;
  }
  return count - 1;  // u beyond the rounded total
}

ContinuationSampler::ContinuationSampler(CharLanguageModel& model, const std::string& prompt,
                                         std::vector<float> temperatures, int length, uint64_t seed)
    : model_(model), temperatures_(std::move(temperatures)), length_(std::max(0, length)), rng_(seed) {
  Tensor prompt_state;
  std::vector<float> prompt_logits;
  model_.read(prompt, prompt_state, prompt_logits);
  const int n = static_cast<int>(temperatures_.size()), hidden = model_.hidden_size();
  state_ = Tensor(Shape{std::max(1, n), hidden});
  for (int row = 0; row < n; ++row)
    std::copy(prompt_state.data(), prompt_state.data() + hidden, state_.data() + row * hidden);
  logits_.assign(temperatures_.size(), prompt_logits);
  texts_.assign(temperatures_.size(), std::string());
}

void ContinuationSampler::advance(int characters) {
  const int n = static_cast<int>(temperatures_.size());
  if (n == 0) {
    produced_ = length_;
    return;
  }
  Tape tape;
  NoGradScope no_grad(tape);
  for (int c = 0; c < characters && !done(); ++c) {
    std::vector<int> ids(static_cast<size_t>(n));
    for (int row = 0; row < n; ++row) {
      ids[row] = sample_index(logits_[row], temperatures_[row], rng_);
      texts_[row] += char_vocabulary::character(ids[row]);
    }
    Var h = model_.step(tape, tape.constant(state_), ids);
    Var out = model_.logits(tape, h);
    if (!out.ok()) {
      produced_ = length_;
      return;
    }
    state_ = h.value().clone();
    const Tensor& all = out.value();
    for (int row = 0; row < n; ++row) logits_[row].assign(all.data() + row * V, all.data() + (row + 1) * V);
    ++produced_;
    tape.clear();
  }
}
