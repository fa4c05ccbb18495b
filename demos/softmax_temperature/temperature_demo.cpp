// The temperature demo's state, time-sliced work and status report.
//
// Defaults, measured from seed 1 (tests/demos/softmax_temperature/), the same
// natively and in WebAssembly now that every exp and log is det_math's:
// distillation: teacher 95.3% test accuracy; after 1,500 steps on the 50
// transfer points the hard-label student reaches 70.2%, the distilled one
// (kd_T = 4, alpha = 0.9) 91.0%. Natively the whole distillation run (4,000
// teacher steps, then 1,500 for each student) takes about two seconds of
// frames; in Chromium (wasm, SwiftShader) about 20.
#include "demos/softmax_temperature/temperature_demo.h"

#include <algorithm>
#include <cstdio>

namespace {

const char* const kDefaultLogits = "3,1.5,1,0.2,-1";
const char* const kViewChoices[] = {"logits", "lm", "distill", "calibration", "notes"};

}  // namespace

const char* TemperatureDemo::explanation() const {
  return translatable(
      "A softmax turns scores (logits) z into probabilities; dividing the logits by a temperature T first, "
      "p_i = exp(z_i / T) / sum_k exp(z_k / T), keeps their order but changes how peaked the result is: T -> 0 "
      "puts everything on the largest logit, T = 1 is the plain softmax, T -> infinity spreads it evenly. The "
      "same number makes a language model's sampling bold or timid, lets a small student learn from a teacher's "
      "softened outputs (knowledge distillation, Hinton et al. 2015), and, fitted on held-out data, makes an "
      "over-confident network's probabilities honest (temperature scaling, Guo et al. 2017). One tab each; the "
      "Notes tab has the formulas.");
}

void TemperatureDemo::declare_state(StateFields& f) {
  f.choice("view", &view_, {std::begin(kViewChoices), std::end(kViewChoices)}, 0);
  f.number("T", &temperature_, 1.0f, kMinTemperature, kMaxTemperature);
  f.text("logits", &logits_text_, kDefaultLogits, 200, valid_logits_text);
  f.integer("n", &samples_, 1000, 1, 100000);
  f.integer("seed", &sample_seed_, 1, 0, 999999);
  f.boolean("run", &running_, false);
  f.number("kd_T", &kd_temperature_, 4.0f, 1.0f, 20.0f);
  f.number("kd_alpha", &kd_alpha_, 0.9f, 0.0f, 1.0f);
  f.integer("kd_n", &kd_points_, 50, 10, 1000);
  f.number("kd_rate", &kd_rate_, 0.005f, 0.00001f, 10.0f);
  f.integer("kd_seed", &kd_seed_, 1, 0, 999999);
  f.integer("kd_example", &kd_example_, -1, -1, 999);  // -1: the least certain point
  f.integer("cal_seed", &cal_seed_, 1, 0, 999999);
  f.integer("cal_bins", &cal_bins_, 10, 5, 20);
  lm_.declare_state(f);
}

void TemperatureDemo::state_loaded() {
  parsed_logits_text_.clear();
  sync_logits();
  distillation_key_.clear();
  distillation_.reset();
  calibration_key_.clear();
  calibration_.reset();
  lm_.state_loaded();
}

void TemperatureDemo::sync_logits() {
  if (logits_text_ == parsed_logits_text_ && !logits_.empty()) return;
  // The codec only lets valid text in; a bad default would be a bug, caught by the tests.
  if (!parse_logits(logits_text_, &logits_)) parse_logits(logits_text_ = kDefaultLogits, &logits_);
  parsed_logits_text_ = logits_text_;
}

void TemperatureDemo::set_logits(const std::vector<float>& logits) {
  logits_text_ = format_logits(logits);
  parse_logits(logits_text_, &logits_);  // the URL's two decimals are what is shown
  parsed_logits_text_ = logits_text_;
}

void TemperatureDemo::refresh_samples() {
  sync_logits();
  summary_ = summarize_softmax(logits_, temperature_);
  char key[320];
  std::snprintf(key, sizeof key, "%s|%.6g|%d|%d", logits_text_.c_str(), static_cast<double>(temperature_), samples_,
                sample_seed_);
  if (samples_key_ == key) return;
  samples_key_ = key;
  Pcg32 rng(static_cast<uint64_t>(sample_seed_));
  sample_counts_ = sample_counts(summary_.probabilities, std::clamp(samples_, 1, 100000), rng);
}

