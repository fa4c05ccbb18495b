#include "demos/captioning/image_encoder.h"

#include <algorithm>

#include "engine/init.h"
#include "engine/ops/activations.h"
#include "engine/ops/conv.h"
#include "engine/ops/linalg.h"
#include "engine/ops/pooling.h"

namespace {

Parameter conv_weight(const std::string& name, int out, int in, int kernel, Pcg32& rng) {
  Parameter p(name, Tensor(Shape{out, in, kernel, kernel}));
  he_normal(p.value, rng, in * kernel * kernel);
  return p;
}

Parameter zeros(const std::string& name, int size) { return Parameter(name, Tensor(Shape{size})); }

// [B, 2, 8, 8]: channel 0 the cell's column, channel 1 its row, each mapped to [-1, 1].
Tensor coordinate_channels(int batch) {
  constexpr int side = ImageEncoder::kGridSide;
  Tensor coords(Shape{batch, 2, side, side});
  for (int b = 0; b < batch; ++b)
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        float* base = coords.data() + b * 2 * side * side + y * side + x;
        base[0] = -1.0f + 2.0f * static_cast<float>(x) / static_cast<float>(side - 1);
        base[side * side] = -1.0f + 2.0f * static_cast<float>(y) / static_cast<float>(side - 1);
      }
  return coords;
}

}  // namespace

ImageEncoder::ImageEncoder(uint64_t seed, ImageEncoderSize size, const std::string& name) : size_(size) {
  size_.conv1 = std::max(1, size_.conv1);
  size_.conv2 = std::max(1, size_.conv2);
  size_.conv3 = std::max(1, size_.conv3);
  size_.depth = std::max(1, size_.depth);
  Pcg32 rng(seed, 0x656e636f646572ULL);  // the encoder's own stream
  w1_ = conv_weight(name + ".conv1.weight", size_.conv1, 3, 4, rng);
  b1_ = zeros(name + ".conv1.bias", size_.conv1);
  w2_ = conv_weight(name + ".conv2.weight", size_.conv2, size_.conv1, 3, rng);
  b2_ = zeros(name + ".conv2.bias", size_.conv2);
  w3_ = conv_weight(name + ".conv3.weight", size_.conv3, size_.conv2, 3, rng);
  b3_ = zeros(name + ".conv3.bias", size_.conv3);
  w4_ = conv_weight(name + ".conv4.weight", size_.depth, size_.conv3 + 2, 3, rng);
  b4_ = zeros(name + ".conv4.bias", size_.depth);
}

Var ImageEncoder::encode(Tape& tape, Var images) const {
  if (!images.ok()) return images;
  const Shape& shape = images.shape();
  if (shape.rank != 4 || shape[1] != 3 || shape[2] != kImageSide || shape[3] != kImageSide)
    return tape.fail("image encoder: images must be [B, 3, 64, 64], not " + shape.str());
  const int batch = shape[0];
  Var x = ops::relu(ops::conv2d(images, tape.param(w1_), tape.param(b1_), 2, 1));  // [B, c1, 32, 32]
  x = ops::max_pool2d(ops::relu(ops::conv2d(x, tape.param(w2_), tape.param(b2_), 1, 1)), 2, 2);  // [B, c2, 16, 16]
  x = ops::max_pool2d(ops::relu(ops::conv2d(x, tape.param(w3_), tape.param(b3_), 1, 1)), 2, 2);  // [B, c3, 8, 8]
  x = ops::concat({x, tape.constant(coordinate_channels(batch))}, 1);                           // [B, c3 + 2, 8, 8]
  x = ops::relu(ops::conv2d(x, tape.param(w4_), tape.param(b4_), 1, 1));                         // [B, D, 8, 8]
  // [B, D, 8, 8] -> [B, L, D]: per image, the [D, L] plane transposed.
  std::vector<Var> grids;
  grids.reserve(static_cast<size_t>(batch));
  for (int b = 0; b < batch; ++b) {
    Var plane = ops::reshape(ops::slice(x, 0, b, b + 1), Shape{size_.depth, kCells});
    grids.push_back(ops::reshape(ops::transpose(plane), Shape{1, kCells, size_.depth}));
  }
  return batch == 1 ? grids[0] : ops::concat(grids, 0);
}

std::vector<Parameter*> ImageEncoder::parameters() { return {&w1_, &b1_, &w2_, &b2_, &w3_, &b3_, &w4_, &b4_}; }

std::vector<const Parameter*> ImageEncoder::parameters() const {
  return {&w1_, &b1_, &w2_, &b2_, &w3_, &b3_, &w4_, &b4_};
}
