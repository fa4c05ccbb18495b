#include "demos/style_transfer/transform_network.h"

#include <cmath>

#include "engine/init.h"
#include "engine/ops/activations.h"
#include "engine/ops/conv.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/normalization.h"
#include "engine/ops/padding.h"
#include "engine/ops/upsample.h"

namespace {

constexpr int kEncoderConvs = 3;  // then 2 per residual block, then 3 decoder convs
constexpr float kOutputGammaStart = 0.1f;
// Pixels are squeezed into [e, 1 - e] before their logit, so black and white stay finite.
constexpr float kPixelSqueeze = 1.0f / 256.0f;

int norm_layer_count(const TransformNetworkShape& s) { return kEncoderConvs + 2 * s.residual_blocks + 3; }

}  // namespace

std::string TransformNetworkShape::problem() const {
  if (styles < 1 || styles > 64) return "styles must be 1..64, got " + std::to_string(styles);
  if (width1 < 1 || width2 < 1 || width3 < 1 || width1 > 256 || width2 > 256 || width3 > 256)
    return "channel widths must be 1..256";
  if (residual_blocks < 0 || residual_blocks > 16) return "residual blocks must be 0..16";
  if (outer_kernel < 1 || outer_kernel > 15 || outer_kernel % 2 == 0) return "the outer kernel must be odd, 1..15";
  return "";
}

TransformNetwork::TransformNetwork(const TransformNetworkShape& shape, uint64_t seed) : shape_(shape) {
  Pcg32 rng(seed);
  const int k = shape.outer_kernel;
  auto add_conv = [&](int in, int out, int kernel, int stride) {
    Conv conv{Parameter("conv" + std::to_string(convs_.size() + 1) + ".weight", Tensor(Shape{out, in, kernel, kernel})),
              stride};
    he_normal(conv.weight.value, rng, in * kernel * kernel);
    convs_.push_back(std::move(conv));
  };
  add_conv(3, shape.width1, k, 1);
  add_conv(shape.width1, shape.width2, 3, 2);
  add_conv(shape.width2, shape.width3, 3, 2);
  for (int b = 0; b < 2 * shape.residual_blocks; ++b) add_conv(shape.width3, shape.width3, 3, 1);
  add_conv(shape.width3, shape.width2, 3, 1);
  add_conv(shape.width2, shape.width1, 3, 1);
  add_conv(shape.width1, 3, k, 1);

  styles_.resize(static_cast<size_t>(shape.styles));
  for (int s = 0; s < shape.styles; ++s)
    for (int n = 0; n < norm_layer_count(shape); ++n) {
      const int channels = convs_[n].weight.value.dim(0);
      const std::string prefix = "style" + std::to_string(s) + ".norm" + std::to_string(n + 1);
      // The last layer's gamma starts small: the network begins close to the identity.
      const float gamma = n + 1 == norm_layer_count(shape) ? kOutputGammaStart : 1.0f;
      styles_[s].gamma.emplace_back(prefix + ".gamma", Tensor(Shape{channels}, gamma));
      styles_[s].beta.emplace_back(prefix + ".beta", Tensor(Shape{channels}, 0.0f));
    }
}

int TransformNetwork::input_size_minimum() const {
  // The 1/4-resolution maps must be wider than the 3x3 convs' reflection (1 pixel),
  // and the full-resolution image wider than the outer kernel's (k/2 <= 7).
  return 8;
}

// sum_s w_s * field_s[norm]: the style blend of one gamma or beta.
Var TransformNetwork::blended(Tape& tape, std::vector<Parameter> StyleNorms::*field, int norm,
                              const std::vector<float>& weights) {
  Var sum;
  for (int s = 0; s < shape_.styles; ++s) {
    if (weights[s] == 0.0f) continue;
    Var term = tape.param((styles_[s].*field)[norm]);
    if (weights[s] != 1.0f) term = ops::scale(term, weights[s]);
    sum = sum.ok() ? ops::add(sum, term) : term;
  }
  return sum;
}

Var TransformNetwork::conv_norm(Tape& tape, Var x, Conv& conv, int norm, const std::vector<float>& weights) {
  const int pad = conv.weight.value.dim(2) / 2;
  Var y = ops::conv2d(ops::pad_reflect(x, pad), tape.param(conv.weight), Var{}, conv.stride, 0);
  return ops::instance_norm(y, blended(tape, &StyleNorms::gamma, norm, weights),
                            blended(tape, &StyleNorms::beta, norm, weights));
}