DistillationConfig TemperatureDemo::distillation_config() const {
  DistillationConfig c;
  c.temperature = kd_temperature_;
  c.alpha = kd_alpha_;
  c.transfer_points = kd_points_;
  c.learning_rate = kd_rate_;
  c.seed = static_cast<uint64_t>(kd_seed_);
  return c;
}

void TemperatureDemo::rebuild_distillation_if_needed() {
  char key[128];
  std::snprintf(key, sizeof key, "%.4g|%.4g|%d|%d|%.6g", static_cast<double>(kd_temperature_),
                static_cast<double>(kd_alpha_), kd_points_, kd_seed_, static_cast<double>(kd_rate_));
  if (distillation_ && distillation_key_ == key) return;
  distillation_key_ = key;
  distillation_ = std::make_unique<Distillation>(distillation_config());
  maps_[0] = maps_[1] = maps_[2] = Tensor();
  maps_step_ = -1;
}

void TemperatureDemo::rebuild_calibration_if_needed() {
  char key[64];
  std::snprintf(key, sizeof key, "%d", cal_seed_);
  if (!calibration_ || calibration_key_ != key) {
    calibration_key_ = key;
    CalibrationConfig c;
    c.seed = static_cast<uint64_t>(cal_seed_);
    calibration_ = std::make_unique<CalibrationRun>(c);
  }
  calibration_->set_bins(cal_bins_);  // only the diagrams change: no retraining
}

void TemperatureDemo::step(const StepBudget& budget) {
  View view = static_cast<View>(view_);
  refresh_samples();
  lm_.step(budget, view == View::LanguageModel);
  rebuild_distillation_if_needed();
  // Distillation trains while playing, whichever tab is open; the calibration
  // network only while its tab is (it is a fixed experiment, not a setting).
  while (running_ && !budget.expired() && distillation_->advance()) {
  }
  if (distillation_->phase() == Distillation::Phase::Failed) running_ = false;
  if (view == View::Calibration) {
    rebuild_calibration_if_needed();
    while (!budget.expired() && calibration_->advance()) {
    }
  }
}

void TemperatureDemo::report(DemoReport& out) const {
  out.set("T", temperature_);
  out.set_list("logits", std::vector<double>(logits_.begin(), logits_.end()));
  out.set_list("probabilities", summary_.probabilities);
  out.set("entropy", summary_.entropy);
  out.set("max_probability", summary_.max_probability);
  out.set("top_two_ratio", summary_.top_two_ratio);
  std::vector<double> frequencies;
  for (int c : sample_counts_) frequencies.push_back(static_cast<double>(c) / std::max(1, samples_));
  out.set_list("sample_frequencies", frequencies);
  if (distillation_) {
    const Distillation& d = *distillation_;
    out.set_in("distill", "T", kd_temperature_);
    out.set_in("distill", "alpha", kd_alpha_);
    out.set_in("distill", "teacher_step", static_cast<double>(d.teacher_steps()));
    out.set_in("distill", "teacher_test_accuracy", d.teacher_test_accuracy());
    out.set_in("distill", "step", static_cast<double>(d.student_steps()));
    out.set_in("distill", "hard_train_loss", d.student_loss(Student::Hard));
    out.set_in("distill", "distilled_train_loss", d.student_loss(Student::Distilled));
    out.set_in("distill", "hard_test_accuracy", d.student_test_accuracy(Student::Hard));
    out.set_in("distill", "distilled_test_accuracy", d.student_test_accuracy(Student::Distilled));
    out.set_in("distill", "finished", d.phase() == Distillation::Phase::Finished ? 1 : 0);
    out.set_in("distill", "failed", d.phase() == Distillation::Phase::Failed ? 1 : 0);
  }
  if (calibration_) {
    const CalibrationRun& c = *calibration_;
    bool done = c.phase() == CalibrationRun::Phase::Finished;
    out.set_in("calibration", "step", c.progress() * c.config().steps);
    out.set_in("calibration", "train_loss", c.train_loss());
    out.set_in("calibration", "finished", done ? 1 : 0);
    if (done) {
      const CalibrationResult& r = c.result();
      out.set_in("calibration", "test_accuracy", r.test_accuracy);
      out.set_in("calibration", "fitted_T", r.fitted_temperature);
      out.set_in("calibration", "ece_before", r.ece_before);
      out.set_in("calibration", "ece_after", r.ece_after);
      out.set_in("calibration", "nll_before", r.nll_before);
      out.set_in("calibration", "nll_after", r.nll_after);
    }
  }
  lm_.report(out);
}
