#include "engine/data/batches.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace {

// Fisher-Yates: every permutation equally likely, with Pcg32::below for
// unbiased draws.
void shuffle_in_place(std::vector<int>& items, Pcg32& rng) {
  for (size_t i = items.size(); i > 1; --i) {
    size_t j = rng.below(static_cast<uint32_t>(i));
    std::swap(items[i - 1], items[j]);
  }
}

Dataset2D subset(const Dataset2D& data, const std::vector<int>& rows) {
  Dataset2D out;
  out.classes = data.classes;
  out.x.reserve(rows.size() * 2);
  out.label.reserve(rows.size());
  for (int r : rows) {
    out.x.push_back(data.x[2 * r]);
    out.x.push_back(data.x[2 * r + 1]);
    out.label.push_back(data.label[r]);
  }
  return out;
}

// A generator of its own, seeded from two draws of `rng`. Two statements, not
// Pcg32(rng.next_u32(), rng.next_u32()): argument evaluation order is
// unspecified (GCC and clang differ), which made native and wasm disagree.
Pcg32 derive_generator(Pcg32& rng) {
  uint64_t seed = rng.next_u32();
  uint64_t stream = rng.next_u32();
  return Pcg32(seed, stream);
}

}  // namespace

TrainTestSplit split_train_test(const Dataset2D& data, float train_fraction, Pcg32& rng) {
  std::vector<int> order(static_cast<size_t>(data.size()));
  std::iota(order.begin(), order.end(), 0);
  shuffle_in_place(order, rng);
  const float fraction = std::isnan(train_fraction) ? 0.0f : std::clamp(train_fraction, 0.0f, 1.0f);
  const long train_count = std::lround(static_cast<double>(fraction) * data.size());
  const auto middle = order.begin() + train_count;
  return {subset(data, std::vector<int>(order.begin(), middle)), subset(data, std::vector<int>(middle, order.end()))};
}

BatchIterator::BatchIterator(int n, int batch_size, Pcg32& rng)
    : order_(static_cast<size_t>(std::max(0, n))),
      batch_size_(std::clamp(batch_size, 1, std::max(1, n))),
      rng_(derive_generator(rng)) {
  std::iota(order_.begin(), order_.end(), 0);
  shuffle();
}

void BatchIterator::shuffle() { shuffle_in_place(order_, rng_); }

std::vector<int> BatchIterator::next() {
  const int n = static_cast<int>(order_.size());
  if (n == 0) return {};
  const int end = std::min(n, position_ + batch_size_);
  std::vector<int> batch(order_.begin() + position_, order_.begin() + end);
  position_ = end;
  if (position_ == n) {
    position_ = 0;
    ++epoch_;
    shuffle();
  }
  return batch;
}

Batch gather_batch(const Dataset2D& data, const std::vector<int>& rows) {
  Batch batch;
  const int n = data.size(), classes = std::max(1, data.classes);
  const bool in_range = std::all_of(rows.begin(), rows.end(), [n](int r) { return r >= 0 && r < n; });
  if (rows.empty() || !in_range || static_cast<int>(data.x.size()) != 2 * n) return batch;
  const int count = static_cast<int>(rows.size());
  batch.x = Tensor(Shape{count, 2});
  batch.targets = Tensor(Shape{count, 1});
  batch.one_hot = Tensor(Shape{count, classes});
  batch.labels.reserve(rows.size());
  for (int b = 0; b < count; ++b) {
    const int r = rows[b], label = data.label[r];
    batch.x[2 * b] = data.x[2 * r];
    batch.x[2 * b + 1] = data.x[2 * r + 1];
    batch.targets[b] = static_cast<float>(label);
    if (label >= 0 && label < classes) batch.one_hot[b * classes + label] = 1.0f;
    batch.labels.push_back(label);
  }
  return batch;
}

Batch whole_dataset(const Dataset2D& data) {
  std::vector<int> rows(static_cast<size_t>(data.size()));
  std::iota(rows.begin(), rows.end(), 0);
  return gather_batch(data, rows);
}
