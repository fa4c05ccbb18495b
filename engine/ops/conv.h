// 2-D convolution over NCHW images (cross-correlation, as in every deep
// learning library: the kernel is not flipped).
//
// Lowered to one matrix product per image (im2col, Chellapilla et al. 2006):
// each output pixel's receptive field becomes a column, so
// y[n] = W[O, C*kh*kw] * cols[C*kh*kw, H'*W'], and the input gradient folds
// the columns back (col2im).
#pragma once

#include "engine/autodiff.h"

namespace ops {

// x [N, C, H, W], w [O, C, kh, kw], bias [O] or a default Var{} for none.
// Returns [N, O, (H + 2p - kh) / s + 1, (W + 2p - kw) / s + 1]; the padding is zeros.
Var conv2d(Var x, Var w, Var bias = Var{}, int stride = 1, int padding = 0);

// The two products of conv2d's backward pass (what its tape node runs; the
// bench times them alone). Shapes as for conv2d, dy [N, O, H', W']; both add
// into their output, as gradients accumulate.
//   dw[o, c, i, j] += sum_{n, oh, ow} dy[n, o, oh, ow] x[n, c, oh*s + i - p, ow*s + j - p]
//   dx[n, c, h, w] += sum_{o, i, j} w[o, c, i, j] dy[n, o, (h + p - i) / s, (w + p - j) / s]  (where it divides)
void conv2d_backward_weight(const Tensor& x, const Tensor& dy, int stride, int padding, Tensor& dw);
void conv2d_backward_input(const Tensor& dy, const Tensor& w, int stride, int padding, Tensor& dx);

}  // namespace ops
