#include "engine/ops/normalization.h"

#include <cmath>
#include <string>
#include <vector>

namespace ops {
namespace {

// Per-plane statistics kept for backward.
struct PlaneStats {
  std::vector<float> mean, inv_std;  // [N*C]
};

// xhat = (x - mean) / sqrt(var + eps) per plane of `plane_size` elements; sums in double.
PlaneStats normalize_planes(const Tensor& x, int planes, int plane_size, float eps, float* xhat) {
  PlaneStats stats{std::vector<float>(static_cast<size_t>(planes)), std::vector<float>(static_cast<size_t>(planes))};
  for (int p = 0; p < planes; ++p) {
    const float* in = x.data() + p * plane_size;
    double total = 0;
    for (int i = 0; i < plane_size; ++i) total += in[i];
    const double mean = total / plane_size;
    double squares = 0;
    for (int i = 0; i < plane_size; ++i) squares += (in[i] - mean) * (in[i] - mean);
    const double inv_std = 1.0 / std::sqrt(squares / plane_size + eps);
    stats.mean[p] = static_cast<float>(mean);
    stats.inv_std[p] = static_cast<float>(inv_std);
    for (int i = 0; i < plane_size; ++i) xhat[p * plane_size + i] = static_cast<float>((in[i] - mean) * inv_std);
  }
  return stats;
}

// y[n,c,h,w] = gamma[c] * xhat + beta[c], xhat = (x - mean[n,c]) / sqrt(var[n,c] + eps)   (x, y [N,C,H,W])
// Shared by both overloads; without `affine`, gamma = 1 and beta = 0 and neither is an input.
Var instance_norm_impl(Var x, Var gamma, Var beta, bool affine, float eps) {
  Tape* tape = tape_of({x, gamma, beta});
  if (!x.ok() || (affine && (!gamma.ok() || !beta.ok()))) return tape ? tape->fail("") : Var{};
  const Shape& s = x.shape();
  if (s.rank != 4) return tape->fail("instance_norm: needs x [N, C, H, W], got " + s.str());
  if (!(eps >= 0.0f) || !std::isfinite(eps))
    return tape->fail("instance_norm: eps must be >= 0 and finite, got " + std::to_string(eps));
  const Shape per_channel{s[1]};
  if (affine && (gamma.shape() != per_channel || beta.shape() != per_channel))
    return tape->fail("instance_norm: gamma " + gamma.shape().str() + " and beta " + beta.shape().str() + " must be " +
                      per_channel.str() + ", one per channel of x " + s.str());

  const int channels = s[1], planes = s[0] * s[1], plane_size = s[2] * s[3];
  Tensor out(s);
  PlaneStats stats = normalize_planes(x.value(), planes, plane_size, eps, out.data());
  if (affine) {
    const Tensor &g = gamma.value(), &b = beta.value();
    for (int p = 0; p < planes; ++p)
      for (int i = 0; i < plane_size; ++i) {
        float& v = out[p * plane_size + i];
        v = g[p % channels] * v + b[p % channels];
      }
  }

  std::vector<Var> inputs{x};
  if (affine) inputs.insert(inputs.end(), {gamma, beta});
  return tape->record(std::move(out), inputs, [x, gamma, beta, affine, stats = std::move(stats), channels, planes,
                                               plane_size](Tape& t, Var y) {
    const Tensor &xv = t.value(x), &gy = t.grad(y);
    std::vector<float> xhat(static_cast<size_t>(plane_size)), dxhat(static_cast<size_t>(plane_size));
    for (int p = 0; p < planes; ++p) {
      const int c = p % channels;
      const float scale = affine ? t.value(gamma)[c] : 1.0f;
      double dxhat_sum = 0, dxhat_dot_xhat = 0, dy_sum = 0, dy_dot_xhat = 0;
      for (int i = 0; i < plane_size; ++i) {
        const float dy = gy[p * plane_size + i];
        xhat[i] = (xv[p * plane_size + i] - stats.mean[p]) * stats.inv_std[p];
        dxhat[i] = dy * scale;
        dxhat_sum += dxhat[i];
        dxhat_dot_xhat += static_cast<double>(dxhat[i]) * xhat[i];
        dy_sum += dy;
        dy_dot_xhat += static_cast<double>(dy) * xhat[i];
      }
      // d(gamma*xhat + beta): dgamma = sum dy * xhat, dbeta = sum dy.
      if (affine && t.needs_grad(gamma)) t.grad(gamma)[c] += static_cast<float>(dy_dot_xhat);
      if (affine && t.needs_grad(beta)) t.grad(beta)[c] += static_cast<float>(dy_sum);
      // dx = inv_std * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), the usual normalisation backward.
      if (t.needs_grad(x)) {
        Tensor& gx = t.grad(x);
        const float mean_dxhat = static_cast<float>(dxhat_sum / plane_size);
        const float mean_dxhat_xhat = static_cast<float>(dxhat_dot_xhat / plane_size);
        for (int i = 0; i < plane_size; ++i)
          gx[p * plane_size + i] += stats.inv_std[p] * (dxhat[i] - mean_dxhat - xhat[i] * mean_dxhat_xhat);
      }
    }
  });
}

}  // namespace

Var instance_norm(Var x, float eps) { return instance_norm_impl(x, Var{}, Var{}, false, eps); }

Var instance_norm(Var x, Var gamma, Var beta, float eps) {
  if (x.ok() && (gamma.tape == nullptr || beta.tape == nullptr))
    return x.tape->fail("instance_norm: the affine version needs both gamma and beta, got " +
                        std::string(gamma.tape ? "no beta" : beta.tape ? "no gamma" : "neither") + " for x " +
                        x.shape().str());
  return instance_norm_impl(x, gamma, beta, true, eps);
}

}  // namespace ops
