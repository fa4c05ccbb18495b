#include "demos/style_transfer/perceptual_loss.h"

#include <algorithm>
#include <optional>

#include "engine/ops/elementwise.h"
#include "engine/ops/gram.h"

// value = sum (x - t)^2 / den,  den = max(sum t^2, 1e-12);  dx += dy * 2 (x - t) / den.
Var relative_squared_error(Var x, const Tensor& target) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  if (x.value().size() != target.size())
    return x.tape->fail("relative_squared_error: x " + x.shape().str() + " and target " + target.shape().str() +
                        " differ in size");
  const Tensor& v = x.value();
  double error = 0, norm = 0;
  for (int i = 0; i < v.size(); ++i) {
    const double d = static_cast<double>(v[i]) - target[i];
    error += d * d;
    norm += static_cast<double>(target[i]) * target[i];
  }
  const double denominator = std::max(norm, 1e-12);
  return x.tape->record(Tensor::scalar(static_cast<float>(error / denominator)), {x},
                        [x, target, denominator](Tape& t, Var y) {
                          const float g = static_cast<float>(2.0 * t.grad(y).item() / denominator);
                          const Tensor& xv = t.value(x);
                          Tensor& gx = t.grad(x);
                          for (int i = 0; i < xv.size(); ++i) gx[i] += g * (xv[i] - target[i]);
                        });
}

// value = (sum_dh^2 + sum_dw^2) / (N C H W) over each plane's vertical and
// horizontal neighbour differences d;  each d's two pixels get +-2 d dy / (NCHW).
Var mean_squared_tv(Var images) {
  if (!images.ok()) return images.tape ? images.tape->fail("") : Var{};
  const Shape& s = images.shape();
  if (s.rank != 4) return images.tape->fail("mean_squared_tv: needs images [N, C, H, W], got " + s.str());
  const int planes = s[0] * s[1], height = s[2], width = s[3];
  const double inv_count = 1.0 / static_cast<double>(images.value().size());
  const Tensor& x = images.value();
  double total = 0;
  for (int p = 0; p < planes; ++p) {
    const float* plane = x.data() + p * height * width;
    for (int h = 0; h < height; ++h)
      for (int w = 0; w < width; ++w) {
        const float here = plane[h * width + w];
        if (h + 1 < height) total += static_cast<double>(plane[(h + 1) * width + w] - here) * (plane[(h + 1) * width + w] - here);
        if (w + 1 < width) total += static_cast<double>(plane[h * width + w + 1] - here) * (plane[h * width + w + 1] - here);
      }
  }
  return images.tape->record(
      Tensor::scalar(static_cast<float>(total * inv_count)), {images},
      [images, planes, height, width, inv_count](Tape& t, Var y) {
        const float g = static_cast<float>(2.0 * t.grad(y).item() * inv_count);
        const Tensor& xv = t.value(images);
        Tensor& gx = t.grad(images);
        for (int p = 0; p < planes; ++p) {
          const float* plane = xv.data() + p * height * width;
          float* grad = gx.data() + p * height * width;
          for (int h = 0; h < height; ++h)
            for (int w = 0; w < width; ++w) {
              const int i = h * width + w;
              if (h + 1 < height) {
                const float d = g * (plane[i + width] - plane[i]);
                grad[i + width] += d;
                grad[i] -= d;
              }
              if (w + 1 < width) {
                const float d = g * (plane[i + 1] - plane[i]);
                grad[i + 1] += d;
                grad[i] -= d;
              }
            }
        }
      });
}

PerceptualLoss::PerceptualLoss(LossNetwork& network, PerceptualLossSettings settings)
    : network_(network), settings_(std::move(settings)) {}

std::vector<std::string> PerceptualLoss::layers_used() const {
  std::vector<std::string> layers = {settings_.content_layer};
  for (const StyleLayerWeight& s : settings_.style_layers) layers.push_back(s.layer);
  return layers;
}

bool PerceptualLoss::set_targets(const Tensor& content, const Tensor& style, std::string* error) {
  for (const std::string& layer : layers_used())
    if (LossNetwork::layer_index(layer) < 0) {
      *error = "perceptual loss: unknown layer '" + layer + "' (use relu1_1 ... relu4_2)";
      return false;
    }
  Tape tape;
  NoGradScope no_grad(tape);
  std::vector<Var> content_features = network_.features(tape, tape.constant(content), {settings_.content_layer});
  std::vector<std::string> style_names;
  for (const StyleLayerWeight& s : settings_.style_layers) style_names.push_back(s.layer);
  std::vector<Var> style_features = network_.features(tape, tape.constant(style), style_names);
  std::vector<Tensor> grams;
  for (Var f : style_features) grams.push_back(ops::gram_matrix(f).value());
  if (tape.failed()) {
    *error = tape.error();
    return false;
  }
  content_features_ = content_features[0].value();
  style_grams_ = std::move(grams);
  return true;
}

PerceptualLossTerms PerceptualLoss::evaluate(Tape& tape, Var image) {
  if (content_features_.empty()) return {tape.fail("perceptual loss: set_targets first"), {}, {}, {}};
  std::vector<Var> f = network_.features(tape, image, layers_used());
  if (tape.failed()) return {tape.fail(""), {}, {}, {}};

  // A term with weight 0 is reported but records no backward pass.
  const auto term = [&tape](bool with_gradient, const auto& compute) {
    std::optional<NoGradScope> no_grad;
    if (!with_gradient) no_grad.emplace(tape);
    return compute();
  };
  PerceptualLossTerms terms;
  terms.content = term(settings_.content_weight != 0,
                       [&] { return relative_squared_error(f[0], content_features_); });
  terms.style = tape.constant(Tensor::scalar(0.0f));
  for (size_t l = 0; l < settings_.style_layers.size(); ++l) {
    const float w = settings_.style_layers[l].weight;
    Var layer_term = term(settings_.style_weight != 0 && w != 0, [&] {
      return ops::scale(relative_squared_error(ops::gram_matrix(f[l + 1]), style_grams_[l]), w);
    });
    terms.style = ops::add(terms.style, layer_term);
  }
  terms.tv = term(settings_.tv_weight != 0, [&] { return mean_squared_tv(image); });
  terms.total = ops::add(ops::add(ops::scale(terms.content, settings_.content_weight),
                                  ops::scale(terms.style, settings_.style_weight)),
                         ops::scale(terms.tv, settings_.tv_weight));
  return terms;
}
