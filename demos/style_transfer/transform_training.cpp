#include "demos/style_transfer/transform_training.h"

#include <cmath>
#include <limits>

#include "engine/ops/elementwise.h"
#include "engine/ops/gram.h"
#include "engine/ops/linalg.h"

namespace {

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();

TransformLosses losses_of(const PerceptualLossTerms& terms) {
  return {terms.content.value().item(), terms.style.value().item(), terms.tv.value().item(), terms.total.value().item()};
}

}  // namespace

TransformTrainer::TransformTrainer(TransformNetwork& network, LossNetwork& loss_network,
                                   const TransformTrainingSettings& settings)
    : network_(network),
      loss_network_(loss_network),
      settings_(settings),
      shared_optimizer_(network.shared_parameters(), settings.learning_rate),
      rng_(settings.seed) {
  for (int s = 0; s < network.shape().styles; ++s)
    style_optimizers_.push_back(std::make_unique<Adam>(network.style_parameters(s),
                                                       settings.learning_rate * settings.style_learning_rate_factor));
}

std::vector<std::string> TransformTrainer::layers() const {
  std::vector<std::string> names{settings_.content_layer};
  for (const StyleLayerWeight& l : settings_.style_layers) names.push_back(l.layer);
  return names;
}

bool TransformTrainer::set_data(const std::vector<Tensor>& style_images, std::vector<Tensor> photos,
                                std::string* error) {
  if (static_cast<int>(style_images.size()) != network_.shape().styles) {
    *error = std::to_string(style_images.size()) + " style images for a network of " +
             std::to_string(network_.shape().styles) + " styles";
    return false;
  }
  if (settings_.batch < 1 || settings_.crops.size % 4 != 0 || settings_.crops.size < LossNetwork::kMinImageSize) {
    *error = "the batch must be >= 1 and the crop size a multiple of 4, at least " +
             std::to_string(LossNetwork::kMinImageSize);
    return false;
  }
  targets_.clear();
  for (const Tensor& style : style_images) {
    if (style.rank() != 4 || style.dim(0) != 1 || style.dim(1) != 3) {
      *error = "a style image must be [1, 3, H, W], got " + style.shape().str();
      return false;
    }
    const Tensor resized = resize_shorter_side(style, settings_.style_size);
    Tape tape;
    NoGradScope no_grad(tape);
    std::vector<std::string> style_names = layers();
    style_names.erase(style_names.begin());
    std::vector<Var> features = loss_network_.features(tape, tape.constant(resized), style_names);
    StyleTargets targets;
    for (Var f : features) {
      Var g = ops::gram_matrix(f);
      if (!g.ok()) break;
      targets.grams.push_back(g.value().clone());
    }
    if (tape.failed()) {
      *error = "style image " + std::to_string(targets_.size()) + ": " + tape.error();
      return false;
    }
    targets_.push_back(std::move(targets));
  }
  crops_ = std::make_unique<CropSampler>(std::move(photos), settings_.crops);
  if (!crops_->usable(error)) return false;
  // The content floor, from crops of their own seeded stream (the training stream is untouched).
  Pcg32 sample_rng(settings_.seed ^ 0x5bd1e995u);
  const Tensor samples = crops_->next(16, sample_rng);
  const int size = settings_.crops.size;
  double energy = 0;
  for (int b = 0; b < 16; ++b) {
    const Tensor f = content_features(samples.rows(b, b + 1).reshaped(Shape{1, 3, size, size}));
    for (int i = 0; i < f.size(); ++i) energy += static_cast<double>(f[i]) * f[i] / 16.0;
  }
  content_floor_ = settings_.content_floor_fraction * energy;
  return true;
}

Tensor TransformTrainer::content_features(const Tensor& content) {
  Tape tape;
  NoGradScope no_grad(tape);
  std::vector<Var> f = loss_network_.features(tape, tape.constant(content), {settings_.content_layer});
  return f[0].ok() ? f[0].value().clone() : Tensor();
}

