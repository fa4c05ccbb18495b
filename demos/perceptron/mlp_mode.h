// MLP mode: TensorFlow Playground's experiment, and what its users asked for
// (more than two classes with softmax, per-layer activations and dropout,
// their own points, function-shaped data, a proper classification loss).
#pragma once

#include <string>
#include <vector>

#include "demos/perceptron/mlp_model.h"
#include "demos/perceptron/mode.h"

class MlpMode : public Mode {
 public:
  const char* name() const override { return "mlp"; }
  const char* title() const override { return translatable("MLP"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  const MlpModel& model() const { return model_; }

 private:
  MlpConfig config_from_state() const;
  void rebuild();                // data and network from the state
  void apply_config_changes();   // rebuilds or updates the model after a control changed
  void add_user_point(float x, float y);
  void remove_user_point_near(float x, float y, float radius);

  // Drawing (mlp_view.cpp).
  void draw_network_diagram(ImVec2 origin, ImVec2 size);
  void draw_decision_plot(ImVec2 origin, float side);
  void draw_loss_chart(ImVec2 origin, ImVec2 size);

  // URL state (TensorFlow Playground's names where it has one).
  int dataset_ = 0, classes_ = 3, points_ = 400, train_percent_ = 50, seed_ = 1;
  float noise_ = 0.05f;
  bool features_[kFeatureCount] = {true, true, false, false, false, false, false};
  int hidden_layers_ = 2;
  int neurons_[kMaxHiddenLayers] = {4, 2, 2, 2, 2, 2};
  int activation_[kMaxHiddenLayers] = {1, 1, 1, 1, 1, 1};  // index into kActivationChoices (tanh)
  float dropout_[kMaxHiddenLayers] = {0, 0, 0, 0, 0, 0};
  int loss_ = 0, optimizer_ = 0, batch_size_ = 10, penalty_ = 0;
  float learning_rate_ = 0.03f, penalty_rate_ = 0.0f;
  bool show_test_ = false, discretize_ = false;
  int speed_ = 1;  // kSpeedChoices: a step, an epoch, or as many steps as fit each frame
  std::string user_points_text_;  // "x:y:class,..." for the URL

  MlpModel model_;
  std::vector<UserPoint> user_points_;
  int class_to_add_ = 1;
  bool heatmaps_stale_ = true;
  double rate_window_start_ = 0;
  long rate_window_steps_ = 0;
  double steps_per_second_ = 0;
};
