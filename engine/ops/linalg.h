// Matrix products, shape changes and reductions.
#pragma once

#include <vector>

#include "engine/autodiff.h"

namespace ops {

Var matmul(Var a, Var b);          // [m, k] x [k, n] -> [m, n]
Var affine(Var x, Var w, Var b);   // x [m, k] w [k, n] + b [n] (row-broadcast) -> [m, n]: one node, not two
Var transpose(Var a);              // [m, n] -> [n, m]
Var reshape(Var a, const Shape& shape);  // same element count; a view of the same values
Var concat(const std::vector<Var>& parts, int axis);  // sizes agree except along axis
Var slice(Var a, int axis, int begin, int end);       // [begin, end) along axis
Var sum(Var a);                    // all elements -> scalar (rank 0)
Var mean(Var a);                   // all elements -> scalar
Var sum(Var a, int axis);          // removes axis
Var mean(Var a, int axis);         // removes axis

}  // namespace ops
