#include "demos/softmax_temperature/char_lm_training.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/optim/clipping.h"

TextSplit split_text(const std::string& text, double held_out_fraction) {
  const double fraction = std::clamp(held_out_fraction, 0.0, 1.0);
  size_t cut = static_cast<size_t>(static_cast<double>(text.size()) * (1.0 - fraction));
  // Move the cut to the start of the next line, so no paragraph is split.
  const size_t line_break = text.find('\n', cut);
  cut = line_break == std::string::npos ? text.size() : line_break + 1;
  if (fraction > 0 && cut >= text.size()) cut = static_cast<size_t>(static_cast<double>(text.size()) * (1.0 - fraction));
  return {char_vocabulary::encode(text.substr(0, cut)), char_vocabulary::encode(text.substr(cut))};
}

StreamBatcher::StreamBatcher(const std::vector<int>& ids, int batch, int steps)
    : ids_(ids),
      batch_(std::max(1, batch)),
      steps_(std::max(1, steps)),
      stream_length_(static_cast<int>(ids.size()) / std::max(1, batch)) {}

int StreamBatcher::chunks_per_pass() const {
  if (!usable()) return 0;
  return (stream_length_ - 1 + steps_ - 1) / steps_;  // the last chunk may be short
}

// Stream b covers ids [b L, (b + 1) L); a chunk reads inputs at offsets
// [position, position + T) and targets one character later.
SequenceChunk StreamBatcher::next() {
  SequenceChunk chunk;
  if (!usable()) return chunk;
  started_over_ = position_ == 0;
  const int steps = std::min(steps_, stream_length_ - 1 - position_);
  chunk.inputs.assign(static_cast<size_t>(steps), std::vector<int>(static_cast<size_t>(batch_)));
  chunk.targets = chunk.inputs;
  for (int t = 0; t < steps; ++t)
    for (int b = 0; b < batch_; ++b) {
      const size_t at = static_cast<size_t>(b) * static_cast<size_t>(stream_length_) + static_cast<size_t>(position_ + t);
      chunk.inputs[t][b] = ids_[at];
      chunk.targets[t][b] = ids_[at + 1];
    }
  position_ += steps;
  if (position_ >= stream_length_ - 1) position_ = 0;
  return chunk;
}

CharLmTrainer::CharLmTrainer(CharLanguageModel& model, const std::vector<int>& train_ids,
                             const TrainerSettings& settings)
    : model_(model),
      settings_(settings),
      batcher_(train_ids, settings.batch, settings.steps),
      optimizer_(model.parameters(), settings.learning_rate) {}

float CharLmTrainer::train_step() {
  constexpr float kFailed = std::numeric_limits<float>::quiet_NaN();
  if (!batcher_.usable()) {
    error_ = "the training text is too short for " + std::to_string(settings_.batch) + " streams";
    return kFailed;
  }
  SequenceChunk chunk = batcher_.next();
  if (batcher_.started_over()) state_ = Tensor();  // a new pass starts from a zero state
  tape_.clear();
  optimizer_.zero_grad();
  Var loss = model_.chunk_loss(tape_, chunk, state_);
  if (!loss.ok() || !tape_.backward(loss)) {
    error_ = tape_.error();
    return kFailed;
  }
  const float value = loss.value().item();
  if (!std::isfinite(value)) {
    error_ = "training diverged: the loss is not a finite number";
    return kFailed;
  }
  clip_grad_norm(model_.parameters(), settings_.max_gradient_norm);
  optimizer_.step();
  tape_.clear();
  return value;
}

HeldOutEvaluator::HeldOutEvaluator(CharLanguageModel& model, const std::vector<int>& ids, int streams, int steps)
    : model_(model), batcher_(ids, streams, steps) {
  if (!batcher_.usable()) {
    error_ = "the held-out text is too short to measure a loss";
    done_ = true;
  }
}

void HeldOutEvaluator::advance(int chunks) {
  for (int i = 0; i < chunks && !done_; ++i) {
    SequenceChunk chunk = batcher_.next();
    Tape tape;
    NoGradScope no_grad(tape);
    Var loss = model_.chunk_loss(tape, chunk, state_);
    if (!loss.ok()) {
      error_ = tape.error();
      done_ = true;
      return;
    }
    const double characters = static_cast<double>(chunk.steps()) * chunk.batch();
    loss_sum_ += static_cast<double>(loss.value().item()) * characters;
    characters_ += characters;
    ++chunks_read_;
    done_ = chunks_read_ >= batcher_.chunks_per_pass();
  }
}

double HeldOutEvaluator::progress() const {
  const int total = batcher_.chunks_per_pass();
  return total > 0 ? std::min(1.0, static_cast<double>(chunks_read_) / total) : 1.0;
}

double HeldOutEvaluator::loss() const {
  return characters_ > 0 ? loss_sum_ / characters_ : std::numeric_limits<double>::quiet_NaN();
}

double held_out_loss(CharLanguageModel& model, const std::vector<int>& ids) {
  HeldOutEvaluator evaluator(model, ids);
  while (!evaluator.done()) evaluator.advance(64);
  return evaluator.error().empty() ? evaluator.loss() : std::numeric_limits<double>::quiet_NaN();
}
