#include "demos/perceptron/mlp_model.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"
#include "engine/init.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/losses.h"
#include "engine/ops/softmax.h"

namespace {

constexpr float kDataScale = 5.0f;  // generators draw in [-1, 1]^2

// "y > f(x)" data sets: uniform points, labelled by which side of the curve they lie.
Dataset2D make_function_set(int n, float noise, Pcg32& rng, bool sine) {
  Dataset2D data;
  for (int i = 0; i < n; ++i) {
    float x = rng.uniform(-1.0f, 1.0f);
    float y = rng.uniform(-1.0f, 1.0f);
    float curve = sine ? 0.5f * static_cast<float>(det_math::sin(3.14159265f * x)) : x * x - 0.4f;
    int label = y > curve ? 1 : 0;
    float nx = noise * normal_draw(rng);
    float ny = noise * normal_draw(rng);
    data.x.push_back(x + nx);
    data.x.push_back(y + ny);
    data.label.push_back(label);
  }
  return data;
}

Dataset2D make_data(const MlpConfig& c, Pcg32& rng) {
  switch (c.dataset) {
    case MlpDataset::Circle: return make_circle(c.points, c.noise, rng);
    case MlpDataset::Xor: return make_xor(c.points, c.noise, rng);
    case MlpDataset::Gaussians: return make_two_gaussians(c.points, c.noise, rng);
    case MlpDataset::Spiral: return make_spiral(c.points, c.noise, rng);
    case MlpDataset::Linear: return make_linear(c.points, c.noise, rng);
    case MlpDataset::Moons: return make_moons(c.points, c.noise, rng);
    case MlpDataset::Sine: return make_function_set(c.points, c.noise, rng, true);
    case MlpDataset::Parabola: return make_function_set(c.points, c.noise, rng, false);
    case MlpDataset::Blobs: return make_k_class_blobs(c.points, c.classes, c.noise, rng);
    case MlpDataset::Spirals: return make_k_class_spirals(c.points, c.classes, c.noise, rng);
  }
  return {};
}

bool all_finite(const std::vector<Linear>& layers) {
  for (const Linear& layer : layers)
    for (const Parameter* p : {&layer.weight, &layer.bias})
      for (int i = 0; i < p->value.size(); ++i)
        if (!std::isfinite(p->value[i])) return false;
  return true;
}

}  // namespace

const char* mlp_dataset_key(MlpDataset d) {
  static const char* const kKeys[kMlpDatasetCount] = {"circle", "xor",  "gauss",    "spiral", "linear",
                                                      "moons",  "sine", "parabola", "blobs",  "spirals"};
  return kKeys[static_cast<int>(d)];
}

const char* feature_key(Feature f) {
  static const char* const kKeys[kFeatureCount] = {"x", "y", "xx", "yy", "xy", "sinx", "siny"};
  return kKeys[static_cast<int>(f)];
}

const char* feature_label(Feature f) {
  static const char* const kLabels[kFeatureCount] = {"x", "y", "x^2", "y^2", "xy", "sin x", "sin y"};
  return kLabels[static_cast<int>(f)];
}

float feature_value(Feature f, float x, float y) {
  switch (f) {
    case Feature::X: return x;
    case Feature::Y: return y;
    case Feature::XSquared: return x * x;
    case Feature::YSquared: return y * y;
    case Feature::XTimesY: return x * y;
    case Feature::SinX: return static_cast<float>(det_math::sin(x));  // libm's sin differs between native and wasm
    case Feature::SinY: return static_cast<float>(det_math::sin(y));
  }
  return 0;
}

