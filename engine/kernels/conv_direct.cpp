// Why direct: im2col writes a [C kh kw, H' W'] matrix (4.7 MB for 32 x 64 x 64
// with a 3x3 kernel) that the GEMM then packs again; at stride 1 the eight
// patch values a tile needs from one (c, i, j) are eight neighbours in one
// image row, so the kernel loads them in place. Measured on the bench shapes
// (1x32x64x64->32, 1x64x32x32->64), wasm SIMD: see the notes in conv.cpp.
#include "engine/kernels/conv_direct.h"

#include <algorithm>
#include <vector>

#include "engine/kernels/simd.h"

namespace kernels {
namespace {

constexpr int kChannelsPerTile = 4;  // output channels: one broadcast weight each
constexpr int kPixelsPerTile = 8;    // consecutive output pixels of one row: two F32x4

}  // namespace

void conv2d_direct(const float* x_padded, int channels, int padded_h, int padded_w, const float* w, int out_channels,
                   int kernel_h, int kernel_w, float* y) {
  const int out_h = padded_h - kernel_h + 1, out_w = padded_w - kernel_w + 1;
  const int taps = channels * kernel_h * kernel_w;  // the sum's length, in im2col's (c, i, j) order
  const long plane = static_cast<long>(out_h) * out_w;

  // offset[t]: where tap t = (c, i, j) reads, relative to the output pixel's top-left corner.
  thread_local std::vector<long> offset;
  thread_local std::vector<float> packed;  // packed[block][t][r] = w[block*4 + r, t], zero past the last channel
  offset.resize(static_cast<size_t>(taps));
  for (int c = 0, t = 0; c < channels; ++c)
    for (int i = 0; i < kernel_h; ++i)
      for (int j = 0; j < kernel_w; ++j, ++t) offset[t] = (static_cast<long>(c) * padded_h + i) * padded_w + j;
  const int blocks = (out_channels + kChannelsPerTile - 1) / kChannelsPerTile;
  packed.assign(static_cast<size_t>(blocks) * taps * kChannelsPerTile, 0.0f);
  for (int o = 0; o < out_channels; ++o)
    for (int t = 0; t < taps; ++t)
      packed[(static_cast<size_t>(o / kChannelsPerTile) * taps + t) * kChannelsPerTile + o % kChannelsPerTile] =
          w[static_cast<long>(o) * taps + t];

  for (int block = 0; block < blocks; ++block) {
    const float* weights = packed.data() + static_cast<size_t>(block) * taps * kChannelsPerTile;
    const int o0 = block * kChannelsPerTile, valid = std::min(kChannelsPerTile, out_channels - o0);
    for (int oh = 0; oh < out_h; ++oh) {
      const float* corner = x_padded + static_cast<long>(oh) * padded_w;  // pixel (oh, 0)'s window
      float* out = y + static_cast<long>(o0) * plane + static_cast<long>(oh) * out_w;
      int ow = 0;
      for (; ow + kPixelsPerTile <= out_w; ow += kPixelsPerTile) {
        F32x4 left[kChannelsPerTile], right[kChannelsPerTile];
        for (int r = 0; r < kChannelsPerTile; ++r) left[r] = right[r] = splat(0.0f);
        const float* a = weights;
        for (int t = 0; t < taps; ++t, a += kChannelsPerTile) {
          const float* x = corner + offset[t] + ow;
          const F32x4 x_left = load(x), x_right = load(x + 4);
          for (int r = 0; r < kChannelsPerTile; ++r) {
            const F32x4 w_r = splat(a[r]);
            left[r] = left[r] + w_r * x_left;
            right[r] = right[r] + w_r * x_right;
          }
        }
        for (int r = 0; r < valid; ++r) {
          store(out + r * plane + ow, left[r]);
          store(out + r * plane + ow + 4, right[r]);
        }
      }
      for (; ow < out_w; ++ow)  // the last out_w % 8 pixels of the row, summed in the same order
        for (int r = 0; r < valid; ++r) {
          float total = 0.0f;
          for (int t = 0; t < taps; ++t) total = total + weights[t * kChannelsPerTile + r] * corner[offset[t] + ow];
          out[r * plane + ow] = total;
        }
    }
  }
}

}  // namespace kernels
