// The language-model tab's state and time-sliced work: loading the shipped
// weights and text, sampling continuations a few characters at a time,
// measuring the held-out loss, and training in the browser. Drawing is in
// language_model_views.cpp.
#include "demos/softmax_temperature/language_model_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/assets.h"
#include "demos/softmax_temperature/language_model_panel_impl.h"
#include "engine/io/weights.h"

using namespace lm_panel;

namespace {

constexpr const char* kDefaultPrompt = "Elizabeth could not help ";
constexpr int kSampleCharactersPerUnit = 8;
constexpr double kLogitsRefreshWhileTraining = 0.5;  // seconds between next-character charts
constexpr double kResampleWhileTraining = 3.0;       // seconds between fresh continuations
constexpr double kLossSmoothing = 0.05;  // weight of the newest chunk in the moving average

}  // namespace

bool lm_panel::prompt_valid(const std::string& prompt) {
  return prompt.size() <= kMaxPromptLength &&
         std::all_of(prompt.begin(), prompt.end(), [](char c) { return c >= ' ' && c <= '~'; });
}

std::vector<float> LanguageModelPanel::Impl::continuation_temperatures() const {
  std::vector<float> temperatures(std::begin(kFixedTemperatures), std::end(kFixedTemperatures));
  temperatures.push_back(temperature);
  return temperatures;
}

void LanguageModelPanel::Impl::poll_assets() {
  if (!model_ready && load_error.empty()) {
    AssetStatus weights = request_asset(kWeightsAsset);
    weights_progress = weights.progress;
    if (weights.state == AssetStatus::State::Failed) {
      load_error = weights.error.empty() ? std::string("could not load ") + kWeightsAsset : weights.error;
    } else if (weights.state == AssetStatus::State::Ready && weights.bytes) {
      shipped_weights = weights.bytes;
      load_start_weights();
    }
  }
  if (!text_ready && text_error.empty()) {
    AssetStatus text = request_asset(kTextAsset);
    text_progress = text.progress;
    if (text.state == AssetStatus::State::Failed) {
      text_error = text.error.empty() ? std::string("could not load ") + kTextAsset : text.error;
    } else if (text.state == AssetStatus::State::Ready && text.bytes) {
      split = split_text(std::string(text.bytes->begin(), text.bytes->end()));
      if (split.train.size() < 1000 || split.held_out.size() < 1000) text_error = std::string(kTextAsset) + " is too short";
      else text_ready = true;
    }
  }
}

// All-or-nothing (load_weights checks the whole file first): a corrupt file
// leaves the model as it was and says why.
void LanguageModelPanel::Impl::load_start_weights() {
  if (start == kStartRandom) {
    const CharLanguageModel fresh(LanguageModelPanel::kHiddenSize, LanguageModelPanel::kSeed);
    const std::vector<const Parameter*> from = fresh.parameters();
    const std::vector<Parameter*> to = model.parameters();
    for (size_t i = 0; i < to.size(); ++i) to[i]->value.copy_from(from[i]->value);
  } else {
    LoadResult result = load_weights(shipped_weights->data(), shipped_weights->size(), model.parameters());
    if (!result.ok) {
      load_error = std::string(kWeightsAsset) + ": " + result.error;
      model_ready = false;
      return;
    }
  }
  loaded_start = start;
  model_ready = true;
  ++model_version;
  trainer.reset();
  evaluator.reset();
  steps = 0;
  train_loss = std::nan("");
  held_out = std::nan("");
  train_curve.clear();
  held_out_curve.clear();
  train_error.clear();
}

// A held-out pass reads the whole held-out text, so training waits for it:
// the loss then belongs to one set of weights.
void LanguageModelPanel::Impl::run_evaluation(const StepBudget& budget) {
  if (!model_ready || !text_ready) return;
  const bool stale = evaluating_version != model_version;
  const bool due = !training || steps == 0 || steps - evaluating_step >= kEvaluateEverySteps;
  if (!evaluator && stale && due) {
    evaluator = std::make_unique<HeldOutEvaluator>(model, split.held_out, 16, 16);
    evaluating_version = model_version;
    evaluating_step = steps;
  }
  if (!evaluator) return;
  while (!evaluator->done() && !budget.expired()) evaluator->advance(1);
  if (!evaluator->done()) return;
  if (evaluator->error().empty()) {
    held_out = evaluator->loss();
    if (steps == 0 && loaded_start == kStartShipped) shipped_held_out = held_out;
    if (held_out_curve.empty() || held_out_curve.back().step != steps) held_out_curve.add({steps, held_out});
  } else {
    train_error = evaluator->error();
  }
  evaluator.reset();
}

void LanguageModelPanel::Impl::refresh_next_logits() {
  const std::string key = prompt + '\x01' + std::to_string(model_version);
  if (key == next_logits_key) return;
  if (training && now_seconds() - next_logits_time < kLogitsRefreshWhileTraining) return;
  Tensor state;
  model.read(prompt, state, next_logits);
  next_logits_key = key;
  next_logits_time = now_seconds();
}

