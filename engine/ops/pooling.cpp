#include "engine/ops/pooling.h"

#include <string>
#include <vector>

namespace ops {
namespace {

// Windows over `planes` = N*C planes of height x width; output out_h x out_w per plane.
struct PoolGeometry {
  int planes, height, width, kernel, stride, out_h, out_w;
  int plane_size() const { return height * width; }
  int out_plane_size() const { return out_h * out_w; }
  // Index into the input of the window's top-left element for output (plane, oh, ow).
  int window_origin(int plane, int oh, int ow) const {
    return plane * plane_size() + oh * stride * width + ow * stride;
  }
};

// Checks the arguments; on success fills `g` and returns "".
std::string pool_problem(const char* name, const Shape& s, int kernel, int stride, PoolGeometry* g) {
  std::string op = name;
  if (s.rank != 4) return op + ": needs x [N, C, H, W], got " + s.str();
  if (kernel < 1) return op + ": kernel must be >= 1, got " + std::to_string(kernel);
  if (stride < 1) return op + ": stride must be >= 1, got " + std::to_string(stride);
  if (kernel > s[2] || kernel > s[3])
    return op + ": kernel " + std::to_string(kernel) + " is bigger than the input " + s.str();
  *g = PoolGeometry{s[0] * s[1], s[2], s[3], kernel, stride, (s[2] - kernel) / stride + 1,
                    (s[3] - kernel) / stride + 1};
  return "";
}

Shape pooled_shape(const Shape& s, const PoolGeometry& g) { return Shape{s[0], s[1], g.out_h, g.out_w}; }

}  // namespace

// y[n,c,oh,ow] = max over the window of x[n,c,oh*s + i, ow*s + j] (NaN if any is NaN);  dx[argmax] += dy.
Var max_pool2d(Var x, int kernel, int stride) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  PoolGeometry g{};
  std::string problem = pool_problem("max_pool2d", x.shape(), kernel, stride, &g);
  if (!problem.empty()) return x.tape->fail(problem);

  const Tensor& in = x.value();
  Tensor out(pooled_shape(x.shape(), g));
  std::vector<int> argmax(static_cast<size_t>(out.size()));  // input index of each output's maximum
  int k = 0;
  for (int p = 0; p < g.planes; ++p)
    for (int oh = 0; oh < g.out_h; ++oh)
      for (int ow = 0; ow < g.out_w; ++ow, ++k) {
        int origin = g.window_origin(p, oh, ow), best = origin;
        for (int i = 0; i < kernel; ++i)
          for (int j = 0; j < kernel; ++j) {
            int at = origin + i * g.width + j;
            // Strict: the first maximum wins ties. A NaN wins outright (as in PyTorch),
            // so a diverging network cannot hide behind a pooling layer.
            if (in[best] != in[best]) continue;
            if (in[at] > in[best] || in[at] != in[at]) best = at;
          }
        argmax[k] = best;
        out[k] = in[best];
      }
  return x.tape->record(std::move(out), {x}, [x, argmax = std::move(argmax)](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    Tensor& gx = t.grad(x);
    for (int i = 0, end = gy.size(); i < end; ++i) gx[argmax[i]] += gy[i];
  });
}

// y[n,c,oh,ow] = (1/k^2) sum_{i,j<k} x[n,c,oh*s + i, ow*s + j];  dx[window] += dy / k^2.
Var avg_pool2d(Var x, int kernel, int stride) {
  if (!x.ok()) return x.tape ? x.tape->fail("") : Var{};
  PoolGeometry g{};
  std::string problem = pool_problem("avg_pool2d", x.shape(), kernel, stride, &g);
  if (!problem.empty()) return x.tape->fail(problem);

  const float inv_area = 1.0f / static_cast<float>(kernel * kernel);
  const Tensor& in = x.value();
  Tensor out(pooled_shape(x.shape(), g));
  int k = 0;
  for (int p = 0; p < g.planes; ++p)
    for (int oh = 0; oh < g.out_h; ++oh)
      for (int ow = 0; ow < g.out_w; ++ow, ++k) {
        int origin = g.window_origin(p, oh, ow);
        float total = 0.0f;
        for (int i = 0; i < kernel; ++i)
          for (int j = 0; j < kernel; ++j) total += in[origin + i * g.width + j];
        out[k] = total * inv_area;
      }
  return x.tape->record(std::move(out), {x}, [x, g, inv_area](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    Tensor& gx = t.grad(x);
    int index = 0;
    for (int p = 0; p < g.planes; ++p)
      for (int oh = 0; oh < g.out_h; ++oh)
        for (int ow = 0; ow < g.out_w; ++ow, ++index) {
          int origin = g.window_origin(p, oh, ow);
          float share = gy[index] * inv_area;
          for (int i = 0; i < g.kernel; ++i)
            for (int j = 0; j < g.kernel; ++j) gx[origin + i * g.width + j] += share;
        }
  });
}

}  // namespace ops