void MlpModel::reset(const MlpConfig& config, const std::vector<UserPoint>& user_points) {
  config_ = config;
  rng_ = Pcg32(static_cast<uint64_t>(config.seed));
  Dataset2D all = make_data(config, rng_);
  for (float& v : all.x) v *= kDataScale;
  classes_ = std::max(2, all.classes);
  TrainTestSplit split = split_train_test(all, static_cast<float>(config.train_percent) / 100.0f, rng_);
  train_ = split.train;
  test_ = split.test;
  for (const UserPoint& p : user_points) {  // the user's own points always train
    train_.x.push_back(p.x);
    train_.x.push_back(p.y);
    train_.label.push_back(std::clamp(p.label, 0, classes_ - 1));
  }
  train_.classes = test_.classes = classes_;

  active_features_.clear();
  for (int f = 0; f < kFeatureCount; ++f)
    if (config.features[f]) active_features_.push_back(static_cast<Feature>(f));
  if (active_features_.empty()) active_features_.push_back(Feature::X);  // a network needs an input

  std::vector<int> sizes{input_count()};
  sizes.insert(sizes.end(), config.neurons, config.neurons + config.hidden_layers);
  sizes.push_back(classes_ == 2 ? 1 : classes_);
  std::vector<Activation> activations(config.activation, config.activation + config.hidden_layers);
  network_ = std::make_unique<Mlp>(sizes, activations, rng_);  // on the heap: the optimizer keeps pointers
  train_stack_ = DenseStack(&network_->layers(), activations);
  eval_stack_ = DenseStack(&network_->layers(), activations);

  const std::vector<Parameter*> parameters = network_->parameters();
  optimizer_ = make_optimizer(config.optimizer, parameters, config.learning_rate);
  batches_ = std::make_unique<BatchIterator>(std::max(1, train_.size()), config.batch_size, rng_);
  tape_ = Tape(static_cast<uint64_t>(config.seed) + 17);
  steps_ = 0;
  diverged_ = false;
  train_history_.clear();
  test_history_.clear();
  evaluate();
  record_history();
}

void MlpModel::set_training_options(const MlpConfig& config) {
  if (config.batch_size != config_.batch_size)
    batches_ = std::make_unique<BatchIterator>(std::max(1, train_.size()), config.batch_size, rng_);
  config_.learning_rate = config.learning_rate;
  config_.batch_size = config.batch_size;
  config_.loss = config.loss;
  config_.penalty = config.penalty;
  config_.penalty_rate = config.penalty_rate;
  std::copy(std::begin(config.dropout), std::end(config.dropout), std::begin(config_.dropout));
  if (optimizer_) optimizer_->learning_rate = config.learning_rate;
}

const std::vector<Linear>& MlpModel::layers() const {
  static const std::vector<Linear> none;
  return network_ ? network_->layers() : none;
}

bool MlpModel::needs_rebuild(const MlpConfig& a, const MlpConfig& b) {
  bool same = a.dataset == b.dataset && a.classes == b.classes && a.noise == b.noise && a.points == b.points &&
              a.train_percent == b.train_percent && a.seed == b.seed && a.hidden_layers == b.hidden_layers &&
              a.optimizer == b.optimizer;
  for (int f = 0; same && f < kFeatureCount; ++f) same = a.features[f] == b.features[f];
  for (int l = 0; same && l < a.hidden_layers; ++l)
    same = a.neurons[l] == b.neurons[l] && a.activation[l] == b.activation[l];
  return !same;
}

Tensor MlpModel::features_of(const std::vector<float>& xy) const {
  int n = static_cast<int>(xy.size() / 2), inputs = input_count();
  Tensor out(Shape{std::max(1, n), inputs});
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < inputs; ++f)
      out[i * inputs + f] = feature_value(active_features_[static_cast<size_t>(f)], xy[2 * i], xy[2 * i + 1]);
  return out;
}

const Tensor& MlpModel::evaluation_logits(const std::vector<float>& xy) {
  return eval_stack_.forward(features_of(xy), {}, nullptr);
}

Var MlpModel::loss_of(Tape& tape, Var logits, const std::vector<int>& labels) const {
  int n = static_cast<int>(labels.size());
  if (classes_ == 2) {
    Tensor targets(Shape{n, 1});
    for (int i = 0; i < n; ++i) targets[i] = static_cast<float>(labels[static_cast<size_t>(i)]);
    Var t = tape.constant(targets);
    return config_.loss == LossKind::CrossEntropy ? ops::binary_cross_entropy_with_logits(logits, t)
                                                  : ops::mse(ops::sigmoid(logits), t);
  }
  if (config_.loss == LossKind::CrossEntropy) return ops::cross_entropy(logits, labels);
  Tensor one_hot(Shape{n, classes_});
  for (int i = 0; i < n; ++i) one_hot[i * classes_ + labels[static_cast<size_t>(i)]] = 1.0f;
  return ops::mse(ops::softmax(logits), tape.constant(one_hot));
}