void LanguageModelPanel::Impl::restart_sampler() {
  sampler = std::make_unique<ContinuationSampler>(model, prompt, continuation_temperatures(), length,
                                                  static_cast<uint64_t>(sample_seed));
}

void LanguageModelPanel::Impl::run_sampling(const StepBudget& budget) {
  // While training, fresh samples every few seconds show what the model has learned so far.
  const bool refresh_while_training = sampler && sampler->done() && now_seconds() - sampler_started > kResampleWhileTraining;
  if (!training || refresh_while_training) sampled_version = model_version;
  char temperature_text[32];
  std::snprintf(temperature_text, sizeof temperature_text, "%.3f", static_cast<double>(temperature));
  const std::string key = prompt + '\x01' + std::to_string(length) + '\x01' + std::to_string(sample_seed) + '\x01' +
                          temperature_text + '\x01' + std::to_string(sampled_version);
  if (key != sampler_key) {
    restart_sampler();
    sampler_key = key;
    sampler_started = now_seconds();
  }
  while (sampler && !sampler->done() && !budget.expired()) sampler->advance(kSampleCharactersPerUnit);
}

void LanguageModelPanel::Impl::run_training(const StepBudget& budget) {
  if (!training || !model_ready || !text_ready || evaluator) return;
  if (!trainer) {
    TrainerSettings settings;
    settings.batch = kBrowserBatch;
    settings.steps = kBrowserSteps;
    settings.learning_rate = learning_rate;
    trainer = std::make_unique<CharLmTrainer>(model, split.train, settings);
  }
  trainer->optimizer().learning_rate = learning_rate;  // the slider acts at once
  while (!budget.expired()) {
    const float loss = trainer->train_step();
    if (!std::isfinite(loss)) {
      train_error = trainer->error();
      training = false;
      return;
    }
    ++steps;
    ++model_version;
    // A running mean for the first 1 / kLossSmoothing steps, then a moving average.
    const double weight = std::max(kLossSmoothing, 1.0 / steps);
    train_loss = std::isfinite(train_loss) ? (1 - weight) * train_loss + weight * loss : loss;
    train_curve.add({steps, train_loss});
    if (steps - evaluating_step >= kEvaluateEverySteps) return;  // let the held-out pass run
  }
}

// --- The public interface ---------------------------------------------------

LanguageModelPanel::LanguageModelPanel() : impl_(new Impl) {}
LanguageModelPanel::~LanguageModelPanel() { delete impl_; }

void LanguageModelPanel::declare_state(StateFields& fields) {
  fields.text("lm_prompt", &impl_->prompt, kDefaultPrompt, kMaxPromptLength, prompt_valid);
  fields.integer("lm_length", &impl_->length, 160, 10, 400);
  fields.integer("lm_seed", &impl_->sample_seed, 1, 1, 999999);
  fields.integer("lm_bars", &impl_->bars, 15, 5, 30);
  fields.boolean("lm_train", &impl_->training, false);
  fields.number("lm_rate", &impl_->learning_rate, 1e-4f, 1e-5f, 1e-2f);
  fields.choice("lm_start", &impl_->start, {"shipped", "random"}, kStartShipped);
}

// Samples and the chart follow the new state by themselves (their keys change).
void LanguageModelPanel::state_loaded() {
  impl_->sampler_key.clear();
  impl_->next_logits_key.clear();
}

void LanguageModelPanel::step(const StepBudget& budget, bool active) {
  Impl& m = *impl_;
  if (!active && !m.requested) return;  // nothing is fetched until the tab is first shown
  m.requested = true;
  m.poll_assets();
  if (!m.model_ready) return;
  if (m.start != m.loaded_start) m.load_start_weights();  // a link or a button chose other weights
  if (active) {
    m.refresh_next_logits();
    m.run_sampling(budget);
  }
  m.run_evaluation(budget);
  m.run_training(budget);
}

void LanguageModelPanel::report(DemoReport& out) const {
  const Impl& m = *impl_;
  out.set("lm_loaded", m.model_ready ? 1 : 0);
  out.set("lm_load_failed", m.load_error.empty() ? 0 : 1);
  out.set("lm_steps", m.steps);
  out.set("lm_training", m.training ? 1 : 0);
  out.set("lm_from_random", m.loaded_start == kStartRandom ? 1 : 0);
  if (std::isfinite(m.held_out)) out.set("lm_heldout_loss", m.held_out);
  if (std::isfinite(m.shipped_held_out)) out.set("lm_shipped_heldout_loss", m.shipped_held_out);
  if (std::isfinite(m.train_loss)) out.set("lm_train_loss", m.train_loss);
  if (m.sampler) out.set("lm_sampled_chars", m.sampler->produced());
}
