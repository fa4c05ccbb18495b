// Padding NCHW images: [N, C, H, W] -> [N, C, H + 2p, W + 2p].
#pragma once

#include "engine/autodiff.h"

namespace ops {

// Reflection padding without repeating the edge (PyTorch's ReflectionPad2d,
// NumPy's mode="reflect"): the row above row 0 is row 1, the column right of
// the last is the one before it. Style-transfer networks use it instead of
// zeros so the border does not read as a dark frame (Johnson et al. 2016,
// supplementary). Needs 0 <= p < H and p < W.
Var pad_reflect(Var x, int padding);

}  // namespace ops
