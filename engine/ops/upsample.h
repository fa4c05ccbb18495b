// Upsampling NCHW images by an integer factor: [N, C, H, W] -> [N, C, H*f, W*f].
#pragma once

#include "engine/autodiff.h"

namespace ops {

// y[n, c, h, w] = x[n, c, h / f, w / f] (integer division): each pixel becomes an f x f block.
Var upsample_nearest(Var x, int factor);

// Bilinear interpolation with half-pixel centres (align_corners = false, the
// convention of PyTorch and TensorFlow 2): output pixel d along an axis samples
// the input at s = (d + 0.5) / f - 0.5, between pixels floor(s) and floor(s) + 1.
// Positions outside [0, size - 1] are clamped to the edge pixel, so the border
// rows and columns copy the edge instead of fading to zero.
Var upsample_bilinear(Var x, int factor);

}  // namespace ops
