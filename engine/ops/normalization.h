// Instance normalisation (Ulyanov, Vedaldi & Lempitsky 2016, "Instance
// Normalization: The Missing Ingredient for Fast Stylization"): every (n, c)
// plane of an NCHW image is shifted and scaled to zero mean and unit variance
// on its own, so an image's contrast does not leak into the next layer. Unlike
// batch norm it keeps no running statistics: training and inference agree.
#pragma once

#include "engine/autodiff.h"

namespace ops {

// y[n,c,h,w] = (x - mean[n,c]) / sqrt(var[n,c] + eps), with the biased
// (population) variance over the H*W plane.
Var instance_norm(Var x, float eps = 1e-5f);

// The same followed by a learned per-channel affine map: gamma[c] * y + beta[c].
Var instance_norm(Var x, Var gamma /*[C]*/, Var beta /*[C]*/, float eps = 1e-5f);

}  // namespace ops
