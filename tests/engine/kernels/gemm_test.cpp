// tests/engine/kernels/gemm_test.cpp: the GEMM against the textbook triple
// loop (in double) on odd shapes, every transpose, accumulation and strides.
// Built into the unit tests (SSE2 natively, SIMD128 in wasm) and into
// kernel_tests_scalar (the plain-float path).
#include "engine/kernels/gemm.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace {

std::vector<float> random_values(size_t count, uint32_t seed) {
  std::vector<float> out(count);
  uint32_t state = seed * 2654435761u + 1;
  for (float& v : out) {
    state = state * 1664525u + 1013904223u;
    v = static_cast<float>(state >> 8) / static_cast<float>(1u << 24) * 2.0f - 1.0f;  // [-1, 1)
  }
  return out;
}

struct Case {
  int m, n, k;
  bool transpose_a, transpose_b, accumulate;
};

// Runs kernels::gemm on random matrices (stored with padded row strides) and
// checks each element against the double-precision sum.
void check_against_reference(const Case& t) {
  const int a_rows = t.transpose_a ? t.k : t.m, a_cols = t.transpose_a ? t.m : t.k;
  const int b_rows = t.transpose_b ? t.n : t.k, b_cols = t.transpose_b ? t.k : t.n;
  const int a_stride = a_cols + 3, b_stride = b_cols + 1, c_stride = t.n + 2;
  std::vector<float> a = random_values(static_cast<size_t>(a_rows) * a_stride, 1);
  std::vector<float> b = random_values(static_cast<size_t>(b_rows) * b_stride, 2);
  std::vector<float> c = random_values(static_cast<size_t>(t.m) * c_stride, 3);
  const std::vector<float> c_before = c;
  kernels::gemm(t.m, t.n, t.k, {a.data(), a_stride, t.transpose_a}, {b.data(), b_stride, t.transpose_b}, c.data(),
                c_stride, t.accumulate);

  auto a_at = [&](int i, int p) { return t.transpose_a ? a[p * a_stride + i] : a[i * a_stride + p]; };
  auto b_at = [&](int p, int j) { return t.transpose_b ? b[j * b_stride + p] : b[p * b_stride + j]; };
  // Recursive summation of k products in float: |error| <= (k + 1) u sum |terms|, u = 2^-24 (Higham, ch. 3).
  const double error_bound = (t.k + 2) * std::ldexp(1.0, -24);
  int wrong = 0;
  std::string first_wrong;
  for (int i = 0; i < t.m; ++i)
    for (int j = 0; j < t.n; ++j) {
      double expected = t.accumulate ? c_before[i * c_stride + j] : 0.0, magnitude = std::fabs(expected);
      for (int p = 0; p < t.k; ++p) {
        expected += static_cast<double>(a_at(i, p)) * b_at(p, j);
        magnitude += std::fabs(static_cast<double>(a_at(i, p)) * b_at(p, j));
      }
      const double got = c[i * c_stride + j];
      if (std::fabs(got - expected) > error_bound * magnitude && wrong++ == 0)
        first_wrong = "C[" + std::to_string(i) + ", " + std::to_string(j) + "] = " + std::to_string(got) +
                      ", expected " + std::to_string(expected);
    }
  // The padding between rows of C is never written.
  for (int i = 0; i < t.m; ++i)
    for (int j = t.n; j < c_stride; ++j)
      if (c[i * c_stride + j] != c_before[i * c_stride + j] && wrong++ == 0) first_wrong = "wrote past a row of C";
  INFO(t.m, "x", t.n, "x", t.k, " transpose_a=", t.transpose_a, " transpose_b=", t.transpose_b,
       " accumulate=", t.accumulate, ": ", first_wrong);
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("kernels: gemm matches the triple loop on odd shapes, with every transpose") {
  const int shapes[][3] = {{1, 1, 1}, {7, 13, 5}, {1, 9, 300}, {10, 8, 2}, {33, 1, 70},
                           {5, 3, 1000}, {255, 257, 129}, {73, 1030, 260}};
  for (const auto& s : shapes)
    for (int flags = 0; flags < 8; ++flags)
      check_against_reference({s[0], s[1], s[2], (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0});
}

TEST_CASE("kernels: gemm with k = 0 gives zeros, or leaves C as it was when accumulating") {
  std::vector<float> c{1, 2, 3, 4};
  kernels::gemm(2, 2, 0, {nullptr, 0}, {nullptr, 2}, c.data(), 2, true);
  CHECK(c == std::vector<float>{1, 2, 3, 4});
  kernels::gemm(2, 2, 0, {nullptr, 0}, {nullptr, 2}, c.data(), 2, false);
  CHECK(c == std::vector<float>{0, 0, 0, 0});
}

TEST_CASE("kernels: gemm sums each element in a fixed order (a result does not depend on its neighbours)") {
  // The same row of A times B, alone and inside a bigger product, gives the same bits.
  const int n = 37, k = 300;
  std::vector<float> a = random_values(static_cast<size_t>(9) * k, 4), b = random_values(static_cast<size_t>(k) * n, 5);
  std::vector<float> whole(static_cast<size_t>(9) * n), row(n);
  kernels::gemm(9, n, k, {a.data(), k}, {b.data(), n}, whole.data(), n, false);
  kernels::gemm(1, n, k, {a.data() + 6 * k, k}, {b.data(), n}, row.data(), n, false);
  for (int j = 0; j < n; ++j) CHECK(row[j] == whole[6 * n + j]);
}

TEST_CASE("kernels: with k <= 256 a row's bits do not depend on the batch size, across the direct and packed paths") {
  // m = 1 takes the small-product path (m n k <= 8192), m = 64 the packed one;
  // with k within one depth block both sum p in ascending order (gemm.cpp).
  const int n = 24, k = 256, m = 64;
  std::vector<float> a = random_values(static_cast<size_t>(m) * k, 8), b = random_values(static_cast<size_t>(k) * n, 9);
  std::vector<float> whole(static_cast<size_t>(m) * n), row(n);
  kernels::gemm(m, n, k, {a.data(), k}, {b.data(), n}, whole.data(), n, false);
  for (int i : {0, 5, 63}) {
    CAPTURE(i);
    kernels::gemm(1, n, k, {a.data() + i * k, k}, {b.data(), n}, row.data(), n, false);
    for (int j = 0; j < n; ++j) CHECK(row[j] == whole[static_cast<size_t>(i) * n + j]);
  }
}
