// tests/engine/data/batches_test.cpp: train/test split, mini-batches, gathering.
#include "engine/data/batches.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>
#include <vector>

namespace {

// Every index of the epoch the iterator is in, batch by batch.
std::vector<std::vector<int>> one_epoch(BatchIterator& batches) {
  std::vector<std::vector<int>> out;
  const int epoch = batches.epoch();
  while (batches.epoch() == epoch) out.push_back(batches.next());
  return out;
}

std::vector<std::tuple<float, float, int>> points_of(const Dataset2D& d) {
  std::vector<std::tuple<float, float, int>> out;
  for (int i = 0; i < d.size(); ++i) out.emplace_back(d.x[2 * i], d.x[2 * i + 1], d.label[i]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the batch iterator visits each index exactly once per epoch") {
  Pcg32 rng(1);
  BatchIterator batches(23, 5, rng);
  std::vector<int> previous_order;
  for (int epoch = 0; epoch < 3; ++epoch) {
    CHECK(batches.epoch() == epoch);
    std::vector<std::vector<int>> epoch_batches = one_epoch(batches);
    REQUIRE(epoch_batches.size() == 5);
    CHECK(epoch_batches.back().size() == 3);  // 23 = 4 * 5 + 3
    std::vector<int> order;
    for (const auto& b : epoch_batches) order.insert(order.end(), b.begin(), b.end());
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < 23; ++i) CHECK(sorted[i] == i);
    CHECK(order != previous_order);  // reshuffled
    previous_order = order;
  }
}

TEST_CASE("the batch iterator is deterministic for a seed and clamps its batch size") {
  Pcg32 first(2), second(2);
  BatchIterator a(10, 4, first), b(10, 4, second);
  for (int i = 0; i < 7; ++i) CHECK(a.next() == b.next());
  Pcg32 rng(3);
  BatchIterator whole(6, 100, rng);
  CHECK(whole.next().size() == 6);
  CHECK(whole.epoch() == 1);
  BatchIterator none(0, 4, rng);
  CHECK(none.next().empty());
  CHECK(BatchIterator(5, 0, rng).batch_size() == 1);
}

TEST_CASE("split_train_test partitions the points by the train fraction") {
  Pcg32 rng(4);
  const Dataset2D data = make_two_gaussians(50, 0.1f, rng);
  const TrainTestSplit split = split_train_test(data, 0.8f, rng);
  CHECK(split.train.size() == 40);
  CHECK(split.test.size() == 10);
  CHECK(split.train.classes == 2);
  Dataset2D joined = split.train;
  joined.x.insert(joined.x.end(), split.test.x.begin(), split.test.x.end());
  joined.label.insert(joined.label.end(), split.test.label.begin(), split.test.label.end());
  CHECK(points_of(joined) == points_of(data));
  CHECK(split_train_test(data, 1.5f, rng).test.size() == 0);
  CHECK(split_train_test(data, -1.0f, rng).train.size() == 0);
}

TEST_CASE("gather_batch builds [B, 2] points, [B, 1] targets and one-hot rows") {
  Dataset2D data;
  data.x = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
  data.label = {0, 2, 1};
  data.classes = 3;
  const Batch batch = gather_batch(data, {2, 0});
  CHECK(batch.x.shape() == Shape{2, 2});
  CHECK(batch.x.to_vector() == std::vector<float>{0.5f, 0.6f, 0.1f, 0.2f});
  CHECK(batch.targets.shape() == Shape{2, 1});
  CHECK(batch.targets.to_vector() == std::vector<float>{1, 0});
  CHECK(batch.one_hot.to_vector() == std::vector<float>{0, 1, 0, 1, 0, 0});
  CHECK(batch.labels == std::vector<int>{1, 0});
  CHECK(whole_dataset(data).labels == std::vector<int>{0, 2, 1});
  CHECK(gather_batch(data, {3}).x.empty());  // out of range
  CHECK(gather_batch(data, {}).x.empty());
}
