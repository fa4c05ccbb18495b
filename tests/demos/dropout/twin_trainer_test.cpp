// tests/demos/dropout/twin_trainer_test.cpp: the demo's claim, as a
// regression test, and the mechanics of training two networks side by side.
#include "demos/dropout/twin_trainer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "tests/demos/dropout/synthetic_images.h"

namespace {

// The demo's default 2-D setting: moons, 80 noisy training points, 256-256
// ReLU, rates 0.5 on the hidden layers (none on the two coordinates), Adam
// 0.001, batches of 50 (so an epoch is two steps: 50 points, then 30).
TrainingConfig default_points_config(uint64_t seed) {
  TrainingConfig config;
  config.network.hidden = {256, 256};
  config.network.drop = {0.0f, 0.5f, 0.5f};
  config.seed = seed;
  return config;
}

std::shared_ptr<const ClassificationData> default_points(uint64_t seed) {
  return std::make_shared<const ClassificationData>(points_from_generator(Dataset2DKind::Moons, 80, 1000, 0.3f, seed));
}

float gap(const Metrics& m) { return m.test_error - m.train_error; }

}  // namespace

TEST_CASE("on the default 2-D setting, across 12 seeds, dropout mostly gives a lower test error and a smaller train-test gap") {
  // A claim over seeds, not one hand-picked seed: at 200 epochs (the plain
  // network memorises the noise by then; dropout holds off until about 800
  // epochs) count the seeds where dropout wins and the mean margin.
  constexpr int kSeeds = 12;
  int lower_test_error = 0, smaller_gap = 0;
  double margin_sum = 0;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    TwinTrainer trainer;
    trainer.reset(default_points(seed), default_points_config(seed));
    trainer.run_steps(2 * 200);
    const Metrics &plain = trainer.metrics(Twin::Plain), &dropped = trainer.metrics(Twin::Dropout);
    lower_test_error += dropped.test_error < plain.test_error;
    smaller_gap += gap(dropped) < gap(plain);
    margin_sum += plain.test_error - dropped.test_error;
  }
  MESSAGE("of " << kSeeds << " seeds: dropout's test error lower in " << lower_test_error << ", gap smaller in "
                << smaller_gap << ", mean test-error margin " << margin_sum / kSeeds);
  CHECK(lower_test_error >= 8);  // measured: 9 of 12, gaps smaller in 11, mean margin 0.025
  CHECK(smaller_gap >= 10);
  CHECK(margin_sum / kSeeds > 0.01);
}

TEST_CASE("two networks with no dropout, from one seed and one batch order, stay bit-identical") {
  TrainingConfig config = default_points_config(3);
  config.network.hidden = {16, 16};
  config.network.drop = {0.0f, 0.0f, 0.0f};
  TwinTrainer trainer;
  trainer.reset(default_points(3), config);
  trainer.run_steps(20);
  CHECK(trainer.network_steps(Twin::Plain) == 20);
  CHECK(trainer.network_steps(Twin::Dropout) == 20);
  const auto &a = trainer.network(Twin::Plain).layers(), &b = trainer.network(Twin::Dropout).layers();
  for (size_t l = 0; l < a.size(); ++l)
    for (int i = 0; i < a[l].weight.value.size(); ++i) REQUIRE(a[l].weight.value[i] == b[l].weight.value[i]);
  CHECK(trainer.metrics(Twin::Plain).test_loss == trainer.metrics(Twin::Dropout).test_loss);
}

TEST_CASE("training is cut into small units: evaluation first, then alternate network steps") {
  TwinTrainer trainer;
  CHECK_FALSE(trainer.advance());  // no data yet
  trainer.reset(default_points(2), default_points_config(2));
  CHECK(trainer.evaluating());
  while (trainer.evaluating()) REQUIRE(trainer.advance());
  REQUIRE(trainer.history().size() == 1);
  CHECK(trainer.history()[0].epoch == 0);
  REQUIRE(trainer.advance());  // the plain network's step
  CHECK(trainer.network_steps(Twin::Plain) == 1);
  CHECK(trainer.steps() == 0);
  REQUIRE(trainer.advance());  // the dropout network's, on the same batch
  CHECK(trainer.steps() == 1);
  CHECK(trainer.images_trained() == 50);
  REQUIRE(trainer.latest_masks().size() == 3);
  CHECK(trainer.latest_masks()[0].empty());  // no input dropout on points
  CHECK(trainer.latest_masks()[1].shape() == Shape{50, 256});
}

TEST_CASE("a huge learning rate stops both networks with a message, and a reset trains again") {
  TrainingConfig config = default_points_config(1);
  config.optimizer = OptimizerKind::Sgd;
  config.learning_rate = 1e6f;
  TwinTrainer trainer;
  trainer.reset(default_points(1), config);
  trainer.run_steps(200);
  REQUIRE(trainer.diverged());
  CHECK(trainer.divergence().find("NaN") != std::string::npos);
  CHECK_FALSE(trainer.advance());
  long stopped_at = trainer.steps();
  trainer.run_steps(10);
  CHECK(trainer.steps() == stopped_at);
  config.learning_rate = 0.001f;
  trainer.reset(default_points(1), config);
  trainer.run_steps(5);
  CHECK_FALSE(trainer.diverged());
  CHECK(trainer.steps() == 5);
}

TEST_CASE("the image path trains on a synthetic asset: 784 inputs, pixels in [0, 1], learns the classes") {
  ImageAsset asset = synthetic_image_asset(300, 100);
  auto data = std::make_shared<const ClassificationData>(images_from_asset(asset, 200, 100));
  REQUIRE(data->inputs == 784);
  CHECK(data->train_size() == 200);
  CHECK(data->test_size() == 100);
  CHECK(data->classes == 10);
  CHECK(*std::max_element(data->train_x.begin(), data->train_x.end()) <= 1.0f);
  CHECK(*std::min_element(data->train_x.begin(), data->train_x.end()) >= 0.0f);
  TrainingConfig config;
  config.network.hidden = {64, 64};
  TwinTrainer trainer;
  trainer.reset(data, config);
  trainer.run_steps(40);  // 10 epochs of 4 batches
  CHECK(trainer.metrics(Twin::Plain).test_error < 0.3f);
  CHECK(trainer.metrics(Twin::Dropout).test_error < 0.5f);
  REQUIRE(trainer.activations(Twin::Dropout).size() == 2);
  const ActivationStats& stats = trainer.activations(Twin::Dropout)[0];
  float total = stats.zero_fraction;
  for (float share : stats.histogram) total += share;
  CHECK(total == doctest::Approx(1.0f).epsilon(1e-3));  // every activation is counted once
}
