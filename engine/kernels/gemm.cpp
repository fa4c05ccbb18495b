// GEMM after Goto & van de Geijn, "Anatomy of High-Performance Matrix
// Multiplication" (ACM TOMS 2008): cache blocks of A and B are copied
// ("packed") into contiguous panels, and a register-blocked micro-kernel
// streams through them.
//
// Register blocking: a kRows x 8 tile of C lives in 2 * kRows F32x4
// accumulators. Per step p the kernel loads 8 floats of a B panel (two
// vectors), broadcasts kRows floats of an A panel and does 2 * kRows
// multiplies and adds. With kRows = 4: 8 accumulators + 2 B vectors + 1
// broadcast = 11 of x86's 16 vector registers that V8 maps v128 onto.
//
// Cache blocking: a kDepth x 8 B panel (8 KiB) stays in L1 while it meets
// every A panel of a kBlockRows x kDepth block (72 KiB, in L2).
//
// What is bit-exact: for given (m, n, k) the SIMD, SSE2 and scalar builds
// agree bit for bit, because each path sums in a fixed order. Across shapes
// it is not: small products (m n k <= kDirectLimit) sum all of k in one
// running total, the packed path sums each kDepth block and adds the blocks
// to C in order. The two orders agree for k <= kDepth; for larger k the same
// row of A times B can differ in the last bits between m = 1 and a larger
// batch. A result pinned bit for bit must therefore keep its batch size.
#include "engine/kernels/gemm.h"

#include <algorithm>
#include <vector>

#include "engine/kernels/simd.h"

