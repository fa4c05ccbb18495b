// The dropout demo's state, data loading and time-sliced work.
//
// Speed of the default setting (784-256-256-10, batches of 50), measured in
// headless Chromium on the 2-core build machine with the SIMD kernels of
// engine/kernels/: about 1,100 training images a second per network (both
// networks take every batch, evaluations included), so 80 epochs of the
// 1,000-image subset in about 70 s, at 32-38 frames a second. One network's
// mini-batch step is the unit of work checked against the frame budget.
//
// What the default shows (seed 1, the same numbers natively and in wasm): the
// plain network reaches 0% training error by epoch 40 while its test loss
// climbs from 0.58 to 1.1 by epoch 80; the dropout network's test loss stays
// near 0.55-0.6 and its train-test error gap is 14 points against 18.5. At
// epoch 80 the test errors are 18.5% (plain) and 18.2% (dropout): on
// Fashion-MNIST dropout's clear effect is on overfitting (loss, gap); its
// error lead is small and seed-dependent
// (tests/demos/dropout/fashion_mnist_claim_test.cpp has the measurements).
// On the 2-D moons the test error, too, is clearly lower with dropout
// (tests/demos/dropout/twin_trainer_test.cpp).
#include "demos/dropout/dropout_demo.h"

#include <algorithm>
#include <cstdio>

#include "demos/assets.h"

namespace {

constexpr const char* kAssetName = "data/fashion-mnist.bin";
constexpr int kTestImages = 2000;
constexpr int kTestPoints = 1000;
const char* const kDataChoices[] = {"fashion", "moons", "circle", "xor", "spiral"};
const Dataset2DKind kPointKinds[] = {Dataset2DKind::Moons /* unused: Fashion-MNIST */, Dataset2DKind::Moons, Dataset2DKind::Circle,
                                     Dataset2DKind::Xor, Dataset2DKind::Spiral};
const char* const kScalingChoices[] = {"inverted", "weights"};
const char* const kOptimizerChoices[] = {"adam", "momentum", "sgd"};
const OptimizerKind kOptimizerKinds[] = {OptimizerKind::Adam, OptimizerKind::Momentum, OptimizerKind::Sgd};
const char* const kViewChoices[] = {"training", "thinned", "features", "inference", "regulariser", "notes"};

template <size_t N>
std::vector<std::string> choices(const char* const (&names)[N]) {
  return {std::begin(names), std::end(names)};
}

}  // namespace

const char* DropoutDemo::explanation() const {
  return translatable(
      "Dropout (Hinton et al. 2012; Srivastava et al., JMLR 2014) switches off each unit with probability p at "
      "every training step: a Bernoulli mask z ~ Bernoulli(1 - p) multiplies the layer, so each mini-batch trains "
      "a different thinned network and no unit can rely on particular others (co-adaptation). At test time all "
      "units are on and their outgoing weights are scaled by the keep probability 1 - p, the expected value of "
      "the mask; inverted dropout instead divides by 1 - p during training and leaves the test network alone. "
      "Two identical networks (same seed, same mini-batches) train side by side, one with dropout: watch the gap "
      "between their training and test curves. The tabs show the masks, the learned features, Monte-Carlo "
      "dropout, and why dropout is an adaptive L2 penalty. The Notes tab has the formulas.");
}

void DropoutDemo::declare_state(StateFields& f) {
  f.boolean("run", &running_, false);
  f.choice("data", &data_, choices(kDataChoices), 0);
  f.integer("train_n", &train_images_, 1000, 100, 10000);
  f.integer("points", &points_, 80, 10, 1000);
  f.number("noise", &noise_, 0.3f, 0.0f, 0.5f);
  f.integer("seed", &seed_, 1, 0, 999999);
  f.integer("layers", &layers_, 2, 1, kMaxDropoutLayers);
  f.integer("width", &width_, 256, 8, 1024);
  f.number("drop_in", &drop_input_, 0.2f, 0.0f, 0.9f);
  static const char* const kHiddenKeys[kMaxDropoutLayers] = {"drop1", "drop2", "drop3"};
  for (int l = 0; l < kMaxDropoutLayers; ++l) f.number(kHiddenKeys[l], &drop_hidden_[l], 0.5f, 0.0f, 0.9f);
  f.choice("scaling", &scaling_, choices(kScalingChoices), 0);
  f.choice("opt", &optimizer_, choices(kOptimizerChoices), 0);
  f.number("rate", &rate_, 0.001f, 0.00001f, 10.0f);
  f.integer("batch", &batch_, 50, 1, 500);
  f.choice("view", &view_, choices(kViewChoices), 0);
  f.integer("mc", &mc_samples_, 30, 1, 500);
  f.integer("example", &example_, 0, 0, 9999);
  f.integer("hist_layer", &histogram_layer_, 1, 1, kMaxDropoutLayers);
  f.boolean("w_change", &show_weight_change_, true);
  f.number("l2_keep", &identity_keep_, 0.5f, 0.05f, 1.0f);
  f.integer("l2_masks", &identity_draws_, 20000, 100, 200000);
  f.boolean("l2_vary", &identity_varied_, false);
}

