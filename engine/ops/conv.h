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

}  // namespace ops
