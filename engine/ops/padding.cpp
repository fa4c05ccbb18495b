#include "engine/ops/padding.h"

#include <string>
#include <vector>

namespace ops {
namespace {

// Where padded index d (0 <= d < size + 2p) reads along an axis of `size`:
// d - p reflected about 0 and size - 1.
std::vector<int> reflected_sources(int size, int padding) {
  std::vector<int> source(static_cast<size_t>(size + 2 * padding));
  for (int d = 0; d < size + 2 * padding; ++d) {
    int i = d - padding;
    if (i < 0) i = -i;
    if (i >= size) i = 2 * (size - 1) - i;
    source[d] = i;
  }
  return source;
}

}  // namespace

// y[n,c,h,w] = x[n,c,rows[h],cols[w]];  dx[n,c,rows[h],cols[w]] += dy[n,c,h,w].
Var pad_reflect(Var x, int padding) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  const Shape& s = x.shape();
  if (s.rank != 4) return x.tape->fail("pad_reflect: needs x [N, C, H, W], got " + s.str());
  if (padding < 0 || padding >= s[2] || padding >= s[3])
    return x.tape->fail("pad_reflect: padding " + std::to_string(padding) + " must be >= 0 and smaller than H and W of " +
                        s.str());

  const int planes = s[0] * s[1], height = s[2], width = s[3];
  const int out_h = height + 2 * padding, out_w = width + 2 * padding;
  std::vector<int> rows = reflected_sources(height, padding), cols = reflected_sources(width, padding);
  const Tensor& in = x.value();
  Tensor out(Shape{s[0], s[1], out_h, out_w});
  float* y = out.data();
  for (int p = 0; p < planes; ++p)
    for (int h = 0; h < out_h; ++h) {
      const float* source_row = in.data() + (p * height + rows[h]) * width;
      for (int w = 0; w < out_w; ++w) *y++ = source_row[cols[w]];
    }
  return x.tape->record(std::move(out), {x}, [x, planes, height, width, rows, cols](Tape& t, Var out_var) {
    const float* dy = t.grad(out_var).data();
    Tensor& gx = t.grad(x);
    for (int p = 0; p < planes; ++p)
      for (const int row : rows) {
        float* target_row = gx.data() + (p * height + row) * width;
        for (const int col : cols) target_row[col] += *dy++;
      }
  });
}

}  // namespace ops
