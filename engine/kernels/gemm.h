// Single-precision matrix product, the engine's one GEMM (matmul and conv2d).
//
//   C[m, n] = (accumulate ? C : 0) + op(A)[m, k] op(B)[k, n]
//
// Matrices are row-major with a row stride ("leading dimension"); op(X) is X
// or, with the transpose flag, X^T read in place (no copy): the backward
// products of matmul, dA = dC B^T and dB = A^T dC, are one call each.
// Bits are fixed per shape on every target, but may change with the batch
// size m when k > 256 (gemm.cpp says why).
#pragma once

namespace kernels {

struct MatrixRef {
  const float* data;
  int stride;              // elements between consecutive rows of the stored matrix
  bool transposed = false;  // use the stored matrix's transpose
};

void gemm(int m, int n, int k, MatrixRef a, MatrixRef b, float* c, int c_stride, bool accumulate);

}  // namespace kernels
