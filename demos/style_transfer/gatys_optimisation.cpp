#include "demos/style_transfer/gatys_optimisation.h"
#include "demos/style_transfer/loss_network_choice.h"

#include <algorithm>
#include <cmath>

#include "demos/i18n/tr.h"
#include "demos/style_transfer/colour_transfer.h"
#include "demos/style_transfer/style_classifier.h"
#include "engine/data/image_resize.h"
#include "engine/ops/linalg.h"

namespace {

constexpr int kMinResolution = 32, kMaxResolution = 1024;

// Scaled (up or down) so the long side is `side`, keeping the aspect ratio.
Tensor resized_to_long_side(const Tensor& image, int side) {
  const int height = image.dim(2), width = image.dim(3);
  const double scale = static_cast<double>(side) / std::max(height, width);
  const int h = std::max(LossNetwork::kMinImageSize, static_cast<int>(std::lround(height * scale)));
  const int w = std::max(LossNetwork::kMinImageSize, static_cast<int>(std::lround(width * scale)));
  return resize_image(image, h, w);
}

Tensor repeat_grey(const Tensor& y) {
  const int pixels = y.size();
  Tensor rgb(Shape{1, 3, y.dim(2), y.dim(3)});
  for (int c = 0; c < 3; ++c) std::copy(y.data(), y.data() + pixels, rgb.data() + c * pixels);
  return rgb;
}

bool is_rgb_image(const Tensor& t) { return t.rank() == 4 && t.dim(0) == 1 && t.dim(1) == 3; }

}  // namespace

const std::vector<GatysPreset>& gatys_presets() {
  static const std::vector<GatysPreset> presets = [] {
    std::vector<GatysPreset> p;
    GatysSettings transfer;
    p.push_back({"style_transfer", translatable("Style transfer"),
                 translatable("Content at relu3_2, style as Gram matrices at relu1_1 ... relu4_1, from the content "
                              "image."),
                 transfer});
    GatysSettings texture;
    texture.loss.content_weight = 0;
    texture.init = GatysInit::Noise;
    p.push_back({"texture", translatable("Texture synthesis"),
                 translatable("No content term: from noise, match only the style's Gram matrices. Layout is free, "
                              "so the "
                              "texture is new, not a copy."),
                 texture});
    GatysSettings layer;
    layer.loss.style_weight = 0;
    layer.loss.tv_weight = 0;
    layer.init = GatysInit::Noise;
    p.push_back({"layer", translatable("What a layer keeps"),
                 translatable("No style term: from noise, reconstruct one layer's feature maps. Shallow layers "
                              "keep the "
                              "pixels; deep layers keep the layout and lose the exact colours and detail."),
                 layer});
    GatysSettings super_resolution;
    super_resolution.loss.content_layer = "relu2_2";
    super_resolution.loss.style_weight = 0;
    super_resolution.loss.tv_weight = 0;
    super_resolution.init = GatysInit::LowResolution;
    p.push_back({"super_resolution", translatable("Feature loss from a blurred start"),
                 translatable("Start from the content shrunk 4x and enlarged, and match its relu2_2 features: "
                              "the feature "
                              "loss of super-resolution networks (Johnson et al. 2016) puts edges and texture back."),
                 super_resolution});
    return p;
  }();
  return presets;
}

