#include "engine/ops/upsample.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace ops {
namespace {

std::string upsample_problem(const char* name, const Shape& s, int factor) {
  std::string op = name;
  if (s.rank != 4) return op + ": needs x [N, C, H, W], got " + s.str();
  if (factor < 1) return op + ": factor must be >= 1, got " + std::to_string(factor);
  return "";
}

Shape upsampled(const Shape& s, int factor) { return Shape{s[0], s[1], s[2] * factor, s[3] * factor}; }

// Where output index d along an axis of `size` input pixels reads from:
// (1 - weight) * in[lower] + weight * in[upper].
struct Tap {
  int lower, upper;
  float weight;
};

// Half-pixel centres: s = (d + 0.5) / f - 0.5 = (2d + 1 - f) / 2f, clamped to [0, size - 1].
std::vector<Tap> bilinear_taps(int size, int factor) {
  std::vector<Tap> taps(static_cast<size_t>(size * factor));
  for (int d = 0; d < size * factor; ++d) {
    float s = static_cast<float>(2 * d + 1 - factor) / static_cast<float>(2 * factor);
    s = std::max(s, 0.0f);
    int lower = std::min(static_cast<int>(std::floor(s)), size - 1);
    int upper = std::min(lower + 1, size - 1);
    float weight = upper == lower ? 0.0f : s - static_cast<float>(lower);
    taps[d] = Tap{lower, upper, weight};
  }
  return taps;
}

}  // namespace

// y[n,c,h,w] = x[n,c,h/f,w/f];  dx[n,c,i,j] = sum of dy over its f x f block.
Var upsample_nearest(Var x, int factor) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  std::string problem = upsample_problem("upsample_nearest", x.shape(), factor);
  if (!problem.empty()) return x.tape->fail(problem);

  const Shape& s = x.shape();
  const int planes = s[0] * s[1], height = s[2], width = s[3];
  const int out_h = height * factor, out_w = width * factor;
  const Tensor& in = x.value();
  Tensor out(upsampled(s, factor));
  for (int p = 0; p < planes; ++p)
    for (int h = 0; h < out_h; ++h)
      for (int w = 0; w < out_w; ++w)
        out[(p * out_h + h) * out_w + w] = in[(p * height + h / factor) * width + w / factor];
  return x.tape->record(std::move(out), {x}, [x, planes, height, width, factor](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    Tensor& gx = t.grad(x);
    const int rows = height * factor, cols = width * factor;
    for (int p = 0; p < planes; ++p)
      for (int h = 0; h < rows; ++h)
        for (int w = 0; w < cols; ++w)
          gx[(p * height + h / factor) * width + w / factor] += gy[(p * rows + h) * cols + w];
  });
}

// y[n,c,h,w] = sum over the 2 x 2 taps of weight_h * weight_w * x[n,c,row,col];
// dx gets dy times the same weights.
Var upsample_bilinear(Var x, int factor) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  std::string problem = upsample_problem("upsample_bilinear", x.shape(), factor);
  if (!problem.empty()) return x.tape->fail(problem);

  const Shape& s = x.shape();
  const int planes = s[0] * s[1], height = s[2], width = s[3];
  std::vector<Tap> rows = bilinear_taps(height, factor), cols = bilinear_taps(width, factor);
  const Tensor& in = x.value();
  Tensor out(upsampled(s, factor));
  int k = 0;
  for (int p = 0; p < planes; ++p) {
    const float* plane = in.data() + p * height * width;
    for (const Tap& r : rows) {
      const float* top = plane + r.lower * width;
      const float* bottom = plane + r.upper * width;
      for (const Tap& c : cols) {
        float upper_row = (1 - c.weight) * top[c.lower] + c.weight * top[c.upper];
        float lower_row = (1 - c.weight) * bottom[c.lower] + c.weight * bottom[c.upper];
        out[k++] = (1 - r.weight) * upper_row + r.weight * lower_row;
      }
    }
  }
  return x.tape->record(std::move(out), {x}, [x, planes, height, width, rows, cols](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    Tensor& gx = t.grad(x);
    int index = 0;
    for (int p = 0; p < planes; ++p) {
      float* plane = gx.data() + p * height * width;
      for (const Tap& r : rows) {
        float* top = plane + r.lower * width;
        float* bottom = plane + r.upper * width;
        for (const Tap& c : cols) {
          float g = gy[index++];
          float to_top = (1 - r.weight) * g, to_bottom = r.weight * g;
          top[c.lower] += (1 - c.weight) * to_top;
          top[c.upper] += c.weight * to_top;
          bottom[c.lower] += (1 - c.weight) * to_bottom;
          bottom[c.upper] += c.weight * to_bottom;
        }
      }
    }
  });
}

}  // namespace ops
