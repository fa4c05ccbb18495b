// Splitting a 2-D data set and cutting it into shuffled mini-batches.
#pragma once

#include <vector>

#include "engine/data/generators.h"
#include "engine/random.h"
#include "engine/tensor.h"

struct TrainTestSplit {
  Dataset2D train;
  Dataset2D test;
};

// A random split: round(train_fraction * n) points (fraction clamped to
// [0, 1]) go to train, the rest to test, each keeping the shuffled order.
TrainTestSplit split_train_test(const Dataset2D& data, float train_fraction, Pcg32& rng);

// Hands out the indices 0..n-1 in batches of batch_size, visiting each index
// exactly once per epoch in a fresh random order (Fisher-Yates) each epoch.
// The last batch of an epoch is smaller when batch_size does not divide n.
class BatchIterator {
 public:
  // Takes its own stream, seeded from one draw of rng, so the caller's
  // generator is not held. A batch_size outside [1, n] is clamped.
  BatchIterator(int n, int batch_size, Pcg32& rng);

  std::vector<int> next();  // the next batch's indices; empty only when n is 0
  int epoch() const { return epoch_; }  // epochs completed so far
  int batch_size() const { return batch_size_; }

 private:
  void shuffle();

  std::vector<int> order_;
  int batch_size_;
  int position_ = 0;  // into order_
  int epoch_ = 0;
  Pcg32 rng_;
};

// The rows of a data set gathered for one training step.
struct Batch {
  Tensor x;                 // [B, 2] points
  Tensor targets;           // [B, 1] the label as a float (0 or 1 for two classes)
  Tensor one_hot;           // [B, classes]
  std::vector<int> labels;  // B class indices
};

// Gathers the given rows (indices into data). No rows (or an index out of
// range) gives empty tensors, since a tensor cannot have size 0.
Batch gather_batch(const Dataset2D& data, const std::vector<int>& rows);
Batch whole_dataset(const Dataset2D& data);  // every row, in order
