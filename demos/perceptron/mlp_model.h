// The MLP mode's model, without UI: data sets, input features, a network of
// up to 6 hidden layers x 8 neurons with per-layer activation and dropout,
// the training step, evaluation and the heat maps of every neuron.
//
// Points live in TensorFlow Playground's frame, [-6, 6]^2 (the engine's
// generators draw in [-1, 1]^2 and are scaled by 5), so features such as
// sin x and x^2 mean what they mean there.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/heatmap.h"
#include "engine/data/batches.h"
#include "engine/data/generators.h"
#include "engine/layers/dense_stack.h"
#include "engine/layers/linear.h"
#include "engine/layers/mlp.h"
#include "engine/ops/activations.h"
#include "engine/optim/optimizer_choice.h"

constexpr int kMaxHiddenLayers = 6;
constexpr int kMaxNeurons = 8;
constexpr int kFeatureCount = 7;
constexpr float kDomain = 6.0f;  // the plane shown is [-kDomain, kDomain]^2

// Data sets: the engine's generators plus "y > f(x)" function shapes (TF Playground issue #252).
enum class MlpDataset { Circle, Xor, Gaussians, Spiral, Linear, Moons, Sine, Parabola, Blobs, Spirals };
constexpr int kMlpDatasetCount = 10;
const char* mlp_dataset_key(MlpDataset d);  // URL names: "circle", "xor", ...

enum class Feature { X, Y, XSquared, YSquared, XTimesY, SinX, SinY };
const char* feature_key(Feature f);    // URL keys: "x", "y", "xx", "yy", "xy", "sinx", "siny"
const char* feature_label(Feature f);  // "x", "y", "x^2", ...
float feature_value(Feature f, float x, float y);

enum class LossKind { CrossEntropy, SquaredError };
enum class Penalty { None, L1, L2 };

struct MlpConfig {
  MlpDataset dataset = MlpDataset::Circle;
  int classes = 3;  // for Blobs and Spirals
  float noise = 0.05f;
  int points = 400;
  int train_percent = 50;
  int seed = 1;
  bool features[kFeatureCount] = {true, true, false, false, false, false, false};
  int hidden_layers = 2;
  int neurons[kMaxHiddenLayers] = {4, 2, 2, 2, 2, 2};
  Activation activation[kMaxHiddenLayers] = {Activation::Tanh, Activation::Tanh, Activation::Tanh,
                                             Activation::Tanh, Activation::Tanh, Activation::Tanh};
  float dropout[kMaxHiddenLayers] = {0, 0, 0, 0, 0, 0};
  LossKind loss = LossKind::CrossEntropy;
  OptimizerKind optimizer = OptimizerKind::Sgd;
  float learning_rate = 0.03f;
  int batch_size = 10;
  Penalty penalty = Penalty::None;
  float penalty_rate = 0.0f;
};

struct UserPoint {
  float x, y;
  int label;
};

class MlpModel {
 public:
  // Regenerates the data from config (and adds user points), builds a fresh network.
  void reset(const MlpConfig& config, const std::vector<UserPoint>& user_points);

  // Changes that keep the network: learning rate, batch size, dropout, loss, penalty.
  void set_training_options(const MlpConfig& config);
  // True when going from a to b needs new data or a new network.
  static bool needs_rebuild(const MlpConfig& a, const MlpConfig& b);

  // One mini-batch update. False (and diverged() true) once the loss or a weight is not finite.
  bool train_step();
  // Losses and accuracy over the whole train and test sets (evaluation mode).
  void evaluate();
  // Recomputes every heat map on grids over the plane: the output at
  // `output_resolution`^2 texels, each input and neuron at `neuron_resolution`^2.
  void update_heatmaps(int output_resolution, int neuron_resolution);

  // Network outputs for points, evaluation mode: class probabilities [n, classes].
  std::vector<float> predict(const std::vector<float>& xy);

  const MlpConfig& config() const { return config_; }
  int classes() const { return classes_; }
  int input_count() const { return static_cast<int>(active_features_.size()); }
  Feature input_feature(int i) const { return active_features_[static_cast<size_t>(i)]; }
  const std::vector<Linear>& layers() const;  // empty before reset()
  const Dataset2D& train_set() const { return train_; }
  const Dataset2D& test_set() const { return test_; }

  long steps() const { return steps_; }
  double epochs() const;
  bool diverged() const { return diverged_; }
  float train_loss() const { return train_loss_; }
  float test_loss() const { return test_loss_; }
  float train_accuracy() const { return train_accuracy_; }
  float test_accuracy() const { return test_accuracy_; }
  const std::vector<float>& train_loss_history() const { return train_history_; }
  const std::vector<float>& test_loss_history() const { return test_history_; }
  void record_history();  // appends the current losses (once per evaluation the UI chooses)

  const HeatmapImage& output_heatmap() const { return output_map_; }
  // Heat maps of each input feature and each hidden neuron, by layer: [0] inputs, [1..] hidden layers.
  const std::vector<std::vector<HeatmapImage>>& neuron_heatmaps() const { return neuron_maps_; }
  // The latest training batch's dropout mask of a hidden layer ([batch, neurons], 1 = kept;
  // empty before the first step).
  const Tensor& dropout_mask(int hidden_layer) const { return train_stack_.mask(hidden_layer); }

 private:
  Tensor features_of(const std::vector<float>& xy) const;  // [n, inputs]
  // Evaluation-mode logits [n, outputs] for points; eval_stack_ keeps the hidden values.
  const Tensor& evaluation_logits(const std::vector<float>& xy);
  Var loss_of(Tape& tape, Var logits, const std::vector<int>& labels) const;
  void evaluate_set(const Dataset2D& set, float* loss, float* accuracy);

  MlpConfig config_;
  int classes_ = 2;
  std::vector<Feature> active_features_;
  std::unique_ptr<Mlp> network_;  // built by reset(); run through the two dense stacks
  // The network's forward and backward passes, bit-identical to taped ops
  // without the tape's bookkeeping: one for training steps, one for
  // evaluation and heat maps, so each keeps its buffers at its batch size.
  DenseStack train_stack_, eval_stack_;
  std::unique_ptr<Optimizer> optimizer_;
  Dataset2D train_, test_;
  std::unique_ptr<BatchIterator> batches_;
  Pcg32 rng_{1};
  Tape tape_;  // the loss and penalty of a step, on the stack's logits; its rng draws the dropout masks
  long steps_ = 0;
  bool diverged_ = false;
  float train_loss_ = 0, test_loss_ = 0, train_accuracy_ = 0, test_accuracy_ = 0;
  std::vector<float> train_history_, test_history_;
  HeatmapImage output_map_;
  std::vector<std::vector<HeatmapImage>> neuron_maps_;
};
