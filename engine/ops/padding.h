// Padding NCHW images before a convolution.
//
// Reflection padding mirrors the image about its edge pixels (the edge itself
// is not repeated): row -1 reads row 1, row H reads row H - 2. Style-transfer
// networks use it instead of zeros so the border does not look like a dark
// frame to the next convolution (Johnson et al. 2016's supplementary notes;
// Ulyanov et al. 2016).
#pragma once

#include "engine/autodiff.h"

namespace ops {

// x [N, C, H, W] -> [N, C, H + 2p, W + 2p]; needs p < H and p < W.
// y[n, c, i, j] = x[n, c, reflect(i - p, H), reflect(j - p, W)].
Var pad_reflect(Var x, int padding);

}  // namespace ops
