// NumPy-style broadcasting for up to 4-D shapes: sizes align from the right;
// each pair must be equal or one of them 1.
#pragma once

#include <array>

#include "engine/tensor.h"

// Output shape of broadcasting a with b; false if they are incompatible.
bool broadcast_shape(const Shape& a, const Shape& b, Shape* out);

// Strides that read `in` at every index of `out` (0 along broadcast axes),
// with both shapes padded on the left to 4-D.
struct BroadcastIndex {
  std::array<int, 4> out_dims;     // output sizes, left-padded with 1
  std::array<int, 4> in_strides;   // element strides of the input, 0 where broadcast
  BroadcastIndex(const Shape& in, const Shape& out);
};

// Sums `grad` (shaped like the broadcast output) down to `shape`: the
// backward of broadcasting. Adds into `into`.
void accumulate_unbroadcast(const Tensor& grad, Tensor& into);
