// conv2d's weight gradient at stride 1, straight from the padded image and
// the output gradient (no im2col matrix).
#pragma once

namespace kernels {

// dw[o, c, i, j] += sum_{oh, ow} dy[o, oh, ow] x_padded[c, oh + i, ow + j]
//   x_padded [channels, padded_h, padded_w]: the image with its zero border
//   dy [out_channels, out_h, out_w] with out_h = padded_h - kernel_h + 1, out_w = padded_w - kernel_w + 1
//   dw [out_channels, channels, kernel_h, kernel_w]
void conv2d_weight_grad_direct(const float* x_padded, int channels, int padded_h, int padded_w, const float* dy,
                               int out_channels, int kernel_h, int kernel_w, float* dw);

}  // namespace kernels