bool GatysOptimisation::start(const GatysSettings& settings, const Tensor& content, const Tensor& style,
                              std::string* error, const std::vector<uint8_t>* classifier_weights,
                              const Tensor* start_from) {
  if (!is_rgb_image(content) || !is_rgb_image(style)) {
    *error = "gatys: content and style must be RGB images [1, 3, H, W], got " + content.shape().str() + " and " +
             style.shape().str();
    return false;
  }
  if (settings.resolution < kMinResolution || settings.resolution > kMaxResolution) {
    *error = "gatys: the resolution must be from " + std::to_string(kMinResolution) + " to " +
             std::to_string(kMaxResolution) + ", not " + std::to_string(settings.resolution);
    return false;
  }
  std::unique_ptr<LossNetwork> network =
      build_loss_network(settings.network, settings.network_seed, classifier_weights, error);
  if (!network) {
    *error = "gatys: " + *error;
    return false;
  }

  Tensor resized_content = resized_to_long_side(content, settings.resolution);
  Tensor resized_style = resized_to_long_side(style, settings.resolution);
  if (settings.colour == ColourMode::HistogramMatch)
    resized_style = match_colour_statistics(resized_style, resized_content);
  Tensor seen_content = resized_content, seen_style = resized_style;
  const bool luminance_only = settings.colour == ColourMode::LuminanceOnly;
  if (luminance_only) {
    seen_content = repeat_grey(luminance(resized_content));
    seen_style = repeat_grey(luminance_matched(resized_style, resized_content));
  }
  auto loss = std::make_unique<PerceptualLoss>(*network, settings.loss);
  if (!loss->set_targets(seen_content, seen_style, error)) return false;

  // Everything checked: replace the previous run.
  settings_ = settings;
  content_ = resized_content;
  style_ = resized_style;
  optimised_content_ = seen_content;
  optimised_style_ = seen_style;
  network_ = std::move(network);
  loss_ = std::move(loss);
  const int height = content_.dim(2), width = content_.dim(3);
  pixel_shape_ = Shape{1, luminance_only ? 1 : 3, height, width};
  Tensor start_image;
  switch (settings.init) {
    case GatysInit::Content: start_image = content_; break;
    case GatysInit::LowResolution:
      start_image = resize_image(resize_image(content_, std::max(1, height / 4), std::max(1, width / 4)), height, width);
      break;
    case GatysInit::Noise: {
      Pcg32 rng(settings.noise_seed, 0x901);
      start_image = Tensor(content_.shape());
      for (int i = 0; i < start_image.size(); ++i) start_image[i] = rng.uniform(0.25f, 0.75f);
      break;
    }
  }
  if (start_from && is_rgb_image(*start_from))
    start_image = start_from->dim(2) == height && start_from->dim(3) == width ? start_from->clone()
                                                                             : resize_image(*start_from, height, width);
  if (luminance_only) start_image = luminance(start_image);
  pixels_ = start_image.to_vector();
  iteration_ = 0;

  lbfgs_.reset();
  adam_.reset();
  adam_pixels_.reset();
  if (settings.optimizer == GatysOptimizer::Lbfgs) {
    LbfgsOptions options;
    options.lower = 0;
    options.upper = 1;
    lbfgs_ = std::make_unique<Lbfgs>(pixels_,
                                     [this](const std::vector<float>& x, std::vector<float>& g) { return evaluate(x, g); },
                                     options);
  } else {
    adam_pixels_ = std::make_unique<Parameter>("pixels", Tensor::from(pixel_shape_, pixels_));
    adam_ = std::make_unique<Adam>(std::vector<Parameter*>{adam_pixels_.get()}, settings.adam_learning_rate);
  }
  // The start's losses, forward only, so iteration 0 has numbers too.
  {
    std::vector<float> unused;
    Tape tape;
    NoGradScope no_grad(tape);
    Var p = tape.constant(Tensor::from(pixel_shape_, pixels_));
    PerceptualLossTerms t = loss_->evaluate(tape, luminance_only ? ops::concat({p, p, p}, 1) : p);
    content_loss_ = t.content.value().item();
    style_loss_ = t.style.value().item();
    tv_loss_ = t.tv.value().item();
    total_loss_ = t.total.value().item();
  }
  return true;
}

double GatysOptimisation::evaluate(const std::vector<float>& pixels, std::vector<float>& gradient) {
  Tape tape;
  Var p = tape.variable(Tensor::from(pixel_shape_, pixels));
  Var input = pixel_shape_[1] == 1 ? ops::concat({p, p, p}, 1) : p;
  PerceptualLossTerms t = loss_->evaluate(tape, input);
  if (!tape.backward(t.total)) return std::nan("");
  const Tensor& g = tape.grad(p);
  gradient.assign(g.data(), g.data() + g.size());
  last_terms_[0] = t.content.value().item();
  last_terms_[1] = t.style.value().item();
  last_terms_[2] = t.tv.value().item();
  last_terms_[3] = t.total.value().item();
  return t.total.value().item();
}

bool GatysOptimisation::iterate() {
  if (!started()) return false;
  if (lbfgs_) {
    // A failed line search forgets the curvature pairs; one retry then starts from steepest descent.
    if (!lbfgs_->iterate() && !lbfgs_->iterate()) return false;
    pixels_ = lbfgs_->x();  // the accepted point was the last one evaluated
  } else {
    std::vector<float> gradient;
    if (!std::isfinite(evaluate(pixels_, gradient))) return false;
    Tensor& value = adam_pixels_->value;
    adam_pixels_->grad = Tensor::from(pixel_shape_, gradient);
    adam_->step();
    for (int i = 0; i < value.size(); ++i) value[i] = std::clamp(value[i], 0.0f, 1.0f);
    pixels_ = value.to_vector();
  }
  content_loss_ = last_terms_[0];
  style_loss_ = last_terms_[1];
  tv_loss_ = last_terms_[2];
  total_loss_ = last_terms_[3];
  ++iteration_;
  return true;
}

Tensor GatysOptimisation::image() const {
  if (!started()) return Tensor();
  Tensor current = Tensor::from(pixel_shape_, pixels_);
  return pixel_shape_[1] == 1 ? combine_luminance(current, content_) : current;
}
