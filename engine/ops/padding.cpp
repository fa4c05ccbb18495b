#include "engine/ops/padding.h"

#include <string>
#include <vector>

namespace ops {
namespace {

// The source index of padded position i - p along an axis of `size` pixels:
// -1 -> 1, size -> size - 2 (mirror about the edge pixel, which is not repeated).
int reflect(int i, int size) {
  if (i < 0) return -i;
  if (i >= size) return 2 * (size - 1) - i;
  return i;
}

// For each padded index along an axis, the source index (one table per axis).
std::vector<int> reflect_table(int size, int padding) {
  std::vector<int> table(static_cast<size_t>(size + 2 * padding));
  for (int i = 0; i < size + 2 * padding; ++i) table[i] = reflect(i - padding, size);
  return table;
}

}  // namespace

// y[n,c,i,j] = x[n,c,rows[i],cols[j]];  dx[n,c,rows[i],cols[j]] += dy[n,c,i,j]   (x [N,C,H,W], y [N,C,H+2p,W+2p])
Var pad_reflect(Var x, int padding) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  const Shape& s = x.shape();
  if (s.rank != 4) return x.tape->fail("pad_reflect: needs x [N, C, H, W], got " + s.str());
  if (padding < 0 || padding >= s[2] || padding >= s[3])
    return x.tape->fail("pad_reflect: padding " + std::to_string(padding) + " must be >= 0 and smaller than the image " +
                        std::to_string(s[2]) + "x" + std::to_string(s[3]) + " (a reflection reads inside it)");
  if (padding == 0) return x;

  const int planes = s[0] * s[1], height = s[2], width = s[3];
  const int out_h = height + 2 * padding, out_w = width + 2 * padding;
  std::vector<int> rows = reflect_table(height, padding), cols = reflect_table(width, padding);
  const Tensor& in = x.value();
  Tensor out(Shape{s[0], s[1], out_h, out_w});
  for (int p = 0; p < planes; ++p)
    for (int i = 0; i < out_h; ++i) {
      const float* src = in.data() + (p * height + rows[i]) * width;
      float* dst = out.data() + (p * out_h + i) * out_w;
      for (int j = 0; j < out_w; ++j) dst[j] = src[cols[j]];
    }
  return x.tape->record(std::move(out), {x}, [x, planes, height, width, out_h, out_w, rows = std::move(rows),
                                              cols = std::move(cols)](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    Tensor& gx = t.grad(x);
    for (int p = 0; p < planes; ++p)
      for (int i = 0; i < out_h; ++i) {
        const float* src = gy.data() + (p * out_h + i) * out_w;
        float* dst = gx.data() + (p * height + rows[i]) * width;
        for (int j = 0; j < out_w; ++j) dst[cols[j]] += src[j];
      }
  });
}

}  // namespace ops
