// tests/engine/ops/conv_backward_test.cpp: conv2d's two backward products
// (the direct stride-1 kernels and the im2col + GEMM route) against the
// definition summed in double, on shapes that reach every path: stride 1 with
// padding 0, 1, 2 and one wider than the kernel allows, stride 2, rows shorter
// and longer than a vector, odd channel counts, batches of two.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/conv.h"
#include "tests/engine/gradcheck.h"

namespace {

struct ConvCase {
  Shape x, w;
  int stride, padding;
};

int out_size(int size, int kernel, int stride, int padding) { return (size + 2 * padding - kernel) / stride + 1; }

// dx and dw of sum(y * dy) by the definition, in double, added to `dx` and `dw`
// as given (the products accumulate); also the magnitude of each sum, for the bound.
void reference(const ConvCase& k, const Tensor& x, const Tensor& w, const Tensor& dy, std::vector<double>& dx,
               std::vector<double>& dx_size, std::vector<double>& dw, std::vector<double>& dw_size) {
  const int n_ = k.x[0], c_ = k.x[1], h_ = k.x[2], w_ = k.x[3], o_ = k.w[0], kh = k.w[2], kw = k.w[3];
  const int oh_ = dy.dim(2), ow_ = dy.dim(3);
  for (int n = 0; n < n_; ++n)
    for (int o = 0; o < o_; ++o)
      for (int oh = 0; oh < oh_; ++oh)
        for (int ow = 0; ow < ow_; ++ow) {
          const double g = dy[((n * o_ + o) * oh_ + oh) * ow_ + ow];
          for (int c = 0; c < c_; ++c)
            for (int i = 0; i < kh; ++i)
              for (int j = 0; j < kw; ++j) {
                const int ih = oh * k.stride + i - k.padding, iw = ow * k.stride + j - k.padding;
                if (ih < 0 || ih >= h_ || iw < 0 || iw >= w_) continue;
                const int xi = ((n * c_ + c) * h_ + ih) * w_ + iw, wi = ((o * c_ + c) * kh + i) * kw + j;
                dx[xi] += w[wi] * g;
                dx_size[xi] += std::fabs(w[wi] * g);
                dw[wi] += x[xi] * g;
                dw_size[wi] += std::fabs(x[xi] * g);
              }
        }
}

int count_wrong(const Tensor& got, const std::vector<double>& expected, const std::vector<double>& size, int terms) {
  int wrong = 0;
  for (int i = 0; i < got.size(); ++i)
    if (std::fabs(got[i] - expected[i]) > (terms + 2) * std::ldexp(1.0, -24) * size[i] + 1e-30) ++wrong;
  return wrong;
}

}  // namespace

TEST_CASE("conv2d's backward products add the definition's sums on every path") {
  const ConvCase cases[] = {
      {{1, 3, 9, 9}, {4, 3, 3, 3}, 1, 1},    // direct dx and dw, row tails
      {{2, 5, 6, 13}, {3, 5, 3, 3}, 1, 0},   // padding 0 (as after reflection padding), batch 2
      {{1, 2, 7, 10}, {5, 2, 3, 5}, 1, 2},   // non-square kernel, padding 2
      {{1, 3, 12, 12}, {2, 3, 9, 9}, 1, 4},  // the transform network's 9x9
      {{1, 4, 5, 4}, {4, 4, 3, 3}, 1, 1},    // rows shorter than the direct kernels take
      {{1, 2, 8, 8}, {3, 2, 3, 3}, 1, 3},    // padding >= kernel: the GEMM route for dx
      {{2, 3, 11, 9}, {6, 3, 3, 3}, 2, 1},   // stride 2: im2col + GEMM
      {{1, 7, 20, 33}, {9, 7, 3, 3}, 1, 1},  // several tiles of every kind
  };
  for (const ConvCase& k : cases) {
    CAPTURE(k.x.str());
    CAPTURE(k.w.str());
    CAPTURE(k.stride);
    CAPTURE(k.padding);
    const Shape y{k.x[0], k.w[0], out_size(k.x[2], k.w[2], k.stride, k.padding), out_size(k.x[3], k.w[3], k.stride, k.padding)};
    const Tensor x = random_tensor(k.x, 41), w = random_tensor(k.w, 42), dy = random_tensor(y, 43);
    Tensor dx = random_tensor(k.x, 44), dw = random_tensor(k.w, 45);  // what earlier ops left
    std::vector<double> want_dx(dx.data(), dx.data() + dx.size()), want_dw(dw.data(), dw.data() + dw.size());
    std::vector<double> dx_size(want_dx.size()), dw_size(want_dw.size());
    for (size_t i = 0; i < want_dx.size(); ++i) dx_size[i] = std::fabs(want_dx[i]);
    for (size_t i = 0; i < want_dw.size(); ++i) dw_size[i] = std::fabs(want_dw[i]);
    reference(k, x, w, dy, want_dx, dx_size, want_dw, dw_size);
    ops::conv2d_backward_input(dy, w, k.stride, k.padding, dx);
    ops::conv2d_backward_weight(x, dy, k.stride, k.padding, dw);
    CHECK(count_wrong(dx, want_dx, dx_size, k.w[0] * k.w[2] * k.w[3]) == 0);
    CHECK(count_wrong(dw, want_dw, dw_size, y[0] * y[2] * y[3]) == 0);
  }
}