void DropoutDemo::state_loaded() {
  // A new link may name other data or another network; the Fashion-MNIST
  // bytes, once loaded, are kept. Nothing is fetched until the demo is shown.
  built_key_.clear();
  trainer_.clear();
  mc_evaluation_.reset();
}

TrainingConfig DropoutDemo::training_config() const {
  TrainingConfig c;
  c.network.hidden.assign(static_cast<size_t>(std::clamp(layers_, 1, kMaxDropoutLayers)), std::max(1, width_));
  // Dropping one of two coordinates erases a point's position, so 2-D data
  // keeps its inputs; input dropout is for pixels (the paper uses p = 0.2).
  c.network.drop = {wants_images() ? drop_input_ : 0.0f};
  for (size_t l = 0; l < c.network.hidden.size(); ++l) c.network.drop.push_back(drop_hidden_[l]);
  c.network.scaling = scaling_ == 0 ? DropoutScaling::Inverted : DropoutScaling::WeightScaling;
  c.optimizer = kOptimizerKinds[optimizer_];
  c.learning_rate = rate_;
  c.batch_size = batch_;
  c.seed = static_cast<uint64_t>(seed_);
  return c;
}

std::string DropoutDemo::build_key() const {
  char key[256];
  TrainingConfig c = training_config();
  std::snprintf(key, sizeof key, "%d|%d|%d|%.3f|%d|%d|%d|%d|%d|%d|%.3f|%.3f|%.3f|%.3f", data_,
                wants_images() ? train_images_ : points_, asset_ != nullptr, wants_images() ? 0.0 : static_cast<double>(noise_),
                seed_, layers_, width_, scaling_, optimizer_, batch_, static_cast<double>(c.network.drop[0]),
                static_cast<double>(drop_hidden_[0]), static_cast<double>(drop_hidden_[1]),
                static_cast<double>(drop_hidden_[2]));
  return key;
}

void DropoutDemo::poll_asset() {
  if (!wants_images() || asset_ || !asset_error_.empty()) return;
  AssetStatus status = request_asset(kAssetName);
  asset_progress_ = status.progress;
  if (status.state == AssetStatus::State::Failed) {
    // Kept in English (asset_error()); the view shows it through tr().
    asset_error_ =
        status.error.empty() ? std::string(translatable("could not load data/fashion-mnist.bin")) : status.error;
  } else if (status.state == AssetStatus::State::Ready && status.bytes) {
    ImageAssetResult parsed = parse_image_asset(status.bytes->data(), status.bytes->size());
    if (parsed.ok) asset_ = std::make_shared<const ImageAsset>(std::move(parsed.asset));
    else asset_error_ = parsed.error;
  }
}

void DropoutDemo::use_points_instead() {
  data_ = 1;  // moons
  rebuild_if_needed();
}

void DropoutDemo::rebuild_if_needed() {
  if (build_key() != built_key_) rebuild();
}

void DropoutDemo::rebuild() {
  built_key_ = build_key();
  mc_evaluation_.reset();
  example_key_.clear();
  boundaries_step_ = weight_images_step_ = -1;
  rate_window_images_ = 0;
  images_per_second_ = 0;
  if (wants_images()) {
    data_set_ = asset_ ? std::make_shared<const ClassificationData>(images_from_asset(*asset_, train_images_, kTestImages))
                       : nullptr;
  } else {
    data_set_ = std::make_shared<const ClassificationData>(
        points_from_generator(kPointKinds[data_], points_, kTestPoints, noise_, static_cast<uint64_t>(seed_)));
  }
  trainer_.reset(data_set_, training_config());
}