Var TransformNetwork::forward(Tape& tape, Var images, const std::vector<float>& style_weights) {
  if (!images.ok()) return tape.fail("");
  if (static_cast<int>(style_weights.size()) != shape_.styles)
    return tape.fail("transform network: " + std::to_string(style_weights.size()) + " style weights for " +
                     std::to_string(shape_.styles) + " styles");
  double total = 0;
  for (float w : style_weights) {
    if (!(w >= 0.0f) || !std::isfinite(w)) return tape.fail("transform network: style weights must be >= 0 and finite");
    total += w;
  }
  if (!(total > 0)) return tape.fail("transform network: the style weights sum to 0");
  std::vector<float> weights(style_weights.size());
  for (size_t s = 0; s < weights.size(); ++s)
    weights[s] = total == 1.0 ? style_weights[s] : static_cast<float>(style_weights[s] / total);

  const Shape& s = images.shape();
  const int minimum = input_size_minimum();
  if (s.rank != 4 || s[1] != 3 || s[2] % 4 != 0 || s[3] % 4 != 0 || s[2] < minimum || s[3] < minimum)
    return tape.fail("transform network: needs images [N, 3, H, W] with H and W multiples of 4 and at least " +
                     std::to_string(minimum) + ", got " + s.str());

  int layer = 0;
  auto next = [&](Var x) {
    Var y = conv_norm(tape, x, convs_[layer], layer, weights);
    ++layer;
    return y;
  };
  Var x = images;
  for (int e = 0; e < kEncoderConvs; ++e) x = ops::relu(next(x));
  // Residual blocks without a ReLU after the sum (Gross & Wilber 2016, as Johnson et al.'s supplement).
  for (int b = 0; b < shape_.residual_blocks; ++b) x = ops::add(x, next(ops::relu(next(x))));
  x = ops::relu(next(ops::upsample_nearest(x, 2)));
  x = ops::relu(next(ops::upsample_nearest(x, 2)));
  // The output is a correction of the input in logit space, sigmoid(logit(images) + r): as Gatys
  // optimisation starts from the content image, the network starts near the identity and only
  // has to learn the style's change, which a short training run can (docs/style-transfer-fast.md).
  Var squeezed = ops::add_scalar(ops::scale(images, 1.0f - 2.0f * kPixelSqueeze), kPixelSqueeze);
  Var logit = ops::sub(ops::log(squeezed), ops::log(ops::add_scalar(ops::scale(squeezed, -1.0f), 1.0f)));
  return ops::sigmoid(ops::add(logit, next(x)));
}

Var TransformNetwork::forward(Tape& tape, Var images, int style) {
  if (style < 0 || style >= shape_.styles)
    return tape.fail("transform network: style " + std::to_string(style) + " is not in 0.." +
                     std::to_string(shape_.styles - 1));
  std::vector<float> one_hot(static_cast<size_t>(shape_.styles), 0.0f);
  one_hot[style] = 1.0f;
  return forward(tape, images, one_hot);
}

std::vector<Parameter*> TransformNetwork::shared_parameters() {
  std::vector<Parameter*> out;
  for (Conv& c : convs_) out.push_back(&c.weight);
  return out;
}

std::vector<Parameter*> TransformNetwork::style_parameters(int style) {
  std::vector<Parameter*> out;
  for (Parameter& p : styles_[style].gamma) out.push_back(&p);
  for (Parameter& p : styles_[style].beta) out.push_back(&p);
  return out;
}

std::vector<Parameter*> TransformNetwork::parameters() {
  std::vector<Parameter*> out = shared_parameters();
  for (int s = 0; s < shape_.styles; ++s)
    for (Parameter* p : style_parameters(s)) out.push_back(p);
  return out;
}

std::vector<const Parameter*> TransformNetwork::parameters() const {
  std::vector<Parameter*> all = const_cast<TransformNetwork*>(this)->parameters();
  return {all.begin(), all.end()};
}

size_t TransformNetwork::parameter_count() const {
  size_t count = 0;
  for (const Parameter* p : parameters()) count += static_cast<size_t>(p->value.size());
  return count;
}

double TransformNetwork::forward_macs(int height, int width) const {
  double macs = 0;
  int h = height, w = width;
  for (size_t c = 0; c < convs_.size(); ++c) {
    const Shape& k = convs_[c].weight.value.shape();
    if (c + 3 == convs_.size() || c + 2 == convs_.size()) {  // the two resize-convs double the size first
      h *= 2;
      w *= 2;
    }
    h /= convs_[c].stride;
    w /= convs_[c].stride;
    macs += static_cast<double>(k[0]) * k[1] * k[2] * k[3] * h * w;
  }
  return macs;
}

StyliseResult stylise(TransformNetwork& network, const Tensor& content, const std::vector<float>& style_weights,
                      float strength) {
  StyliseResult result;
  if (content.empty() || content.rank() != 4 || content.dim(0) != 1 || content.dim(1) != 3) {
    result.error = "stylise: needs one RGB image [1, 3, H, W], got " + (content.empty() ? "nothing" : content.shape().str());
    return result;
  }
  if (!(strength >= 0.0f && strength <= 1.0f)) {
    result.error = "stylise: strength must be in [0, 1], got " + std::to_string(strength);
    return result;
  }
  Tape tape;
  NoGradScope no_grad(tape);
  Var out = network.forward(tape, tape.constant(content), style_weights);
  if (!out.ok()) {
    result.error = "stylise: " + tape.error();
    return result;
  }
  result.image = out.value().clone();
  if (strength < 1.0f) {
    float* y = result.image.data();
    const float* x = content.data();
    for (int i = 0; i < result.image.size(); ++i) y[i] = strength * y[i] + (1.0f - strength) * x[i];
  }
  result.ok = true;
  return result;
}

StyliseResult stylise(TransformNetwork& network, const Tensor& content, int style, float strength) {
  if (style < 0 || style >= network.shape().styles) {
    StyliseResult result;
    result.error = "stylise: style " + std::to_string(style) + " is not in 0.." +
                   std::to_string(network.shape().styles - 1);
    return result;
  }
  std::vector<float> one_hot(static_cast<size_t>(network.shape().styles), 0.0f);
  one_hot[style] = 1.0f;
  return stylise(network, content, one_hot, strength);
}
