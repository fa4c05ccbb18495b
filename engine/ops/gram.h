// Gram matrices of feature maps, the style statistic of neural style transfer
// (Gatys et al. 2016; Johnson et al. 2016, "Perceptual Losses for Real-Time
// Style Transfer and Super-Resolution"). G[i, j] is the inner product of
// channels i and j over all positions: it records which features fire
// together (texture) and discards where they fire (layout).
#pragma once

#include "engine/autodiff.h"

namespace ops {

// features [N, C, H, W] -> [N, C, C]:
// G[n, i, j] = sum_{h,w} F[n, i, h, w] F[n, j, h, w] / (C * H * W).
// Dividing by C*H*W is the normalisation of Johnson et al. (2016, style
// reconstruction loss); it keeps style losses of layers of different sizes comparable.
Var gram_matrix(Var features);

}  // namespace ops