void DropoutDemo::step(const StepBudget& budget) {
  // Even loading is work: reading and checking the 9 MB asset, then building
  // two networks, takes tens of milliseconds natively.
  if (budget.expired()) return;
  poll_asset();
  rebuild_if_needed();
  if (trainer_.ready() && trainer_.config().learning_rate != rate_) trainer_.set_learning_rate(rate_);
  run_background_jobs(budget);
  // Training while playing; a due evaluation (the untrained networks' first) even when paused.
  if (trainer_.ready() && (running_ || trainer_.evaluating())) {
    long before = trainer_.images_trained();
    // One unit (a mini-batch of one network, or an evaluation chunk) per check.
    while (!budget.expired() && (running_ || trainer_.evaluating()) && trainer_.advance()) {
    }
    rate_window_images_ += trainer_.images_trained() - before;
    if (trainer_.diverged()) running_ = false;
  }
  double now = now_seconds();
  if (now - rate_window_start_ >= 1.0) {
    images_per_second_ = static_cast<double>(rate_window_images_) / (now - rate_window_start_);
    rate_window_start_ = now;
    rate_window_images_ = 0;
  }
}

// Work that only the open tab needs, before training takes the rest of the budget.
void DropoutDemo::run_background_jobs(const StepBudget& budget) {
  View view = static_cast<View>(view_);
  if ((view == View::Training || view == View::Inference) && trainer_.ready()) refresh_boundaries();
  if (view == View::Inference && trainer_.ready()) {
    refresh_example_prediction();
    // Measured whenever training is paused and the last measurement is out of
    // date; while training, on request (it costs N passes per test example).
    bool stale = !mc_evaluation_.finished() || mc_evaluation_.measured_at_step() != trainer_.steps() ||
                 mc_evaluation_.samples() != mc_samples_;
    if (!running_ && stale && !mc_evaluation_.running()) mc_evaluation_.start(mc_samples_, trainer_.steps());
    while (mc_evaluation_.running() && !budget.expired())
      mc_evaluation_.advance(trainer_.network(Twin::Dropout), trainer_.data(), mc_rng_);
  }
  if (view == View::Regulariser) {
    char key[96];
    std::snprintf(key, sizeof key, "%.3f|%d|%d|%d", static_cast<double>(identity_keep_), identity_draws_,
                  identity_varied_, seed_);
    if (sweep_key_ != key) {
      sweep_key_ = key;
      sweep_.start(make_linear_unit_problem(8, 4, identity_keep_, identity_varied_, static_cast<uint64_t>(seed_)),
                   identity_draws_, static_cast<uint64_t>(seed_) + 99);
    }
    while (!budget.expired() && sweep_.advance()) {
    }
  }
}

void DropoutDemo::report(DemoReport& out) const {
  const char* prefixes[2] = {"plain_", "dropout_"};
  for (int t = 0; t < 2; ++t) {
    Twin twin = static_cast<Twin>(t);
    const Metrics& m = trainer_.metrics(twin);
    std::string p = prefixes[t];
    out.set((p + "step").c_str(), static_cast<double>(trainer_.network_steps(twin)));
    out.set((p + "train_loss").c_str(), m.train_loss);
    out.set((p + "test_loss").c_str(), m.test_loss);
    out.set((p + "train_error").c_str(), m.train_error);
    out.set((p + "test_error").c_str(), m.test_error);
    // The same numbers as one object per network: status.plain.test_error.
    const char* group = t == 0 ? "plain" : "dropout";
    out.set_in(group, "step", static_cast<double>(trainer_.network_steps(twin)));
    out.set_in(group, "train_loss", m.train_loss);
    out.set_in(group, "test_loss", m.test_loss);
    out.set_in(group, "train_error", m.train_error);
    out.set_in(group, "test_error", m.test_error);
  }
  out.set("step", static_cast<double>(trainer_.steps()));
  out.set("epoch", trainer_.epochs());
  out.set("images_per_second", images_per_second_);
  out.set("data_ready", trainer_.ready() ? 1 : 0);
  out.set("diverged", trainer_.diverged() ? 1 : 0);
  if (mc_evaluation_.finished()) {
    out.set("mc_test_error", mc_evaluation_.monte_carlo_error());
    out.set("scaled_test_error", mc_evaluation_.deterministic_error());
    out.set("mc_measured_step", static_cast<double>(mc_evaluation_.measured_at_step()));
  }
}