bool MlpModel::train_step() {
  if (diverged_ || train_.size() == 0) return false;
  std::vector<int> rows = batches_->next();
  std::vector<float> xy;
  std::vector<int> labels;
  for (int r : rows) {
    xy.push_back(train_.x[2 * static_cast<size_t>(r)]);
    xy.push_back(train_.x[2 * static_cast<size_t>(r) + 1]);
    labels.push_back(train_.label[static_cast<size_t>(r)]);
  }
  // h_l = dropout(activation_l(h_{l-1} W_l + b_l)) per hidden layer, logits = h_L W + b.
  std::vector<float> drop;
  for (int l = 0; l < config_.hidden_layers; ++l)  // the UI's range; a typed-in 1.5 or NaN must not reach the stack
    drop.push_back(config_.dropout[l] >= 0.0f ? std::min(config_.dropout[l], 0.9f) : 0.0f);
  const Tensor& logits = train_stack_.forward(features_of(xy), drop, &tape_.rng);
  tape_.clear();
  tape_.training = true;
  Var z = tape_.variable(logits);
  Var loss = loss_of(tape_, z, labels);
  if (config_.penalty != Penalty::None && config_.penalty_rate > 0) {
    std::vector<Var> weights;
    for (Linear& layer : network_->layers()) weights.push_back(tape_.param(layer.weight));
    Var penalty = config_.penalty == Penalty::L1 ? ops::l1_penalty(weights) : ops::l2_penalty(weights);
    loss = ops::add(loss, ops::scale(penalty, config_.penalty_rate));
  }
  optimizer_->zero_grad();
  if (!loss.ok() || !tape_.backward(loss)) {
    diverged_ = true;  // a shape error would be a bug; stop rather than loop on it
    return false;
  }
  train_stack_.backward(tape_.grad(z));
  optimizer_->step();
  ++steps_;
  if (!std::isfinite(loss.value().item()) || !all_finite(network_->layers())) {
    diverged_ = true;
    return false;
  }
  return true;
}

void MlpModel::evaluate_set(const Dataset2D& set, float* loss, float* accuracy) {
  if (set.size() == 0) {
    *loss = 0;
    *accuracy = 0;
    return;
  }
  const Tensor& z = evaluation_logits(set.x);
  tape_.clear();
  tape_.training = false;
  NoGradScope no_grad(tape_);
  Var value = loss_of(tape_, tape_.constant(z), set.label);
  *loss = value.ok() ? value.value().item() : NAN;
  int correct = 0;
  for (int i = 0; i < set.size(); ++i) {
    int predicted;
    if (classes_ == 2) {
      predicted = z[i] > 0 ? 1 : 0;
    } else {
      predicted = 0;
      for (int k = 1; k < classes_; ++k)
        if (z[i * classes_ + k] > z[i * classes_ + predicted]) predicted = k;
    }
    correct += predicted == set.label[static_cast<size_t>(i)];
  }
  *accuracy = static_cast<float>(correct) / static_cast<float>(set.size());
}

void MlpModel::evaluate() {
  evaluate_set(train_, &train_loss_, &train_accuracy_);
  evaluate_set(test_, &test_loss_, &test_accuracy_);
}

void MlpModel::record_history() {
  constexpr size_t kMaxHistory = 2000;
  if (train_history_.size() >= kMaxHistory) {  // keep the whole run, at half the resolution
    for (size_t i = 0; i < kMaxHistory / 2; ++i) {
      train_history_[i] = train_history_[2 * i];
      test_history_[i] = test_history_[2 * i];
    }
    train_history_.resize(kMaxHistory / 2);
    test_history_.resize(kMaxHistory / 2);
  }
  train_history_.push_back(train_loss_);
  test_history_.push_back(test_loss_);
}

