// A ReLU MLP that classifies 2-D points, with its own Adam optimizer and tape:
// the distillation teacher, the two students and the network the calibration
// tab calibrates are each one of these.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/data/generators.h"
#include "engine/layers/mlp.h"
#include "engine/optim/adam.h"

class PointClassifier {
 public:
  // 2 -> hidden... -> classes, weights from `seed` (the same seed, the same start).
  PointClassifier(const std::vector<int>& hidden, int classes, float learning_rate, uint64_t seed);

  // Logits [n, classes] of every point, without gradients.
  Tensor logits(const Dataset2D& data);

  // One Adam step on loss(tape, logits of x [B, 2]). False, with error(), when
  // the loss fails or stops being a finite number (the learning rate is too high).
  using Loss = std::function<Var(Tape& tape, Var logits)>;
  bool step(const Tensor& x, const Loss& loss);

  float last_loss() const { return last_loss_; }
  long steps() const { return steps_; }
  const std::string& error() const { return error_; }

 private:
  Pcg32 init_rng_;
  std::unique_ptr<Mlp> mlp_;
  std::unique_ptr<Adam> adam_;
  Tape tape_;
  float last_loss_ = 0;
  long steps_ = 0;
  std::string error_;
};

// Fraction of rows of logits [n, K] whose largest entry is at the label.
double accuracy(const Tensor& logits, const std::vector<int>& labels);
