// A character-level language model: one-hot character -> GRU -> linear
// readout to next-character logits (the char-rnn recipe of Karpathy 2015 with
// Cho et al.'s GRU). Trained with truncated backpropagation through time:
// the state is carried from one chunk to the next, gradients are not.
//
// The vocabulary is fixed (newline plus printable ASCII), so any prompt a
// user can type maps to it and the weights file needs no character table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/layers/linear.h"
#include "engine/random.h"

namespace char_vocabulary {
constexpr int kSize = 96;  // '\n', then ' ' (32) .. '~' (126)
int index_of(char c);      // -1 for characters outside the vocabulary
char character(int index);
bool covers(const std::string& text);     // every character is in the vocabulary
std::vector<int> encode(const std::string& text);  // characters outside it are skipped
}  // namespace char_vocabulary

// One chunk of a batch of parallel text streams: inputs[t][b] is stream b's
// character at step t, targets[t][b] the character after it.
struct SequenceChunk {
  std::vector<std::vector<int>> inputs;   // [T][B]
  std::vector<std::vector<int>> targets;  // [T][B]
  int steps() const { return static_cast<int>(inputs.size()); }
  int batch() const { return inputs.empty() ? 0 : static_cast<int>(inputs[0].size()); }
};

class CharLanguageModel {
 public:
  CharLanguageModel(int hidden_size, uint64_t seed);

  int hidden_size() const { return w_hidden.value.dim(0); }
  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> parameters() const;
  size_t parameter_count() const;

  // One GRU step for a batch: ids [B] (vocabulary indices), state [B, H] -> [B, H].
  Var step(Tape& tape, Var state, const std::vector<int>& ids);
  Var logits(Tape& tape, Var state);  // [B, H] -> next-character logits [B, V]

  // Mean cross-entropy of the next character over the chunk, in nats per
  // character. `state` [B, H] enters as the streams' state before the chunk
  // (zeros to start) and leaves as the state after it, detached from the tape.
  Var chunk_loss(Tape& tape, const SequenceChunk& chunk, Tensor& state);

  // The state after reading `text` from a zero state, and the logits [V] for the next character.
  void read(const std::string& text, Tensor& state, std::vector<float>& next_logits);

  Parameter w_input;   // [V, 3H]: a one-hot input times W picks a row
  Parameter w_hidden;  // [H, 3H]
  Parameter bias;      // [3H]
  Linear readout;      // H -> V
};

// Draws a vocabulary index from softmax(logits / T). T <= kGreedyTemperature
// is the limit T -> 0: the argmax (the first one on a tie), no randomness used.
constexpr float kGreedyTemperature = 1e-3f;
int sample_index(const std::vector<float>& logits, float temperature, Pcg32& rng);

// Several continuations of one prompt, each at its own temperature, produced
// a few characters at a time so the UI can spread the work over frames.
class ContinuationSampler {
 public:
  ContinuationSampler(CharLanguageModel& model, const std::string& prompt, std::vector<float> temperatures,
                      int length, uint64_t seed);
  void advance(int characters);  // appends up to this many characters to every continuation
  bool done() const { return produced_ >= length_; }
  int produced() const { return produced_; }
  const std::vector<std::string>& continuations() const { return texts_; }
  const std::vector<float>& temperatures() const { return temperatures_; }

 private:
  CharLanguageModel& model_;
  std::vector<float> temperatures_;
  int length_;
  int produced_ = 0;
  Tensor state_;                              // [N, H]
  std::vector<std::vector<float>> logits_;    // [N][V], for the next character
  std::vector<std::string> texts_;
  Pcg32 rng_;
};
