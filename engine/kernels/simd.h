// The one place that chooses how the kernels compute four floats at once.
//
//   WebAssembly with -msimd128  -> wasm_simd128.h (v128: f32x4 / i32x4)
//   native x86-64               -> SSE2 (always present on x86-64)
//   anything else (scalar wasm) -> four plain floats, lane by lane
//   (or -DKERNELS_SCALAR: the plain path anywhere, to test it natively)
//
// Every path does the same IEEE operations (add, sub, mul, div, sqrt, min,
// max; no fused multiply-add) in the same order, so a kernel written once on
// F32x4 gives bit-identical results in all three builds.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(KERNELS_SCALAR)
#define KERNELS_PATH "scalar"
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define KERNELS_PATH "wasm-simd128"
#elif defined(__SSE2__)
#include <emmintrin.h>
#define KERNELS_PATH "sse2"
#else
#define KERNELS_PATH "scalar"
#endif

namespace kernels {

#if defined(__wasm_simd128__) && !defined(KERNELS_SCALAR)

struct F32x4 {
  v128_t v;
};
inline F32x4 load(const float* p) { return {wasm_v128_load(p)}; }
inline void store(float* p, F32x4 x) { wasm_v128_store(p, x.v); }
inline F32x4 splat(float x) { return {wasm_f32x4_splat(x)}; }
inline F32x4 operator+(F32x4 a, F32x4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
inline F32x4 operator-(F32x4 a, F32x4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
inline F32x4 operator*(F32x4 a, F32x4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
inline F32x4 operator/(F32x4 a, F32x4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
inline F32x4 sqrt(F32x4 a) { return {wasm_f32x4_sqrt(a.v)}; }
inline F32x4 abs(F32x4 a) { return {wasm_f32x4_abs(a.v)}; }
// pmin/pmax are x86's minps/maxps semantics: (b < a ? b : a), cheap in V8.
inline F32x4 min(F32x4 a, F32x4 b) { return {wasm_f32x4_pmin(a.v, b.v)}; }
inline F32x4 max(F32x4 a, F32x4 b) { return {wasm_f32x4_pmax(a.v, b.v)}; }
// Lanes where a > b take `then`, the others `otherwise`.
inline F32x4 select_greater(F32x4 a, F32x4 b, F32x4 then, F32x4 otherwise) {
  return {wasm_v128_bitselect(then.v, otherwise.v, wasm_f32x4_gt(a.v, b.v))};
}
// 2^n for whole numbers n in [-126, 127] held as floats: the exponent field (n + 127) << 23.
inline F32x4 pow2(F32x4 n) {
  v128_t bits = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n.v), wasm_i32x4_splat(127)), 23);
  return {bits};
}
inline float sum_lanes(F32x4 a) {
  return (wasm_f32x4_extract_lane(a.v, 0) + wasm_f32x4_extract_lane(a.v, 1)) +
         (wasm_f32x4_extract_lane(a.v, 2) + wasm_f32x4_extract_lane(a.v, 3));
}

#elif defined(__SSE2__) && !defined(KERNELS_SCALAR)

struct F32x4 {
  __m128 v;
};
inline F32x4 load(const float* p) { return {_mm_loadu_ps(p)}; }
inline void store(float* p, F32x4 x) { _mm_storeu_ps(p, x.v); }
inline F32x4 splat(float x) { return {_mm_set1_ps(x)}; }
inline F32x4 operator+(F32x4 a, F32x4 b) { return {_mm_add_ps(a.v, b.v)}; }
inline F32x4 operator-(F32x4 a, F32x4 b) { return {_mm_sub_ps(a.v, b.v)}; }
inline F32x4 operator*(F32x4 a, F32x4 b) { return {_mm_mul_ps(a.v, b.v)}; }
inline F32x4 operator/(F32x4 a, F32x4 b) { return {_mm_div_ps(a.v, b.v)}; }
inline F32x4 sqrt(F32x4 a) { return {_mm_sqrt_ps(a.v)}; }
inline F32x4 abs(F32x4 a) { return {_mm_andnot_ps(_mm_set1_ps(-0.0f), a.v)}; }  // clears the sign bit
inline F32x4 min(F32x4 a, F32x4 b) { return {_mm_min_ps(b.v, a.v)}; }  // b < a ? b : a, as wasm's pmin
inline F32x4 max(F32x4 a, F32x4 b) { return {_mm_max_ps(b.v, a.v)}; }  // a < b ? b : a, as wasm's pmax
inline F32x4 select_greater(F32x4 a, F32x4 b, F32x4 then, F32x4 otherwise) {
  __m128 mask = _mm_cmpgt_ps(a.v, b.v);
  return {_mm_or_ps(_mm_and_ps(mask, then.v), _mm_andnot_ps(mask, otherwise.v))};
}
inline F32x4 pow2(F32x4 n) {
  __m128i bits = _mm_slli_epi32(_mm_add_epi32(_mm_cvttps_epi32(n.v), _mm_set1_epi32(127)), 23);
  return {_mm_castsi128_ps(bits)};
}
inline float sum_lanes(F32x4 a) {
  alignas(16) float lane[4];
  _mm_store_ps(lane, a.v);
  return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

#else

struct F32x4 {
  float lane[4];
};
template <typename F>
inline F32x4 each(F32x4 a, F32x4 b, F f) {
  return {{f(a.lane[0], b.lane[0]), f(a.lane[1], b.lane[1]), f(a.lane[2], b.lane[2]), f(a.lane[3], b.lane[3])}};
}
inline F32x4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, F32x4 x) { std::memcpy(p, x.lane, sizeof x.lane); }
inline F32x4 splat(float x) { return {{x, x, x, x}}; }
inline F32x4 operator+(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return x + y; }); }
inline F32x4 operator-(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return x - y; }); }
inline F32x4 operator*(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return x * y; }); }
inline F32x4 operator/(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return x / y; }); }
inline F32x4 sqrt(F32x4 a) {
  for (float& x : a.lane) x = __builtin_sqrtf(x);
  return a;
}
inline F32x4 abs(F32x4 a) {
  for (float& x : a.lane) x = __builtin_fabsf(x);
  return a;
}
inline F32x4 min(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return y < x ? y : x; }); }
inline F32x4 max(F32x4 a, F32x4 b) { return each(a, b, [](float x, float y) { return x < y ? y : x; }); }
inline F32x4 select_greater(F32x4 a, F32x4 b, F32x4 then, F32x4 otherwise) {
  F32x4 out;
  for (int i = 0; i < 4; ++i) out.lane[i] = a.lane[i] > b.lane[i] ? then.lane[i] : otherwise.lane[i];
  return out;
}
inline F32x4 pow2(F32x4 n) {
  F32x4 out;
  for (int i = 0; i < 4; ++i) {
    uint32_t bits = static_cast<uint32_t>(static_cast<int32_t>(n.lane[i]) + 127) << 23;
    std::memcpy(&out.lane[i], &bits, sizeof bits);
  }
  return out;
}
inline float sum_lanes(F32x4 a) { return (a.lane[0] + a.lane[1]) + (a.lane[2] + a.lane[3]); }

#endif

}  // namespace kernels