double MlpModel::epochs() const {
  return train_.size() == 0 ? 0 : static_cast<double>(steps_) * config_.batch_size / train_.size();
}

std::vector<float> MlpModel::predict(const std::vector<float>& xy) {
  const Tensor& z = evaluation_logits(xy);
  int n = static_cast<int>(xy.size() / 2);
  std::vector<float> probabilities(static_cast<size_t>(n) * classes_);
  for (int i = 0; i < n; ++i) {
    if (classes_ == 2) {
      float p = 1.0f / (1.0f + std::exp(-z[i]));
      probabilities[2 * static_cast<size_t>(i)] = 1 - p;
      probabilities[2 * static_cast<size_t>(i) + 1] = p;
    } else {
      softmax_values(z.data() + i * classes_, classes_, 1.0f, &probabilities[static_cast<size_t>(i) * classes_]);
    }
  }
  return probabilities;
}

namespace {

// Centres of a resolution x resolution grid over the plane, row 0 at the top.
std::vector<float> grid_points(int resolution) {
  std::vector<float> xy;
  for (int row = 0; row < resolution; ++row)
    for (int col = 0; col < resolution; ++col) {
      xy.push_back(-kDomain + 2 * kDomain * (static_cast<float>(col) + 0.5f) / static_cast<float>(resolution));
      xy.push_back(kDomain - 2 * kDomain * (static_cast<float>(row) + 0.5f) / static_cast<float>(resolution));
    }
  return xy;
}

}  // namespace

void MlpModel::update_heatmaps(int output_resolution, int neuron_resolution) {
  // The output: class probabilities.
  const Tensor& logits = evaluation_logits(grid_points(output_resolution));
  int n = output_resolution * output_resolution;
  output_map_.kind = HeatmapKind::ClassProbabilities;
  output_map_.classes = classes_;
  output_map_.resize(output_resolution, output_resolution);
  std::vector<float> p(static_cast<size_t>(classes_));
  for (int i = 0; i < n; ++i) {
    float* t = &output_map_.texels[static_cast<size_t>(i) * 4];
    if (classes_ == 2) {
      float q = 1.0f / (1.0f + std::exp(-logits[i]));
      t[0] = 1 - q;
      t[1] = q;
    } else {
      softmax_values(logits.data() + i * classes_, classes_, 1.0f, p.data());
      for (int k = 0; k < std::min(classes_, 4); ++k) t[k] = p[static_cast<size_t>(k)];
    }
  }
  ++output_map_.version;

  // Inputs scaled by their largest magnitude on the grid; neurons shown as they are, clipped to [-1, 1].
  Tensor inputs = features_of(grid_points(neuron_resolution));
  eval_stack_.forward(inputs, {}, nullptr);
  int m = neuron_resolution * neuron_resolution;
  neuron_maps_.resize(static_cast<size_t>(eval_stack_.hidden_count()) + 1);
  auto fill = [&](std::vector<HeatmapImage>& maps, const Tensor& values, int width, bool normalise) {
    maps.resize(static_cast<size_t>(width));
    for (int j = 0; j < width; ++j) {
      HeatmapImage& map = maps[static_cast<size_t>(j)];
      map.kind = HeatmapKind::Diverging;
      map.resize(neuron_resolution, neuron_resolution);
      float scale = 1;
      if (normalise) {
        float top = 1e-6f;
        for (int i = 0; i < m; ++i) top = std::max(top, std::fabs(values[i * width + j]));
        scale = 1 / top;
      }
      for (int i = 0; i < m; ++i) map.texels[static_cast<size_t>(i)] = values[i * width + j] * scale;
      ++map.version;
    }
  };
  fill(neuron_maps_[0], inputs, input_count(), true);
  for (int l = 0; l < eval_stack_.hidden_count(); ++l) {
    const Tensor& values = eval_stack_.hidden(l);
    fill(neuron_maps_[static_cast<size_t>(l) + 1], values, values.dim(1), false);
  }
}
