#include "demos/style_transfer/colour_transfer.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace {

using Matrix3 = Eigen::Matrix3d;

const Matrix3& rgb_to_yiq_matrix() {
  static const Matrix3 m = (Matrix3() << 0.299, 0.587, 0.114,  //
                            0.595716, -0.274453, -0.321263,    //
                            0.211456, -0.522591, 0.311135)
                               .finished();
  return m;
}

const Matrix3& yiq_to_rgb_matrix() {
  static const Matrix3 m = rgb_to_yiq_matrix().inverse();
  return m;
}

// out[c', p] = sum_c m[c', c] in[c, p] over the H*W pixels p of a [1, 3, H, W] image.
Tensor mix_channels(const Tensor& in, const Matrix3& m) {
  Tensor out(in.shape());
  const int pixels = in.dim(2) * in.dim(3);
  for (int p = 0; p < pixels; ++p)
    for (int row = 0; row < 3; ++row) {
      double v = 0;
      for (int c = 0; c < 3; ++c) v += m(row, c) * in[c * pixels + p];
      out[row * pixels + p] = static_cast<float>(v);
    }
  return out;
}

struct ColourStatistics {
  Eigen::Vector3d mean;
  Matrix3 covariance;
};

ColourStatistics statistics(const Tensor& rgb) {
  const int pixels = rgb.dim(2) * rgb.dim(3);
  ColourStatistics s{Eigen::Vector3d::Zero(), Matrix3::Zero()};
  for (int p = 0; p < pixels; ++p)
    for (int c = 0; c < 3; ++c) s.mean[c] += rgb[c * pixels + p];
  s.mean /= pixels;
  for (int p = 0; p < pixels; ++p) {
    Eigen::Vector3d d(rgb[p] - s.mean[0], rgb[pixels + p] - s.mean[1], rgb[2 * pixels + p] - s.mean[2]);
    s.covariance += d * d.transpose();
  }
  s.covariance /= pixels;
  s.covariance += 1e-5 * Matrix3::Identity();
  return s;
}

// Sigma^power for a symmetric positive definite 3x3 matrix.
Matrix3 symmetric_power(const Matrix3& sigma, double power) {
  Eigen::SelfAdjointEigenSolver<Matrix3> solver(sigma);
  Eigen::Vector3d values = solver.eigenvalues();
  for (int i = 0; i < 3; ++i) values[i] = std::pow(std::max(values[i], 1e-12), power);
  return solver.eigenvectors() * values.asDiagonal() * solver.eigenvectors().transpose();
}

void clamp_unit(Tensor& t) {
  for (int i = 0; i < t.size(); ++i) t[i] = std::clamp(t[i], 0.0f, 1.0f);
}

}  // namespace

Tensor rgb_to_yiq(const Tensor& rgb) { return mix_channels(rgb, rgb_to_yiq_matrix()); }
Tensor yiq_to_rgb(const Tensor& yiq) { return mix_channels(yiq, yiq_to_rgb_matrix()); }

Tensor match_colour_statistics(const Tensor& style, const Tensor& content) {
  const ColourStatistics s = statistics(style), c = statistics(content);
  const Matrix3 a = symmetric_power(c.covariance, 0.5) * symmetric_power(s.covariance, -0.5);
  const Eigen::Vector3d offset = c.mean - a * s.mean;
  Tensor out = mix_channels(style, a);
  const int pixels = style.dim(2) * style.dim(3);
  for (int ch = 0; ch < 3; ++ch)
    for (int p = 0; p < pixels; ++p) out[ch * pixels + p] += static_cast<float>(offset[ch]);
  clamp_unit(out);
  return out;
}

Tensor luminance(const Tensor& rgb) {
  const int pixels = rgb.dim(2) * rgb.dim(3);
  Tensor y(Shape{1, 1, rgb.dim(2), rgb.dim(3)});
  const Matrix3& m = rgb_to_yiq_matrix();
  for (int p = 0; p < pixels; ++p)
    y[p] = static_cast<float>(m(0, 0) * rgb[p] + m(0, 1) * rgb[pixels + p] + m(0, 2) * rgb[2 * pixels + p]);
  return y;
}

Tensor luminance_matched(const Tensor& rgb, const Tensor& reference_rgb) {
  const auto mean_std = [](const Tensor& t, double* mean, double* stddev) {
    double total = 0, squares = 0;
    for (int i = 0; i < t.size(); ++i) total += t[i];
    *mean = total / t.size();
    for (int i = 0; i < t.size(); ++i) squares += (t[i] - *mean) * (t[i] - *mean);
    *stddev = std::sqrt(squares / t.size());
  };
  Tensor y = luminance(rgb);
  double mean, stddev, reference_mean, reference_stddev;
  mean_std(y, &mean, &stddev);
  mean_std(luminance(reference_rgb), &reference_mean, &reference_stddev);
  const double gain = stddev > 1e-6 ? reference_stddev / stddev : 1.0;
  for (int i = 0; i < y.size(); ++i) y[i] = static_cast<float>((y[i] - mean) * gain + reference_mean);
  clamp_unit(y);
  return y;
}

Tensor combine_luminance(const Tensor& y, const Tensor& chroma_rgb) {
  Tensor yiq = rgb_to_yiq(chroma_rgb);
  const int pixels = y.size();
  for (int p = 0; p < pixels; ++p) yiq[p] = y[p];
  Tensor rgb = yiq_to_rgb(yiq);
  clamp_unit(rgb);
  return rgb;
}
