// Why direct: the im2col route writes a [C kh kw, H' W'] column matrix (38 MB
// for 16 x 256 x 256 with a 3x3 kernel) and then reads it transposed in the
// GEMM's packing. Here each weight's sum runs along image rows, where both
// factors are contiguous: for a tile of 4 output channels x 2 taps, eight
// F32x4 accumulators collect dy[o, oh, ow..ow+3] * x_padded[c, oh+i, ow+j..+3]
// (4 dy vectors and 2 image vectors loaded per 8 multiply-adds), and the four
// lanes are added up once at the end. The output pixels go in bands of about
// 1024, so a band of dy and of the image stays in cache while every tile
// sweeps it; partial sums live in a buffer between bands.
//
// The order of every sum is fixed (lanes by pixel column mod 4 over the
// bands in order, tails of rows shorter than 4 in scalars, then
// (l0 + l1) + (l2 + l3) + tail), the same in the SIMD, SSE2 and scalar builds.
#include "engine/kernels/conv_weight_grad.h"

#include <algorithm>
#include <vector>

#include "engine/kernels/simd.h"

namespace kernels {
namespace {

constexpr int kChannelsPerTile = 4;  // output channels: four dy rows in registers
constexpr int kTapsPerTile = 2;      // taps (c, i, j): two image rows
constexpr int kBandPixels = 1024;    // output pixels per band

}  // namespace

void conv2d_weight_grad_direct(const float* x_padded, int channels, int padded_h, int padded_w, const float* dy,
                               int out_channels, int kernel_h, int kernel_w, float* dw) {
  const int out_h = padded_h - kernel_h + 1, out_w = padded_w - kernel_w + 1;
  const int taps = channels * kernel_h * kernel_w;
  const long plane = static_cast<long>(out_h) * out_w;
  const int blocks = (out_channels + kChannelsPerTile - 1) / kChannelsPerTile;
  const int tap_slots = (taps + kTapsPerTile - 1) / kTapsPerTile * kTapsPerTile;

  // offset[t]: where tap t = (c, i, j) reads, relative to the output pixel's row start.
  thread_local std::vector<long> offset;
  offset.resize(static_cast<size_t>(taps));
  for (int c = 0, t = 0; c < channels; ++c)
    for (int i = 0; i < kernel_h; ++i)
      for (int j = 0; j < kernel_w; ++j, ++t) offset[t] = (static_cast<long>(c) * padded_h + i) * padded_w + j;
  // Partial sums per (slot o, slot t): four lanes and a scalar for row tails.
  // Slots past the last channel or tap repeat the last one and are dropped.
  thread_local std::vector<float> lanes, tails;
  const size_t slots = static_cast<size_t>(blocks) * kChannelsPerTile * tap_slots;
  lanes.assign(slots * 4, 0.0f);
  tails.assign(slots, 0.0f);
  const auto slot = [tap_slots](int o, int t) { return static_cast<size_t>(o) * tap_slots + t; };

  const int vector_w = out_w / 4 * 4;
  const int band_rows = std::max(1, kBandPixels / out_w);
  for (int row0 = 0; row0 < out_h; row0 += band_rows) {
    const int row_end = std::min(out_h, row0 + band_rows);
    for (int block = 0; block < blocks; ++block) {
      const int o0 = block * kChannelsPerTile;
      const float* grad_rows[kChannelsPerTile];
      for (int r = 0; r < kChannelsPerTile; ++r) grad_rows[r] = dy + std::min(o0 + r, out_channels - 1) * plane;
      for (int t0 = 0; t0 < taps; t0 += kTapsPerTile) {
        const long tap_offset[kTapsPerTile] = {offset[t0], offset[std::min(t0 + 1, taps - 1)]};
        F32x4 sum[kChannelsPerTile][kTapsPerTile];
        float tail[kChannelsPerTile][kTapsPerTile];
        for (int r = 0; r < kChannelsPerTile; ++r)
          for (int k = 0; k < kTapsPerTile; ++k) {
            sum[r][k] = load(&lanes[slot(o0 + r, t0 + k) * 4]);
            tail[r][k] = tails[slot(o0 + r, t0 + k)];
          }
        for (int oh = row0; oh < row_end; ++oh) {
          const float* x0 = x_padded + tap_offset[0] + static_cast<long>(oh) * padded_w;
          const float* x1 = x_padded + tap_offset[1] + static_cast<long>(oh) * padded_w;
          const long row = static_cast<long>(oh) * out_w;
          int ow = 0;
          for (; ow < vector_w; ow += 4) {
            F32x4 g[kChannelsPerTile];
            for (int r = 0; r < kChannelsPerTile; ++r) g[r] = load(grad_rows[r] + row + ow);
            const F32x4 a = load(x0 + ow);
            for (int r = 0; r < kChannelsPerTile; ++r) sum[r][0] = sum[r][0] + g[r] * a;
            const F32x4 b = load(x1 + ow);
            for (int r = 0; r < kChannelsPerTile; ++r) sum[r][1] = sum[r][1] + g[r] * b;
          }
          for (; ow < out_w; ++ow)
            for (int r = 0; r < kChannelsPerTile; ++r) {
              tail[r][0] = tail[r][0] + grad_rows[r][row + ow] * x0[ow];
              tail[r][1] = tail[r][1] + grad_rows[r][row + ow] * x1[ow];
            }
        }
        for (int r = 0; r < kChannelsPerTile; ++r)
          for (int k = 0; k < kTapsPerTile; ++k) {
            store(&lanes[slot(o0 + r, t0 + k) * 4], sum[r][k]);
            tails[slot(o0 + r, t0 + k)] = tail[r][k];
          }
      }
    }
  }
  for (int o = 0; o < out_channels; ++o)
    for (int t = 0; t < taps; ++t) {
      const float* lane = &lanes[slot(o, t) * 4];
      dw[static_cast<long>(o) * taps + t] += ((lane[0] + lane[1]) + (lane[2] + lane[3])) + tails[slot(o, t)];
    }
}

}  // namespace kernels
