#include "engine/ops/gram.h"

#include <string>
#include <vector>

#include "engine/kernels/gemm.h"

namespace ops {

// G_n[C, C] = F_n F_n^T / (C*H*W) with F_n = features[n] viewed as [C, H*W];
// dF_n = (dG_n + dG_n^T) F_n / (C*H*W). Both products go through the engine's
// one GEMM, whose bits are fixed per shape on every target and machine (Eigen's
// product picks its blocking from the CPU's cache sizes at run time, so its
// bits changed from one machine to the next, and differed in wasm).
Var gram_matrix(Var features) {
  if (!features.ok()) return features.tape ? features.tape->fail("") : Var{};
  const Shape& s = features.shape();
  if (s.rank != 4) return features.tape->fail("gram_matrix: needs features [N, C, H, W], got " + s.str());

  const int batch = s[0], channels = s[1], positions = s[2] * s[3];
  const float norm = 1.0f / static_cast<float>(channels * positions);
  Tensor out(Shape{batch, channels, channels});
  for (int n = 0; n < batch; ++n) {
    const float* f = features.value().data() + n * channels * positions;
    float* g = out.data() + n * channels * channels;
    kernels::gemm(channels, channels, positions, {f, positions}, {f, positions, true}, g, channels, false);
    for (int i = 0; i < channels * channels; ++i) g[i] *= norm;
  }
  return features.tape->record(std::move(out), {features}, [features, batch, channels, positions,
                                                             norm](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    std::vector<float> symmetric(static_cast<size_t>(channels) * channels);
    for (int n = 0; n < batch; ++n) {
      const float* dg = gy.data() + n * channels * channels;
      for (int i = 0; i < channels; ++i)
        for (int j = 0; j < channels; ++j)
          symmetric[static_cast<size_t>(i * channels + j)] = norm * (dg[i * channels + j] + dg[j * channels + i]);
      kernels::gemm(channels, positions, channels, {symmetric.data(), channels},
                    {t.value(features).data() + n * channels * positions, positions},
                    t.grad(features).data() + n * channels * positions, positions, true);
    }
  });
}

}  // namespace ops
