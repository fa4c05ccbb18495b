// Demo `temperature`: one number, softmax(z / T), in its three lives.
//   Logits        drag 3-10 logits, move T, watch the probabilities, entropy and samples;
//   Language model  sampling from a small character model at T (language_model_panel.h);
//   Distillation  a teacher's softened outputs train a student (Hinton et al. 2015);
//   Calibration   one fitted T makes an over-confident network honest (Guo et al. 2017);
//   Notes         the formulas.
// The slider T drives the first two tabs; distillation's T (kd_T) and the
// calibration's fitted T are numbers of their own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/demo.h"
#include "demos/i18n/tr.h"
#include "demos/softmax_temperature/calibration_run.h"
#include "demos/softmax_temperature/distillation.h"
#include "demos/softmax_temperature/language_model_panel.h"
#include "demos/softmax_temperature/tempered_softmax.h"

class TemperatureDemo : public Demo {
 public:
  const char* name() const override { return "temperature"; }
  const char* title() const override { return translatable("Softmax temperature"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  // For tests: the current parts.
  const std::vector<float>& logits() const { return logits_; }
  const Distillation* distillation() const { return distillation_.get(); }
  const CalibrationRun* calibration() const { return calibration_.get(); }

  enum class View { Logits, LanguageModel, Distillation, Calibration, Notes };

 private:
  void sync_logits();        // re-parse the URL text when it changed
  void set_logits(const std::vector<float>& logits);
  void refresh_samples();
  DistillationConfig distillation_config() const;
  void rebuild_distillation_if_needed();
  void rebuild_calibration_if_needed();

  // Views, one file each.
  void draw_logits_view();        // logits_view.cpp
  void draw_logit_numbers();
  void draw_logit_bars(float width, float height);
  void draw_probability_bars(float width, float height);
  void draw_entropy_curve(float width, float height);
  void draw_distillation_view();  // distillation_view.cpp
  void draw_distillation_controls();
  void draw_accuracy_chart(float width, float height);
  void draw_soft_targets(float width, float height);
  void draw_transfer_set(float width, float height);
  int shown_example() const;  // the transfer-set point whose targets are shown
  void refresh_decision_maps();  // decision_maps.cpp
  void draw_decision_map(int student, const char* title, float side);  // title: English, shown through tr()
  void draw_calibration_view();   // calibration_view.cpp
  void draw_reliability_diagram(const char* title, const std::vector<ReliabilityBin>& bins, double ece, float size);
  void draw_nll_curve(float width, float height);
  void draw_notes_view();         // notes_view.cpp

  // URL state.
  int view_ = 0;
  float temperature_ = 1;
  std::string logits_text_;
  int samples_ = 1000, sample_seed_ = 1;
  bool running_ = false;
  float kd_temperature_ = 4, kd_alpha_ = 0.9f, kd_rate_ = 0.005f;
  int kd_points_ = 50, kd_seed_ = 1, kd_example_ = -1;
  int cal_seed_ = 1, cal_bins_ = 10;

  // The logit explorer.
  std::vector<float> logits_;
  std::string parsed_logits_text_;
  SoftmaxSummary summary_;
  std::vector<int> sample_counts_;
  std::string samples_key_;

  LanguageModelPanel lm_;
  std::unique_ptr<Distillation> distillation_;
  std::string distillation_key_;
  Tensor maps_[3];  // logits [cells, classes] over the plane: hard student, distilled student, teacher
  long maps_step_ = -1;
  double maps_time_ = -1;
  std::unique_ptr<CalibrationRun> calibration_;
  std::string calibration_key_;
};
