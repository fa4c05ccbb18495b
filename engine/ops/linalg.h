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

// affine's arithmetic on arrays, shared with fused paths (engine/layers/dense_stack.h)
// so both get the same bits: y[m, n] = x[m, k] w[k, n] + b[n]. The backward adds
// db = sum over rows of dy, dx = dy w^T and dw = x^T dy, in that order; a null
// gradient is skipped.
void affine_values(int m, int n, int k, const float* x, const float* w, const float* b, float* y);
void affine_backward_values(int m, int n, int k, const float* x, const float* w, const float* dy, float* dx,
                            float* dw, float* db);

}  // namespace ops
