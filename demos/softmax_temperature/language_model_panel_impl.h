// The language-model panel's state, shared by language_model_panel.cpp
// (loading, time-sliced work, URL state, report) and
// language_model_views.cpp (drawing). Not for use outside the panel.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "demos/bounded_history.h"
#include "demos/softmax_temperature/char_language_model.h"
#include "demos/softmax_temperature/char_lm_training.h"
#include "demos/softmax_temperature/language_model_panel.h"

namespace lm_panel {

constexpr const char* kWeightsAsset = "data/char-gru.dlpw";
constexpr const char* kTextAsset = "data/pride-and-prejudice.txt";
constexpr size_t kMaxPromptLength = 200;
constexpr size_t kPromptBufferSize = kMaxPromptLength + 1;
// Continuations side by side: fixed temperatures, then the demo's slider.
constexpr float kFixedTemperatures[] = {0.0f, 0.5f, 1.0f, 1.5f};
// In the browser a training step is one small chunk, so it fits a frame's budget.
constexpr int kBrowserBatch = 8;
constexpr int kBrowserSteps = 16;
constexpr int kEvaluateEverySteps = 200;  // held-out loss while training
constexpr int kStartShipped = 0;
constexpr int kStartRandom = 1;

bool prompt_valid(const std::string& prompt);  // printable ASCII, no line breaks

struct CurvePoint {
  int step;
  double loss;
};

}  // namespace lm_panel

using lm_panel::kPromptBufferSize;

struct LanguageModelPanel::Impl {
  // --- URL state (lm_* keys) ---
  std::string prompt;
  int length = 160;       // characters per continuation
  int sample_seed = 1;    // "Regenerate" draws the next seed
  int bars = 15;          // characters shown in the next-character chart
  bool training = false;  // "Train more in the browser"
  float learning_rate = 1e-4f;
  int start = 0;          // kStartShipped or kStartRandom: the weights training starts from

  // --- Assets ---
  bool requested = false;
  float weights_progress = 0, text_progress = 0;
  std::string load_error;                // weights missing or corrupt: nothing can run
  std::string text_error;                // text missing: sampling works, training and held-out loss do not
  // For "Reset to the shipped weights": the loaded asset, which lives as long as the program.
  const std::vector<uint8_t>* shipped_weights = nullptr;
  bool model_ready = false;
  int loaded_start = -1;  // the `start` the model's weights were last set from
  bool text_ready = false;
  TextSplit split;

  CharLanguageModel model{LanguageModelPanel::kHiddenSize, LanguageModelPanel::kSeed};
  int model_version = 0;  // bumped by every change of the weights

  // --- Held-out loss (time-sliced) ---
  std::unique_ptr<HeldOutEvaluator> evaluator;
  int evaluating_version = -1;
  int evaluating_step = 0;
  double shipped_held_out = std::nan("");  // of the shipped weights, measured here
  double held_out = std::nan("");          // of the current weights

  // --- Training in the browser ---
  std::unique_ptr<CharLmTrainer> trainer;
  int steps = 0;  // since the shipped weights
  double train_loss = std::nan("");  // moving average of recent chunks
  BoundedHistory<lm_panel::CurvePoint> train_curve{2000};  // the whole run, evenly thinned when long
  BoundedHistory<lm_panel::CurvePoint> held_out_curve{200};  // one point per held-out pass, thinned when long
  std::string train_error;

  // --- Sampling ---
  float temperature = 1.0f;  // the demo's slider, as last drawn
  std::unique_ptr<ContinuationSampler> sampler;
  std::string sampler_key;
  double sampler_started = 0;  // now_seconds() when the current samples began
  int sampled_version = 0;  // samples follow the weights only when training is paused or on request
  std::vector<float> next_logits;  // [V] after the prompt
  std::string next_logits_key;
  double next_logits_time = -1;

  // --- The prompt box: edited here, applied to `prompt` only when valid ---
  std::string prompt_shown;  // the prompt the box last showed (to notice URL changes)
  char prompt_buffer[kPromptBufferSize] = {};
  bool prompt_rejected = false;

  // Work done in step(), each a unit that fits a frame.
  void poll_assets();
  void load_start_weights();  // the shipped file or a fresh random initialisation, per `start`
  void run_evaluation(const StepBudget& budget);
  void run_sampling(const StepBudget& budget);
  void run_training(const StepBudget& budget);
  void refresh_next_logits();
  void restart_sampler();

  std::vector<float> continuation_temperatures() const;
};
