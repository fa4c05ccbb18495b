// Two ways to predict with a network trained with dropout:
//   - the deterministic "mean network" (weight scaling; with inverted dropout
//     the network as it is): one pass, an approximation of the ensemble mean;
//   - Monte-Carlo dropout (Gal & Ghahramani 2016): N thinned networks, each
//     with fresh masks, and the average of their softmax outputs. Their
//     spread across samples is a measure of the model's uncertainty.
#pragma once

#include <vector>

#include "demos/dropout/classification_data.h"
#include "demos/dropout/dropout_network.h"

// Mean and standard deviation, per column, over the rows of values [N, K].
struct SampleSummary {
  std::vector<float> mean, deviation;
};
SampleSummary summarise_rows(const Tensor& values);

// Softmax of each row of logits [N, K].
Tensor row_softmax(const Tensor& logits);

// Logits [rows, K] of the deterministic network for `rows` examples.
Tensor deterministic_logits(DropoutNetwork& network, const float* examples, int rows);
// Logits [samples, K] of `samples` thinned networks for one example: the
// example repeated as a batch, each row with its own masks.
Tensor monte_carlo_logits(DropoutNetwork& network, const float* example, int samples, Pcg32& rng);

// Test error of both inference modes over a data set's test examples,
// measured a chunk at a time (each example costs `samples` passes).
class MonteCarloEvaluation {
 public:
  void start(int samples, long at_step);
  // One chunk of examples; false once finished (or never started).
  bool advance(DropoutNetwork& network, const ClassificationData& data, Pcg32& rng);
  void reset() { running_ = finished_ = false; }  // forget a measurement (the networks changed)

  bool running() const { return running_; }
  bool finished() const { return finished_; }
  float progress(const ClassificationData& data) const;
  int samples() const { return samples_; }
  long measured_at_step() const { return at_step_; }
  float monte_carlo_error() const { return mc_error_; }
  float deterministic_error() const { return deterministic_error_; }

 private:
  bool running_ = false, finished_ = false;
  int samples_ = 0, next_ = 0;
  long at_step_ = 0;
  long mc_wrong_ = 0, deterministic_wrong_ = 0;
  float mc_error_ = 0, deterministic_error_ = 0;
};
