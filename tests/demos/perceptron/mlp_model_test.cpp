// tests/demos/perceptron/mlp_model_test.cpp: the MLP mode learns what
// TensorFlow Playground's users expect it to, from fixed seeds.
#include "demos/perceptron/mlp_model.h"

#include <doctest/doctest.h>

#include <cmath>

namespace {

// Trains until test accuracy reaches `goal` or `max_steps` pass; returns the steps used.
long train_until(MlpModel& model, float goal, long max_steps) {
  while (model.steps() < max_steps) {
    for (int i = 0; i < 100; ++i) REQUIRE(model.train_step());
    model.evaluate();
    if (model.test_accuracy() >= goal) break;
  }
  return model.steps();
}

}  // namespace

TEST_CASE("the default MLP reaches 95% test accuracy on circle and on XOR") {
  for (MlpDataset dataset : {MlpDataset::Circle, MlpDataset::Xor}) {
    CAPTURE(mlp_dataset_key(dataset));
    MlpConfig config;
    config.dataset = dataset;
    MlpModel model;
    model.reset(config, {});
    long steps = train_until(model, 0.95f, 20000);
    CHECK(model.test_accuracy() >= 0.95f);
    MESSAGE(mlp_dataset_key(dataset) << ": " << steps << " steps, test accuracy " << model.test_accuracy());
  }
}

TEST_CASE("a 2x8 tanh network separates a 3-class spiral to 90% within a bounded number of steps") {
  MlpConfig config;
  config.dataset = MlpDataset::Spirals;
  config.classes = 3;
  config.hidden_layers = 2;
  config.neurons[0] = config.neurons[1] = 8;
  config.optimizer = OptimizerKind::Adam;
  config.learning_rate = 0.03f;
  config.noise = 0.0f;
  MlpModel model;
  model.reset(config, {});
  long steps = train_until(model, 0.90f, 30000);
  CHECK(model.test_accuracy() >= 0.90f);
  MESSAGE("3-class spiral: " << steps << " steps, test accuracy " << model.test_accuracy());
}

TEST_CASE("a learning rate of 10 on a deep linear network diverges to a clear stop, not a crash") {
  MlpConfig config;
  config.learning_rate = 10.0f;
  config.optimizer = OptimizerKind::Sgd;
  config.hidden_layers = 6;
  for (int& n : config.neurons) n = 8;
  for (Activation& a : config.activation) a = Activation::Linear;  // nothing saturates: weights explode
  MlpModel model;
  model.reset(config, {});
  long steps = 0;
  while (model.train_step() && steps < 5000) ++steps;
  CHECK(model.diverged());
  CHECK_FALSE(model.train_step());  // stays stopped until reset
}

TEST_CASE("feature transforms compute x, y, x^2, y^2, xy, sin x, sin y") {
  CHECK(feature_value(Feature::X, 2, 3) == 2);
  CHECK(feature_value(Feature::Y, 2, 3) == 3);
  CHECK(feature_value(Feature::XSquared, 2, 3) == 4);
  CHECK(feature_value(Feature::YSquared, 2, 3) == 9);
  CHECK(feature_value(Feature::XTimesY, 2, 3) == 6);
  CHECK(feature_value(Feature::SinX, 2, 3) == doctest::Approx(std::sin(2.0)));
  CHECK(feature_value(Feature::SinY, 2, 3) == doctest::Approx(std::sin(3.0)));
}

TEST_CASE("every data set is balanced enough, in range, and split by the train ratio") {
  for (int d = 0; d < kMlpDatasetCount; ++d) {
    MlpConfig config;
    config.dataset = static_cast<MlpDataset>(d);
    config.points = 400;
    config.train_percent = 70;
    CAPTURE(mlp_dataset_key(config.dataset));
    MlpModel model;
    model.reset(config, {});
    CHECK(model.train_set().size() == 280);
    CHECK(model.test_set().size() == 120);
    std::vector<int> counts(static_cast<size_t>(model.classes()), 0);
    for (const Dataset2D* set : {&model.train_set(), &model.test_set()}) {
      for (int i = 0; i < set->size(); ++i) {
        ++counts[static_cast<size_t>(set->label[static_cast<size_t>(i)])];
        CHECK(std::fabs(set->x[2 * static_cast<size_t>(i)]) <= kDomain + 1);
        CHECK(std::fabs(set->x[2 * static_cast<size_t>(i) + 1]) <= kDomain + 1);
      }
    }
    for (int c : counts) CHECK(c >= 400 / model.classes() / 3);  // no class starved
  }
}

TEST_CASE("user points join the training set; heat maps cover every neuron") {
  MlpConfig config;
  config.features[2] = true;  // x^2 as a third input
  MlpModel model;
  model.reset(config, {{1.0f, 2.0f, 1}, {-3.0f, 0.5f, 0}});
  CHECK(model.train_set().size() == 202);
  model.update_heatmaps(16, 8);
  CHECK(model.output_heatmap().width == 16);
  REQUIRE(model.neuron_heatmaps().size() == 3);  // inputs + two hidden layers
  CHECK(model.neuron_heatmaps()[0].size() == 3);
  CHECK(model.neuron_heatmaps()[1].size() == 4);
  CHECK(model.neuron_heatmaps()[2].size() == 2);
  CHECK(model.neuron_heatmaps()[1][0].width == 8);
  double total = 0;
  for (int i = 0; i < 16 * 16; ++i) total += model.output_heatmap().texels[static_cast<size_t>(i) * 4 + 1];
  CHECK(total > 0);  // probabilities were written
}
