#include "demos/style_transfer/photo_crops.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"

namespace {

struct Tap {
  int index;
  float weight;
};

// For each of `out` output pixels along an axis, the source pixels of
// [start + j f, start + (j + 1) f), f = length / out, with their overlap / f.
std::vector<std::vector<Tap>> area_taps(float start, float length, int out, int size) {
  std::vector<std::vector<Tap>> taps(static_cast<size_t>(out));
  const double f = static_cast<double>(length) / out;
  for (int j = 0; j < out; ++j) {
    const double a = start + j * f, b = start + (j + 1) * f;
    const int first = std::max(0, static_cast<int>(std::floor(a)));
    const int last = std::min(size - 1, static_cast<int>(std::ceil(b)) - 1);
    for (int i = first; i <= last; ++i) {
      const double overlap = std::min(b, i + 1.0) - std::max(a, static_cast<double>(i));
      if (overlap > 0) taps[j].push_back(Tap{i, static_cast<float>(overlap / f)});
    }
  }
  return taps;
}

}  // namespace

// out[c, y, x] = sum_i sum_k wy[y][i] wx[x][k] image[c, i, k], rows first then columns.
Tensor resample_area(const Tensor& image, float x0, float y0, float width, float height, int out_h, int out_w) {
  const int channels = image.dim(1), h = image.dim(2), w = image.dim(3);
  const auto rows = area_taps(y0, height, out_h, h), cols = area_taps(x0, width, out_w, w);
  Tensor out(Shape{1, channels, out_h, out_w});
  std::vector<float> line(static_cast<size_t>(w));
  for (int c = 0; c < channels; ++c)
    for (int y = 0; y < out_h; ++y) {
      std::fill(line.begin(), line.end(), 0.0f);
      for (const Tap& r : rows[y]) {
        const float* src = image.data() + (c * h + r.index) * w;
        for (int k = 0; k < w; ++k) line[k] += r.weight * src[k];
      }
      float* dst = out.data() + (c * out_h + y) * out_w;
      for (int x = 0; x < out_w; ++x) {
        float v = 0;
        for (const Tap& t : cols[x]) v += t.weight * line[t.index];
        dst[x] = v;
      }
    }
  return out;
}

Tensor resize_area(const Tensor& image, int out_h, int out_w) {
  return resample_area(image, 0, 0, static_cast<float>(image.dim(3)), static_cast<float>(image.dim(2)), out_h, out_w);
}

Tensor resize_shorter_side(const Tensor& image, int shorter) {
  const int h = image.dim(2), w = image.dim(3);
  const double scale = std::min(1.0, static_cast<double>(shorter) / std::min(h, w));
  const int out_h = std::max(4, static_cast<int>(h * scale) / 4 * 4), out_w = std::max(4, static_cast<int>(w * scale) / 4 * 4);
  return resize_area(image, out_h, out_w);
}

CropSampler::CropSampler(std::vector<Tensor> photos, const CropSettings& settings)
    : photos_(std::move(photos)), settings_(settings) {}

bool CropSampler::usable(std::string* error) const {
  if (photos_.empty()) {
    *error = "no content photos";
    return false;
  }
  const float smallest_side = settings_.smallest * static_cast<float>(settings_.size);
  for (const Tensor& p : photos_)
    if (p.rank() != 4 || p.dim(1) != 3 || static_cast<float>(std::min(p.dim(2), p.dim(3))) < smallest_side) {
      *error = "every content photo must be RGB with a shorter side of at least " +
               std::to_string(static_cast<int>(std::ceil(smallest_side))) + " pixels, got " + p.shape().str();
      return false;
    }
  return true;
}

Tensor CropSampler::next(int batch, Pcg32& rng) const {
  const int size = settings_.size;
  Tensor out(Shape{batch, 3, size, size});
  for (int b = 0; b < batch; ++b) {
    const Tensor& photo = photos_[rng.below(static_cast<uint32_t>(photos_.size()))];
    const float h = static_cast<float>(photo.dim(2)), w = static_cast<float>(photo.dim(3));
    const float lo = settings_.smallest * static_cast<float>(size), hi = std::max(lo, settings_.largest_fraction * std::min(h, w));
    // Log-uniform side: each octave of scale is drawn as often (det_math: the same draw in wasm).
    const float side = lo * static_cast<float>(det_math::exp(rng.uniform() * det_math::log(static_cast<double>(hi / lo))));
    const float x0 = rng.uniform() * (w - side), y0 = rng.uniform() * (h - side);
    const bool flip = settings_.mirror && (rng.next_u32() & 1u);
    Tensor crop = resample_area(photo, x0, y0, side, side, size, size);
    float* dst = out.data() + static_cast<size_t>(b) * 3 * size * size;
    for (int c = 0; c < 3; ++c)
      for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
          dst[(c * size + y) * size + x] = crop[(c * size + y) * size + (flip ? size - 1 - x : x)];
  }
  return out;
}
