#include "demos/style_transfer/loss_network.h"

#include <algorithm>
#include <cmath>

#include "engine/init.h"
#include "engine/ops/activations.h"
#include "engine/ops/conv.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/padding.h"
#include "engine/ops/pooling.h"
#include "engine/ops/upsample.h"
#include "engine/random.h"

const std::vector<std::string>& LossNetwork::layer_names() {
  static const std::vector<std::string> names = {"relu1_1", "relu1_2", "relu2_1", "relu2_2",
                                                 "relu3_1", "relu3_2", "relu4_1", "relu4_2"};
  return names;
}

int LossNetwork::layer_index(const std::string& name) {
  const std::vector<std::string>& names = layer_names();
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

LossNetwork::LossNetwork(std::vector<int> block_widths) : widths_(std::move(block_widths)) {
  widths_.resize(kBlocks, widths_.empty() ? 16 : widths_.back());
  for (int& w : widths_) w = std::max(w, 1);
  int in = 3;
  for (int layer = 0; layer < kLayers; ++layer) {
    const int out = channels_of(layer);
    const std::string name = "conv" + std::to_string(layer / 2 + 1) + "_" + std::to_string(layer % 2 + 1);
    weights_.emplace_back(name + ".weight", Tensor(Shape{out, in, 3, 3}));
    biases_.emplace_back(name + ".bias", Tensor(Shape{out}));
    in = out;
  }
}

void LossNetwork::init_random(uint64_t seed) {
  Pcg32 rng(seed);
  for (int layer = 0; layer < kLayers; ++layer) {
    Tensor& w = weights_[layer].value;
    he_normal(w, rng, w.dim(1) * 9);
    biases_[layer].value.zero();
  }
}

void LossNetwork::normalise_activations(const std::vector<Tensor>& images) {
  if (images.empty()) return;
  for (int layer = 0; layer < kLayers; ++layer) {
    double total = 0, count = 0;
    for (const Tensor& image : images) {
      Tape tape;
      NoGradScope no_grad(tape);
      std::vector<Var> f = features(tape, tape.constant(image), {layer_names()[layer]});
      if (tape.failed()) return;
      const Tensor& a = f[0].value();
      for (int i = 0; i < a.size(); ++i) total += a[i];
      count += a.size();
    }
    const double mean = total / count;
    if (!(mean > 0)) continue;
    const float s = static_cast<float>(1.0 / mean);
    Tensor& w = weights_[layer].value;
    Tensor& b = biases_[layer].value;
    for (int i = 0; i < w.size(); ++i) w[i] *= s;
    for (int i = 0; i < b.size(); ++i) b[i] *= s;
    // ReLU and average pooling are positively homogeneous, so dividing the
    // next layer's weights by s undoes the scale for every layer after this one.
    if (layer + 1 < kLayers) {
      Tensor& next = weights_[layer + 1].value;
      for (int i = 0; i < next.size(); ++i) next[i] /= s;
    }
  }
}

LossNetwork LossNetwork::random_normalised(uint64_t seed, std::vector<int> block_widths) {
  LossNetwork network(std::move(block_widths));
  network.init_random(seed);
  network.normalise_activations(normalisation_images(4, 64, seed ^ 0x9e3779b97f4a7c15ULL));
  return network;
}

// x [1, C, H, W] -> relu(conv3x3(pad_reflect(x, 1)) + b) [1, O, H, W].
Var LossNetwork::conv_relu(Tape& tape, Var x, int layer, bool weight_gradients) {
  Var padded = ops::pad_reflect(x, 1);
  Var w = weight_gradients ? tape.param(weights_[layer]) : tape.constant(weights_[layer].value);
  Var b = weight_gradients ? tape.param(biases_[layer]) : tape.constant(biases_[layer].value);
  return ops::relu(ops::conv2d(padded, w, b, 1, 0));
}

std::vector<Var> LossNetwork::features(Tape& tape, Var image, const std::vector<std::string>& layers,
                                       bool weight_gradients) {
  std::vector<int> wanted;
  int deepest = -1;
  for (const std::string& name : layers) {
    const int index = layer_index(name);
    if (index < 0) {
      tape.fail("loss network: unknown layer '" + name + "' (use relu1_1 ... relu4_2)");
      return std::vector<Var>(layers.size());
    }
    wanted.push_back(index);
    deepest = std::max(deepest, index);
  }
  if (!image.ok()) return std::vector<Var>(layers.size(), tape.fail(""));
  const Shape& s = image.shape();
  if (s.rank != 4 || s[0] != 1 || s[1] != 3 || s[2] < kMinImageSize || s[3] < kMinImageSize) {
    Var failed = tape.fail("loss network: needs an image [1, 3, H, W] with H, W >= " + std::to_string(kMinImageSize) +
                           ", got " + s.str());
    return std::vector<Var>(layers.size(), failed);
  }

  std::vector<Var> activations(kLayers);
  Var x = ops::add_scalar(ops::scale(image, 2.0f), -1.0f);  // [0, 1] -> [-1, 1]
  for (int layer = 0; layer <= deepest; ++layer) {
    if (layer > 0 && layer % 2 == 0) x = ops::avg_pool2d(x, 2, 2);
    x = conv_relu(tape, x, layer, weight_gradients);
    activations[layer] = x;
  }
  std::vector<Var> out;
  for (int index : wanted) out.push_back(activations[index]);
  return out;
}

std::vector<Parameter*> LossNetwork::parameters() {
  std::vector<Parameter*> out;
  for (int layer = 0; layer < kLayers; ++layer) {
    out.push_back(&weights_[layer]);
    out.push_back(&biases_[layer]);
  }
  return out;
}

std::vector<const Parameter*> LossNetwork::const_parameters() const {
  std::vector<const Parameter*> out;
  for (int layer = 0; layer < kLayers; ++layer) {
    out.push_back(&weights_[layer]);
    out.push_back(&biases_[layer]);
  }
  return out;
}

int LossNetwork::parameter_count() const {
  int total = 0;
  for (const Parameter* p : const_parameters()) total += p->value.size();
  return total;
}

// Each image: smooth colour fields at two scales (seeded grids, bilinearly
// upsampled), a stripe pattern of random period and direction, and a little
// pixel noise, clamped to [0, 1]. Only +, * and the engine's upsampling, so
// the images (and the normalised weights) are the same natively and in wasm.
std::vector<Tensor> normalisation_images(int count, int size, uint64_t seed) {
  size = std::max(16, size / 16 * 16);  // the two grids must upsample to exactly size x size
  Pcg32 rng(seed);
  std::vector<Tensor> images;
  for (int k = 0; k < count; ++k) {
    Tape tape;
    NoGradScope no_grad(tape);
    const int coarse = size / 16, fine = size / 4;
    Tensor a(Shape{1, 3, coarse, coarse}), b(Shape{1, 3, fine, fine});
    fill_uniform(a, rng, 0.0f, 1.0f);
    fill_uniform(b, rng, -0.25f, 0.25f);
    Tensor low = ops::upsample_bilinear(tape.constant(a), size / coarse).value();
    Tensor mid = ops::upsample_bilinear(tape.constant(b), size / fine).value();
    const float period = rng.uniform(4.0f, 16.0f), dx = rng.uniform(-1.0f, 1.0f), dy = rng.uniform(-1.0f, 1.0f);
    Tensor image(Shape{1, 3, size, size});
    for (int c = 0; c < 3; ++c) {
      const float stripe_gain = rng.uniform(-0.3f, 0.3f);
      for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
          const int i = (c * size + y) * size + x;
          const float phase = (dx * static_cast<float>(x) + dy * static_cast<float>(y)) / period;
          const float triangle = std::fabs(phase - std::floor(phase) - 0.5f) * 4.0f - 1.0f;  // in [-1, 1]
          const float v = low[i] + mid[i] + stripe_gain * triangle + rng.uniform(-0.05f, 0.05f);
          image[i] = std::clamp(v, 0.0f, 1.0f);
        }
    }
    images.push_back(std::move(image));
  }
  return images;
}
