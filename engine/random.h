// A small deterministic random number generator (PCG32, O'Neill 2014).
//
// Only integer arithmetic decides the stream, so a seed gives bit-identical
// draws natively and in WebAssembly; std::mt19937 + std::*_distribution would
// not (the distributions are implementation-defined).
#pragma once

#include <cstdint>

class Pcg32 {
 public:
  explicit Pcg32(uint64_t seed = 1, uint64_t stream = 0x853c49e6748fea9bULL) {
    increment_ = (stream << 1u) | 1u;
    next_u32();
    state_ += seed;
    next_u32();
  }

  uint32_t next_u32() {
    uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + increment_;
    uint32_t xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = static_cast<uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1), exactly representable: 24 random bits.
  float uniform() { return static_cast<float>(next_u32() >> 8) * (1.0f / 16777216.0f); }

  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), without modulo bias (Lemire's rejection).
  uint32_t below(uint32_t n) {
    uint32_t threshold = (0u - n) % n;
    for (;;) {
      uint32_t r = next_u32();
      if (r >= threshold) return r % n;
    }
  }

 private:
  uint64_t state_ = 0;
  uint64_t increment_ = 0;
};
