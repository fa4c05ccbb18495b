// Direct 2-D convolution, stride 1, for conv2d's forward pass: the GEMM
// micro-kernel's register tile (4 output channels x 8 output pixels) fed
// straight from the padded image instead of an im2col copy.
#pragma once

namespace kernels {

// y[o, oh, ow] = sum_{c, i, j} w[o, c, i, j] x_padded[c, oh + i, ow + j]
//   x_padded [channels, padded_h, padded_w]: the image with its zero border
//   w [out_channels, channels, kernel_h, kernel_w], y [out_channels, out_h, out_w]
// with out_h = padded_h - kernel_h + 1 and out_w = padded_w - kernel_w + 1.
void conv2d_direct(const float* x_padded, int channels, int padded_h, int padded_w, const float* w, int out_channels,
                   int kernel_h, int kernel_w, float* y);

}  // namespace kernels
