// tests/engine/kernels/conv_direct_test.cpp: the direct convolution against
// the six nested loops, on shapes with full and partial tiles (channels % 4,
// row length % 8).
#include "engine/kernels/conv_direct.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

TEST_CASE("kernels: conv2d_direct matches the nested-loop sum on odd shapes") {
  struct Case {
    int channels, padded_h, padded_w, out_channels, kernel_h, kernel_w;
  };
  for (const Case& k : {Case{1, 1, 8, 1, 1, 1}, Case{3, 7, 15, 5, 3, 3}, Case{2, 4, 21, 4, 2, 5},
                        Case{7, 10, 34, 9, 3, 3}}) {
    const int out_h = k.padded_h - k.kernel_h + 1, out_w = k.padded_w - k.kernel_w + 1;
    std::vector<float> x(static_cast<size_t>(k.channels) * k.padded_h * k.padded_w);
    std::vector<float> w(static_cast<size_t>(k.out_channels) * k.channels * k.kernel_h * k.kernel_w);
    std::vector<float> y(static_cast<size_t>(k.out_channels) * out_h * out_w, -7.0f);
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(0.37f * static_cast<float>(i));
    for (size_t i = 0; i < w.size(); ++i) w[i] = std::cos(0.91f * static_cast<float>(i));
    kernels::conv2d_direct(x.data(), k.channels, k.padded_h, k.padded_w, w.data(), k.out_channels, k.kernel_h,
                           k.kernel_w, y.data());
    int wrong = 0;
    for (int o = 0; o < k.out_channels; ++o)
      for (int oh = 0; oh < out_h; ++oh)
        for (int ow = 0; ow < out_w; ++ow) {
          double expected = 0, magnitude = 0;
          for (int c = 0; c < k.channels; ++c)
            for (int i = 0; i < k.kernel_h; ++i)
              for (int j = 0; j < k.kernel_w; ++j) {
                const double term = static_cast<double>(w[((o * k.channels + c) * k.kernel_h + i) * k.kernel_w + j]) *
                                    x[(c * k.padded_h + oh + i) * k.padded_w + ow + j];
                expected += term;
                magnitude += std::fabs(term);
              }
          const double got = y[(o * out_h + oh) * out_w + ow];
          const int taps = k.channels * k.kernel_h * k.kernel_w;
          if (std::fabs(got - expected) > (taps + 1) * std::ldexp(1.0, -24) * magnitude) ++wrong;
        }
    CAPTURE(k.channels);
    CAPTURE(k.padded_w);
    CHECK(wrong == 0);
  }
}