PerceptualLossTerms TransformTrainer::image_loss(Tape& tape, Var output, const Tensor& target_features, int style,
                                                  bool floored) {
  std::vector<Var> features = loss_network_.features(tape, output, layers());
  PerceptualLossTerms terms;
  if (tape.failed() || target_features.empty()) {
    terms.total = tape.fail("transform training: the loss network failed");
    return terms;
  }
  terms.content = relative_squared_error(features[0], target_features);
  if (floored && content_floor_ > 0) {
    double energy = 0;
    for (int i = 0; i < target_features.size(); ++i) energy += static_cast<double>(target_features[i]) * target_features[i];
    if (energy < content_floor_) terms.content = ops::scale(terms.content, static_cast<float>(energy / content_floor_));
  }
  for (size_t l = 0; l < settings_.style_layers.size(); ++l) {
    Var term = ops::scale(relative_squared_error(ops::gram_matrix(features[l + 1]), targets_[style].grams[l]),
                          settings_.style_layers[l].weight);
    terms.style = terms.style.ok() ? ops::add(terms.style, term) : term;
  }
  terms.tv = mean_squared_tv(output);
  terms.total = ops::add(ops::add(ops::scale(terms.content, settings_.content_weight),
                                  ops::scale(terms.style, settings_.style_weight)),
                         ops::scale(terms.tv, settings_.tv_weight));
  return terms;
}

TransformStepReport TransformTrainer::step() {
  TransformStepReport report;
  report.style = steps_ % network_.shape().styles;
  report.losses = {kNan, kNan, kNan, kNan};
  if (!crops_) {
    error_ = "transform training: set_data first";
    return report;
  }
  const int batch = settings_.batch, size = settings_.crops.size;
  const Tensor crops = crops_->next(batch, rng_);
  tape_.clear();
  Var outputs = network_.forward(tape_, tape_.constant(crops), report.style);
  Var total;
  TransformLosses sums;
  for (int b = 0; b < batch; ++b) {
    const Tensor one = crops.rows(b, b + 1).reshaped(Shape{1, 3, size, size});
    PerceptualLossTerms terms = image_loss(tape_, ops::slice(outputs, 0, b, b + 1), content_features(one), report.style, true);
    if (tape_.failed()) break;
    const TransformLosses l = losses_of(terms);
    sums.content += l.content / static_cast<float>(batch);
    sums.style += l.style / static_cast<float>(batch);
    sums.tv += l.tv / static_cast<float>(batch);
    sums.total += l.total / static_cast<float>(batch);
    Var term = ops::scale(terms.total, 1.0f / static_cast<float>(batch));
    total = total.ok() ? ops::add(total, term) : term;
  }
  if (tape_.failed() || !std::isfinite(sums.total)) {
    error_ = "transform training, step " + std::to_string(steps_ + 1) + ": " +
             (tape_.failed() ? tape_.error() : std::string("the loss is not finite"));
    return report;
  }
  shared_optimizer_.zero_grad();
  Adam& style_optimizer = *style_optimizers_[static_cast<size_t>(report.style)];
  style_optimizer.zero_grad();
  tape_.backward(total);
  shared_optimizer_.step();
  style_optimizer.step();
  tape_.clear();
  report.losses = sums;
  report.step = ++steps_;
  return report;
}

TransformLosses TransformTrainer::measure(const Tensor& output, const Tensor& content, int style, std::string* error) {
  Tape tape;
  NoGradScope no_grad(tape);
  PerceptualLossTerms terms = image_loss(tape, tape.constant(output), content_features(content), style, false);
  if (tape.failed()) {
    *error = tape.error();
    return {kNan, kNan, kNan, kNan};
  }
  return losses_of(terms);
}

TransformLosses TransformTrainer::evaluate(const Tensor& content, int style, std::string* error) {
  StyliseResult out = stylise(network_, content, style);
  if (!out.ok) {
    *error = out.error;
    return {kNan, kNan, kNan, kNan};
  }
  return measure(out.image, content, style, error);
}
