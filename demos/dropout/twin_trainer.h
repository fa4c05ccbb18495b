// Two identical networks, one without and one with dropout, trained together:
// the same initial weights (one seed) and the same mini-batches, so the only
// difference between their curves is dropout itself.
//
// Work is cut into small units (one network's mini-batch step, or one chunk
// of an evaluation) so the demo can stop the moment its frame budget runs
// out: a 784-256-256-10 step is milliseconds in WebAssembly.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/dropout/classification_data.h"
#include "demos/bounded_history.h"
#include "demos/dropout/dropout_network.h"
#include "engine/data/batches.h"
#include "engine/optim/optimizer_choice.h"

struct TrainingConfig {
  NetworkConfig network;  // the dropout twin's; the plain twin is the same with every rate 0
  OptimizerKind optimizer = OptimizerKind::Adam;
  float learning_rate = 0.001f;
  int batch_size = 50;
  uint64_t seed = 1;
};

enum class Twin { Plain = 0, Dropout = 1 };

// Mean cross-entropy and fraction misclassified, deterministic (test-time) network.
struct Metrics {
  float train_loss = 0, test_loss = 0, train_error = 0, test_error = 0;
};

struct HistoryPoint {
  double epoch = 0;
  Metrics twin[2];  // indexed by Twin
};

// ReLU activations of one hidden layer on a fixed probe set (the first test
// examples): dropout makes them sparser (Srivastava et al. 2014, figure 8).
struct ActivationStats {
  std::vector<float> histogram;  // fraction of all activations in each bin of (0, top]; larger values in the last
  float top = 1;
  float zero_fraction = 0;  // exactly 0 after ReLU
  float mean = 0;
};

class TwinTrainer {
 public:
  // A fresh pair of networks on `data`; evaluation of the untrained pair is queued.
  void reset(std::shared_ptr<const ClassificationData> data, const TrainingConfig& config);
  void clear();  // no data: nothing to train
  bool ready() const { return data_ != nullptr && plain_ != nullptr; }

  // One unit of work: an evaluation chunk (or the activation histograms that
  // close an evaluation) while one is due, else one network's mini-batch step. False when there is nothing to do (no data,
  // diverged).
  bool advance();
  // Runs whole units until `count` more shared steps are done and their
  // evaluation is finished (tests, the Step button).
  void run_steps(long count);
  void set_learning_rate(float rate);

  long steps() const { return steps_; }  // shared: mini-batches both networks have taken
  long network_steps(Twin twin) const { return network_steps_[index(twin)]; }
  double epochs() const;
  long images_trained() const { return images_trained_; }  // per network
  bool evaluating() const { return evaluation_due_ || activations_due_; }
  bool diverged() const { return !divergence_.empty(); }
  const std::string& divergence() const { return divergence_; }
  // The same in parts, for the UI to say in its own language.
  struct Divergence {
    Twin twin = Twin::Plain;
    long step = 0;           // the shared step whose loss was not finite; 0 when the tape failed
    std::string tape_error;  // the tape's own (English) error, when it failed
  };
  const Divergence& divergence_parts() const { return divergence_parts_; }

  const Metrics& metrics(Twin twin) const { return metrics_[index(twin)]; }
  const std::vector<HistoryPoint>& history() const { return history_.points(); }
  // Per hidden layer, measured at each evaluation.
  const std::vector<ActivationStats>& activations(Twin twin) const { return activations_[index(twin)]; }

  DropoutNetwork& network(Twin twin) { return twin == Twin::Plain ? *plain_ : *dropped_; }
  const DropoutNetwork& network(Twin twin) const { return twin == Twin::Plain ? *plain_ : *dropped_; }
  const ClassificationData& data() const { return *data_; }
  const TrainingConfig& config() const { return config_; }
  // The first layer's weights [inputs, width] before training: the same for both networks.
  const Tensor& initial_first_layer() const { return initial_first_layer_; }
  // The dropout twin's masks in its latest step, and that step's batch rows.
  const std::vector<Tensor>& latest_masks() const { return latest_masks_; }
  const std::vector<int>& latest_batch() const { return latest_batch_; }

 private:
  static int index(Twin twin) { return static_cast<int>(twin); }
  void train_step(Twin twin);
  void evaluation_chunk();
  void finish_evaluation();
  void measure_activations();
  long evaluation_period() const;  // shared steps between evaluations

  std::shared_ptr<const ClassificationData> data_;
  TrainingConfig config_;
  std::unique_ptr<DropoutNetwork> plain_, dropped_;
  std::unique_ptr<Optimizer> optimizers_[2];
  std::unique_ptr<BatchIterator> batches_;
  Tensor initial_first_layer_;
  Pcg32 mask_rng_{1};
  Tape tape_;
  std::vector<int> batch_;       // the rows both networks train on this step
  int next_twin_ = 0;            // which network takes batch_ next
  long steps_ = 0, network_steps_[2] = {0, 0}, images_trained_ = 0;
  std::string divergence_;
  Divergence divergence_parts_;

  // Evaluation in progress: network, split (0 train, 1 test), next row, sums.
  bool evaluation_due_ = false, activations_due_ = false;
  int eval_twin_ = 0, eval_split_ = 0, eval_row_ = 0;
  double eval_loss_sum_ = 0;
  long eval_wrong_ = 0;
  Metrics pending_[2];

  Metrics metrics_[2];
  BoundedHistory<HistoryPoint> history_{1000};  // the whole run, evenly thinned when long
  double evaluated_epoch_ = -1;  // the epoch the metrics are of
  std::vector<ActivationStats> activations_[2];
  std::vector<Tensor> latest_masks_;
  std::vector<int> latest_batch_;
};
