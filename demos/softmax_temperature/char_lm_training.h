// Training and evaluating the character language model on a text:
// the train / held-out split, the parallel streams of truncated BPTT, one
// optimiser step per chunk, and a held-out loss that can be computed a few
// chunks at a time (so the browser never freezes).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/softmax_temperature/char_language_model.h"
#include "engine/optim/adam.h"

// The text's characters as vocabulary ids: the first part to train on, the
// last `held_out_fraction` (cut at a line break) held out.
struct TextSplit {
  std::vector<int> train;
  std::vector<int> held_out;
};
TextSplit split_text(const std::string& text, double held_out_fraction = 0.1);

// Cuts a sequence into `batch` contiguous streams side by side and walks them
// `steps` characters at a time (Zaremba et al. 2014's batching): stream b's
// chunk k continues its chunk k - 1, so the carried state stays meaningful.
class StreamBatcher {
 public:
  // Keeps a reference: `ids` must outlive the batcher (and the trainer or evaluator holding it).
  StreamBatcher(const std::vector<int>& ids, int batch, int steps);
  bool usable() const { return stream_length_ >= 2; }  // each stream needs an input and a target
  // The next chunk; at the end of the streams it starts over (started_over() is then true
  // for that chunk, and a carried state should be reset). The last chunk may be shorter.
  SequenceChunk next();
  bool started_over() const { return started_over_; }
  int chunks_per_pass() const;
  int position() const { return position_; }

 private:
  const std::vector<int>& ids_;
  int batch_;
  int steps_;
  int stream_length_;
  int position_ = 0;  // offset inside every stream
  bool started_over_ = false;
};

struct TrainerSettings {
  int batch = 32;             // parallel streams
  int steps = 64;             // characters per chunk (the truncation of BPTT)
  float learning_rate = 2e-3f;
  float max_gradient_norm = 5.0f;  // Pascanu et al. 2013
};

// One Adam step per chunk on the training streams.
class CharLmTrainer {
 public:
  CharLmTrainer(CharLanguageModel& model, const std::vector<int>& train_ids, const TrainerSettings& settings);
  // Trains on the next chunk; returns its loss before the update (nats/char),
  // or NaN with error() set if the step failed or diverged.
  float train_step();
  int steps_done() const { return optimizer_.steps; }
  const std::string& error() const { return error_; }
  Adam& optimizer() { return optimizer_; }

 private:
  CharLanguageModel& model_;
  TrainerSettings settings_;
  StreamBatcher batcher_;
  Adam optimizer_;
  Tensor state_;  // [B, H], carried between chunks
  Tape tape_;
  std::string error_;
};

// Mean next-character cross-entropy (nats/char) over a held-out sequence,
// computed a few chunks at a time without recording gradients.
class HeldOutEvaluator {
 public:
  HeldOutEvaluator(CharLanguageModel& model, const std::vector<int>& ids, int streams = 16, int steps = 128);
  void advance(int chunks);
  bool done() const { return done_; }
  double progress() const;   // 0..1
  double loss() const;       // nats/char over the chunks read so far
  const std::string& error() const { return error_; }

 private:
  CharLanguageModel& model_;
  StreamBatcher batcher_;
  Tensor state_;
  double loss_sum_ = 0;       // sum over characters of -log p
  double characters_ = 0;
  int chunks_read_ = 0;
  bool done_ = false;
  std::string error_;
};

// The whole held-out loss in one call (tools and tests).
double held_out_loss(CharLanguageModel& model, const std::vector<int>& ids);
