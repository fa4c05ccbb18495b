// tests/engine/kernels/conv_weight_grad_test.cpp: the direct weight gradient
// against the nested-loop sum, on shapes with partial tiles (output channels
// % 4, taps % 2), rows shorter than a vector and row tails (out_w % 4), and
// more than one band of pixels.
#include "engine/kernels/conv_weight_grad.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

TEST_CASE("kernels: conv2d_weight_grad_direct adds the nested-loop sum on odd shapes") {
  struct Case {
    int channels, padded_h, padded_w, out_channels, kernel_h, kernel_w;
  };
  for (const Case& k : {Case{1, 1, 1, 1, 1, 1}, Case{3, 7, 15, 5, 3, 3}, Case{2, 4, 21, 4, 2, 5},
                        Case{7, 10, 34, 9, 3, 3}, Case{3, 6, 6, 3, 3, 3}, Case{4, 70, 40, 6, 3, 3},
                        Case{5, 12, 11, 2, 9, 9}}) {
    const int out_h = k.padded_h - k.kernel_h + 1, out_w = k.padded_w - k.kernel_w + 1;
    const int taps = k.channels * k.kernel_h * k.kernel_w;
    std::vector<float> x(static_cast<size_t>(k.channels) * k.padded_h * k.padded_w);
    std::vector<float> dy(static_cast<size_t>(k.out_channels) * out_h * out_w);
    std::vector<float> dw(static_cast<size_t>(k.out_channels) * taps);
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(0.37f * static_cast<float>(i));
    for (size_t i = 0; i < dy.size(); ++i) dy[i] = std::cos(0.91f * static_cast<float>(i));
    for (size_t i = 0; i < dw.size(); ++i) dw[i] = 0.5f * static_cast<float>(i % 3);  // it adds to what is there
    const std::vector<float> before = dw;
    kernels::conv2d_weight_grad_direct(x.data(), k.channels, k.padded_h, k.padded_w, dy.data(), k.out_channels,
                                       k.kernel_h, k.kernel_w, dw.data());
    int wrong = 0;
    for (int o = 0; o < k.out_channels; ++o)
      for (int c = 0; c < k.channels; ++c)
        for (int i = 0; i < k.kernel_h; ++i)
          for (int j = 0; j < k.kernel_w; ++j) {
            const int t = (c * k.kernel_h + i) * k.kernel_w + j;
            double expected = before[o * taps + t], magnitude = std::fabs(expected);
            for (int oh = 0; oh < out_h; ++oh)
              for (int ow = 0; ow < out_w; ++ow) {
                const double term = static_cast<double>(dy[(o * out_h + oh) * out_w + ow]) *
                                    x[(c * k.padded_h + oh + i) * k.padded_w + ow + j];
                expected += term;
                magnitude += std::fabs(term);
              }
            const double got = dw[o * taps + t];
            if (std::fabs(got - expected) > (out_h * out_w + 2) * std::ldexp(1.0, -24) * magnitude) ++wrong;
          }
    CAPTURE(k.channels);
    CAPTURE(k.padded_w);
    CAPTURE(k.out_channels);
    CHECK(wrong == 0);
  }
}
