#include "engine/ops/gram.h"

#include <Eigen/Core>
#include <string>

namespace ops {
namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMajor>;
using ConstMatrixMap = Eigen::Map<const RowMajor>;

}  // namespace

// G_n[C, C] = F_n F_n^T / (C*H*W) with F_n = features[n] viewed as [C, H*W];
// dF_n = (dG_n + dG_n^T) F_n / (C*H*W).
Var gram_matrix(Var features) {
  if (!features.ok()) return features.tape ? features.tape->fail("") : Var{};
  const Shape& s = features.shape();
  if (s.rank != 4) return features.tape->fail("gram_matrix: needs features [N, C, H, W], got " + s.str());

  const int batch = s[0], channels = s[1], positions = s[2] * s[3];
  const float norm = 1.0f / static_cast<float>(channels * positions);
  Tensor out(Shape{batch, channels, channels});
  for (int n = 0; n < batch; ++n) {
    ConstMatrixMap f(features.value().data() + n * channels * positions, channels, positions);
    MatrixMap(out.data() + n * channels * channels, channels, channels).noalias() = norm * (f * f.transpose());
  }
  return features.tape->record(std::move(out), {features}, [features, batch, channels, positions,
                                                             norm](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    for (int n = 0; n < batch; ++n) {
      ConstMatrixMap f(t.value(features).data() + n * channels * positions, channels, positions);
      ConstMatrixMap dg(gy.data() + n * channels * channels, channels, channels);
      MatrixMap(t.grad(features).data() + n * channels * positions, channels, positions).noalias() +=
          norm * ((dg + dg.transpose()) * f);
    }
  });
}

}  // namespace ops
