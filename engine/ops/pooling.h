// Max and average pooling over square windows of NCHW images, without
// padding: a kernel x kernel window moves by `stride`, so the output is
// [N, C, (H - kernel) / stride + 1, (W - kernel) / stride + 1].
#pragma once

#include "engine/autodiff.h"

namespace ops {

// The largest value per window. Its gradient goes to that element only; on a
// tie, to the first one in row-major order within the window.
Var max_pool2d(Var x, int kernel, int stride);

// The mean per window; each element of the window receives 1/kernel^2 of the gradient.
Var avg_pool2d(Var x, int kernel, int stride);

}  // namespace ops