namespace kernels {
namespace {

constexpr int kRows = 4;         // rows of the register tile (A panel width)
constexpr int kCols = 8;         // columns of the register tile (B panel width): two F32x4
constexpr int kDepth = 256;      // k per cache block
constexpr int kBlockRows = 72;   // m per cache block (a multiple of kRows)
constexpr int kBlockCols = 1024; // n per cache block (a multiple of kCols)
// Up to this many multiply-adds (the playground's dense layers, e.g. 10 x 8 x 8)
// a product skips packing: copying the operands would cost as much as the sums.
constexpr long kDirectLimit = 8192;

float at(MatrixRef x, int row, int col) {
  return x.transposed ? x.data[static_cast<long>(col) * x.stride + row]
                      : x.data[static_cast<long>(row) * x.stride + col];
}

// packed[panel][p][r] = op(A)[row0 + panel*kRows + r, depth0 + p], zero past the last row.
void pack_a(MatrixRef a, int row0, int rows, int depth0, int depth, float* packed) {
  for (int panel = 0; panel < rows; panel += kRows) {
    const int valid = std::min(kRows, rows - panel);
    for (int p = 0; p < depth; ++p, packed += kRows) {
      for (int r = 0; r < valid; ++r) packed[r] = at(a, row0 + panel + r, depth0 + p);
      for (int r = valid; r < kRows; ++r) packed[r] = 0.0f;
    }
  }
}

// packed[panel][p][c] = op(B)[depth0 + p, col0 + panel*kCols + c], zero past the last column.
void pack_b(MatrixRef b, int depth0, int depth, int col0, int cols, float* packed) {
  for (int panel = 0; panel < cols; panel += kCols) {
    const int valid = std::min(kCols, cols - panel);
    for (int p = 0; p < depth; ++p, packed += kCols) {
      if (!b.transposed && valid == kCols) {
        const float* row = b.data + static_cast<long>(depth0 + p) * b.stride + col0 + panel;
        std::copy(row, row + kCols, packed);
        continue;
      }
      for (int c = 0; c < valid; ++c) packed[c] = at(b, depth0 + p, col0 + panel + c);
      for (int c = valid; c < kCols; ++c) packed[c] = 0.0f;
    }
  }
}

// tile[kRows][kCols] = sum_p a_panel[p][:] (outer product) b_panel[p][:].
void micro_kernel(int depth, const float* a_panel, const float* b_panel, float* tile) {
  F32x4 left[kRows], right[kRows];  // columns 0-3 and 4-7 of each tile row
  for (int r = 0; r < kRows; ++r) left[r] = right[r] = splat(0.0f);
  for (int p = 0; p < depth; ++p, a_panel += kRows, b_panel += kCols) {
    const F32x4 b_left = load(b_panel), b_right = load(b_panel + 4);
    for (int r = 0; r < kRows; ++r) {
      const F32x4 a_r = splat(a_panel[r]);
      left[r] = left[r] + a_r * b_left;
      right[r] = right[r] + a_r * b_right;
    }
  }
  for (int r = 0; r < kRows; ++r) {
    store(tile + r * kCols, left[r]);
    store(tile + r * kCols + 4, right[r]);
  }
}

// Tiny products (the playground's 10 x 8 x 8 layers): the same sums as the
// micro-kernel, without packing A. op(B) must be stored untransposed (b_rows
// has stride n). Rows go kRows at a time, so each load of B serves kRows rows;
// every element of C still sums p = 0, 1, ... k - 1 into one running total
// from 0, so the block size does not change a bit. Full 8-column blocks live
// in two F32x4 per row; the last n % 8 columns are summed one at a time.
template <bool kTransposeA, int kRowsHere>
void gemm_direct_rows(int i0, int n, int k, MatrixRef a, const float* b_rows, float* c, int c_stride,
                      bool accumulate) {
  const auto a_at = [a](int i, int p) { return a.data[kTransposeA ? long(p) * a.stride + i : long(i) * a.stride + p]; };
  int col0 = 0;
  for (; col0 + kCols <= n; col0 += kCols) {
    F32x4 left[kRowsHere], right[kRowsHere];
    for (int r = 0; r < kRowsHere; ++r) left[r] = right[r] = splat(0.0f);
    for (int p = 0; p < k; ++p) {
      const float* b_row = b_rows + static_cast<long>(p) * n + col0;
      const F32x4 b_left = load(b_row), b_right = load(b_row + 4);
      for (int r = 0; r < kRowsHere; ++r) {
        const F32x4 a_ip = splat(a_at(i0 + r, p));
        left[r] = left[r] + a_ip * b_left;
        right[r] = right[r] + a_ip * b_right;
      }
    }
    for (int r = 0; r < kRowsHere; ++r) {
      float* out = c + static_cast<long>(i0 + r) * c_stride + col0;
      if (accumulate) left[r] = load(out) + left[r], right[r] = load(out + 4) + right[r];
      store(out, left[r]);
      store(out + 4, right[r]);
    }
  }
  for (int j = col0; j < n; ++j) {  // one F32x4 holds this column's kRows running totals (lanes past kRowsHere unused)
    F32x4 total = splat(0.0f);
    for (int p = 0; p < k; ++p) {
      alignas(16) float a_column[kRows] = {};
      for (int r = 0; r < kRowsHere; ++r) a_column[r] = a_at(i0 + r, p);
      total = total + load(a_column) * splat(b_rows[static_cast<long>(p) * n + j]);
    }
    alignas(16) float totals[kRows];
    store(totals, total);
    for (int r = 0; r < kRowsHere; ++r) {
      float& out = c[static_cast<long>(i0 + r) * c_stride + j];
      out = accumulate ? out + totals[r] : totals[r];
    }
  }
}

template <bool kTransposeA>
void gemm_direct(int m, int n, int k, MatrixRef a, const float* b_rows, float* c, int c_stride, bool accumulate) {
  int i = 0;
  for (; i + kRows <= m; i += kRows) gemm_direct_rows<kTransposeA, kRows>(i, n, k, a, b_rows, c, c_stride, accumulate);
  for (; i < m; ++i) gemm_direct_rows<kTransposeA, 1>(i, n, k, a, b_rows, c, c_stride, accumulate);
}

// Packing buffers grow once and are reused: no allocation per product.
std::vector<float>& scratch(int which) {
  thread_local std::vector<float> buffers[2];
  return buffers[which];
}

}  // namespace

void gemm(int m, int n, int k, MatrixRef a, MatrixRef b, float* c, int c_stride, bool accumulate) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0 || static_cast<long>(m) * n * k <= kDirectLimit) {
    const float* b_rows = b.data;  // op(B) [k, n] with stride n
    if (b.transposed || b.stride != n) {
      std::vector<float>& rows = scratch(1);
      rows.resize(static_cast<size_t>(k) * n);
      if (b.transposed)  // op(B)[p, j] = stored[j, p]
        for (int j = 0; j < n; ++j)
          for (int p = 0; p < k; ++p) rows[static_cast<size_t>(p) * n + j] = b.data[static_cast<long>(j) * b.stride + p];
      else
        for (int p = 0; p < k; ++p)
          std::copy(b.data + static_cast<long>(p) * b.stride, b.data + static_cast<long>(p) * b.stride + n,
                    rows.data() + static_cast<long>(p) * n);
      b_rows = rows.data();
    }
    return a.transposed ? gemm_direct<true>(m, n, k, a, b_rows, c, c_stride, accumulate)
                        : gemm_direct<false>(m, n, k, a, b_rows, c, c_stride, accumulate);
  }

  std::vector<float>& packed_a = scratch(0);
  std::vector<float>& packed_b = scratch(1);
  const auto round_up = [](int x, int to) { return (x + to - 1) / to * to; };
  packed_a.resize(static_cast<size_t>(round_up(std::min(m, kBlockRows), kRows)) * kDepth);
  packed_b.resize(static_cast<size_t>(round_up(std::min(n, kBlockCols), kCols)) * kDepth);
  alignas(16) float tile[kRows * kCols];

  for (int col0 = 0; col0 < n; col0 += kBlockCols) {
    const int cols = std::min(kBlockCols, n - col0);
    for (int depth0 = 0; depth0 < k; depth0 += kDepth) {
      const int depth = std::min(kDepth, k - depth0);
      const bool overwrite = depth0 == 0 && !accumulate;
      pack_b(b, depth0, depth, col0, cols, packed_b.data());
      for (int row0 = 0; row0 < m; row0 += kBlockRows) {
        const int rows = std::min(kBlockRows, m - row0);
        pack_a(a, row0, rows, depth0, depth, packed_a.data());
        for (int panel_col = 0; panel_col < cols; panel_col += kCols) {
          const int valid_cols = std::min(kCols, cols - panel_col);
          for (int panel_row = 0; panel_row < rows; panel_row += kRows) {
            micro_kernel(depth, packed_a.data() + static_cast<long>(panel_row) * depth,
                         packed_b.data() + static_cast<long>(panel_col) * depth, tile);
            const int valid_rows = std::min(kRows, rows - panel_row);
            for (int r = 0; r < valid_rows; ++r) {
              float* out = c + static_cast<long>(row0 + panel_row + r) * c_stride + col0 + panel_col;
              const float* sums = tile + r * kCols;
              if (overwrite)
                for (int j = 0; j < valid_cols; ++j) out[j] = sums[j];
              else
                for (int j = 0; j < valid_cols; ++j) out[j] = out[j] + sums[j];
            }
          }
        }
      }
    }
  }
}

}  // namespace kernels
