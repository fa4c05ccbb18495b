// Demo `dropout`: two identical networks, one trained with dropout, side by
// side on Fashion-MNIST (or noisy 2-D points), and each claim of the seed
// notes made visible: thinned networks, co-adaptation, test-time scaling vs
// Monte-Carlo dropout, and dropout as an adaptive L2 penalty.
//
// Default setting (speeds and results measured in dropout_demo.cpp):
// 784-256-256-10 ReLU, Adam 0.001, batches of 50, on the first 1,000 training
// images, drop rates 0.2 (input) and 0.5 (hidden) as in Srivastava et al.
// On 2-D data: moons, 80 training points, noise 0.3, the same hidden layers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/demo.h"
#include "demos/dropout/linear_dropout_identity.h"
#include "demos/dropout/mc_inference.h"
#include "demos/dropout/twin_trainer.h"
#include "demos/heatmap.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

constexpr int kMaxDropoutLayers = 3;  // hidden layers

class DropoutDemo : public Demo {
 public:
  const char* name() const override { return "dropout"; }
  const char* title() const override { return translatable("Dropout"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  const TwinTrainer& trainer() const { return trainer_; }
  bool data_ready() const { return trainer_.ready(); }
  const std::string& asset_error() const { return asset_error_; }  // empty unless the data failed to load

 private:
  enum class View { Training, Thinned, Features, Inference, Regulariser, Notes };

  bool wants_images() const { return data_ == 0; }
  void poll_asset();                     // Fashion-MNIST: request, progress, parse
  std::string build_key() const;         // the settings the networks depend on
  void rebuild_if_needed();
  void rebuild();
  TrainingConfig training_config() const;
  void use_points_instead();             // the offer made when the asset is missing
  void run_background_jobs(const StepBudget& budget);

  // Views (one file each).
  void draw_data_status();               // loading bar or a clear error, in place of a view
  void draw_training_view();             // training_view.cpp
  void draw_loss_chart(const char* title, bool errors, ImVec2 size);
  void draw_boundaries(ImVec2 origin, float side);
  void refresh_boundaries();
  void draw_thinned_view();              // thinned_view.cpp
  void draw_features_view();             // features_view.cpp
  void refresh_weight_images();
  void draw_inference_view();            // inference_view.cpp
  void refresh_example_prediction();
  void draw_regulariser_view();          // regulariser_view.cpp
  void draw_notes_view();                // notes_view.cpp

  // URL state.
  bool running_ = false;
  int data_ = 0, train_images_ = 1000, points_ = 80, seed_ = 1;
  float noise_ = 0.3f;
  int layers_ = 2, width_ = 256;
  float drop_input_ = 0.2f;
  float drop_hidden_[kMaxDropoutLayers] = {0.5f, 0.5f, 0.5f};
  int scaling_ = 0, optimizer_ = 0, batch_ = 50;
  float rate_ = 0.001f;
  int view_ = 0, mc_samples_ = 30, example_ = 0, histogram_layer_ = 1;
  bool show_weight_change_ = true;
  float identity_keep_ = 0.5f;
  int identity_draws_ = 20000;
  bool identity_varied_ = false;

  // Data and training.
  std::shared_ptr<const ImageAsset> asset_;
  std::string asset_error_;
  float asset_progress_ = 0;
  std::shared_ptr<const ClassificationData> data_set_;
  TwinTrainer trainer_;
  std::string built_key_;
  double rate_window_start_ = 0;
  long rate_window_images_ = 0;
  double images_per_second_ = 0;

  // Pictures refreshed from the networks now and then.
  HeatmapImage boundaries_[2];
  double boundaries_time_ = -1;
  long boundaries_step_ = -1;
  int boundary_twin_next_ = 0;
  HeatmapImage batch_mask_image_;
  std::vector<HeatmapImage> weight_images_[2];
  long weight_images_step_ = -1;
  double weight_images_time_ = 0;

  // Inference: the chosen example's predictions and the test-set comparison.
  Tensor example_deterministic_[2];  // class probabilities [1, K], plain and dropout twin
  SampleSummary example_mc_;
  std::string example_key_;  // example and N the predictions are for
  long example_step_ = -1;
  double example_time_ = 0;
  MonteCarloEvaluation mc_evaluation_;
  Pcg32 mc_rng_{7};

  // Dropout as L2: the sweep of dE/dw_1 and the per-weight estimates.
  GradientSweep sweep_;
  std::string sweep_key_;
};
