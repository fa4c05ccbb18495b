#include "engine/data/image_resize.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// Output index i of an axis resized from n to m draws on `taps` source indices.
struct AxisWeights {
  std::vector<int> first;      // [m] first source index
  std::vector<int> count;      // [m] taps used
  std::vector<float> weights;  // [m * taps]
  int taps = 0;
};

AxisWeights axis_weights(int n, int m) {
  AxisWeights w;
  w.first.resize(static_cast<size_t>(m));
  w.count.resize(static_cast<size_t>(m));
  const double scale = static_cast<double>(n) / m;  // source pixels per output pixel
  if (m < n) {
    // Area: output i covers [i scale, (i + 1) scale); weights are the overlaps / scale.
    w.taps = static_cast<int>(std::ceil(scale)) + 1;
    w.weights.assign(static_cast<size_t>(m) * w.taps, 0.0f);
    for (int i = 0; i < m; ++i) {
      const double lo = i * scale, hi = (i + 1) * scale;
      const int begin = static_cast<int>(std::floor(lo));
      const int end = std::min(n, static_cast<int>(std::ceil(hi)));
      w.first[i] = begin;
      w.count[i] = end - begin;
      for (int s = begin; s < end; ++s) {
        const double overlap = std::min(hi, s + 1.0) - std::max(lo, static_cast<double>(s));
        w.weights[static_cast<size_t>(i) * w.taps + (s - begin)] = static_cast<float>(overlap / scale);
      }
    }
  } else {
    // Bilinear: output centre i + 0.5 sits at source position (i + 0.5) scale - 0.5.
    w.taps = 2;
    w.weights.assign(static_cast<size_t>(m) * 2, 0.0f);
    for (int i = 0; i < m; ++i) {
      const double at = std::clamp((i + 0.5) * scale - 0.5, 0.0, static_cast<double>(n - 1));
      const int left = std::min(static_cast<int>(std::floor(at)), n - 1);
      const double t = at - left;
      w.first[i] = left;
      w.count[i] = left + 1 < n ? 2 : 1;
      w.weights[static_cast<size_t>(i) * 2] = static_cast<float>(1.0 - t);
      if (left + 1 < n) w.weights[static_cast<size_t>(i) * 2 + 1] = static_cast<float>(t);
      else w.weights[static_cast<size_t>(i) * 2] = 1.0f;
    }
  }
  return w;
}

}  // namespace

Tensor resize_image(const Tensor& image, int out_height, int out_width) {
  const int channels = image.dim(1), height = image.dim(2), width = image.dim(3);
  if (out_height == height && out_width == width) return image.clone();
  const AxisWeights across = axis_weights(width, out_width), down = axis_weights(height, out_height);
  // Rows first ([C, H, out_W]), then columns ([C, out_H, out_W]).
  std::vector<float> rows(static_cast<size_t>(channels) * height * out_width);
  const float* in = image.data();
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < height; ++y) {
      const float* row = in + (static_cast<size_t>(c) * height + y) * width;
      float* out = rows.data() + (static_cast<size_t>(c) * height + y) * out_width;
      for (int x = 0; x < out_width; ++x) {
        const float* wx = across.weights.data() + static_cast<size_t>(x) * across.taps;
        float sum = 0.0f;
        for (int k = 0; k < across.count[x]; ++k) sum += wx[k] * row[across.first[x] + k];
        out[x] = sum;
      }
    }
  Tensor resized(Shape{1, channels, out_height, out_width});
  float* out = resized.data();
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < out_height; ++y) {
      const float* wy = down.weights.data() + static_cast<size_t>(y) * down.taps;
      float* out_row = out + (static_cast<size_t>(c) * out_height + y) * out_width;
      for (int x = 0; x < out_width; ++x) {
        float sum = 0.0f;
        for (int k = 0; k < down.count[y]; ++k)
          sum += wy[k] * rows[(static_cast<size_t>(c) * height + down.first[y] + k) * out_width + x];
        out_row[x] = std::clamp(sum, 0.0f, 1.0f);
      }
    }
  return resized;
}

void fit_size(int height, int width, int max_side, int& out_height, int& out_width) {
  const int long_side = std::max(height, width);
  if (long_side <= max_side) {
    out_height = height;
    out_width = width;
    return;
  }
  const double scale = static_cast<double>(max_side) / long_side;
  out_height = std::max(1, static_cast<int>(std::lround(height * scale)));
  out_width = std::max(1, static_cast<int>(std::lround(width * scale)));
}

Tensor resize_to_fit(const Tensor& image, int max_side) {
  int out_height = 0, out_width = 0;
  fit_size(image.dim(2), image.dim(3), max_side, out_height, out_width);
  if (out_height == image.dim(2) && out_width == image.dim(3)) return image;
  return resize_image(image, out_height, out_width);
}
