#include "demos/style_transfer/style_metrics.h"

#include <algorithm>
#include <cmath>

#include "demos/style_transfer/colour_transfer.h"
#include "engine/ops/gram.h"

double colour_histogram_distance(const Tensor& a, const Tensor& b) {
  const auto histogram = [](const Tensor& image) {
    std::vector<double> bins(512, 0.0);
    const int pixels = image.dim(2) * image.dim(3);
    const auto bin = [](float v) { return std::clamp(static_cast<int>(v * 8.0f), 0, 7); };
    for (int p = 0; p < pixels; ++p)
      bins[(bin(image[p]) * 8 + bin(image[pixels + p])) * 8 + bin(image[2 * pixels + p])] += 1.0 / pixels;
    return bins;
  };
  const std::vector<double> p = histogram(a), q = histogram(b);
  double distance = 0;
  for (size_t i = 0; i < p.size(); ++i) distance += std::fabs(p[i] - q[i]);
  return 0.5 * distance;
}

double ssim(const Tensor& a, const Tensor& b) {
  const Tensor x = luminance(a), y = luminance(b);
  const int height = x.dim(2), width = x.dim(3), radius = 5;
  double window[11];
  double total = 0;
  for (int i = -radius; i <= radius; ++i) total += window[i + radius] = std::exp(-(i * i) / (2 * 1.5 * 1.5));
  for (double& w : window) w /= total;
  const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
  if (height < 11 || width < 11) return 0;
  double sum = 0;
  int count = 0;
  for (int cy = radius; cy < height - radius; ++cy)
    for (int cx = radius; cx < width - radius; ++cx) {
      double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
      for (int i = -radius; i <= radius; ++i)
        for (int j = -radius; j <= radius; ++j) {
          const double w = window[i + radius] * window[j + radius];
          const double u = x[(cy + i) * width + cx + j], v = y[(cy + i) * width + cx + j];
          mx += w * u;
          my += w * v;
          xx += w * u * u;
          yy += w * v * v;
          xy += w * u * v;
        }
      const double vx = xx - mx * mx, vy = yy - my * my, cov = xy - mx * my;
      sum += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
      ++count;
    }
  return sum / count;
}

double gram_loss_under(LossNetwork& judge, const Tensor& image, const Tensor& style) {
  const std::vector<std::string> layers = {"relu1_1", "relu2_1", "relu3_1", "relu4_1"};
  Tape tape;
  NoGradScope no_grad(tape);
  std::vector<Var> fx = judge.features(tape, tape.constant(image), layers);
  std::vector<Var> fs = judge.features(tape, tape.constant(style), layers);
  if (tape.failed()) return std::nan("");
  double total = 0;
  for (size_t l = 0; l < layers.size(); ++l) {
    const Tensor gx = ops::gram_matrix(fx[l]).value(), gs = ops::gram_matrix(fs[l]).value();
    double error = 0, norm = 0;
    for (int i = 0; i < gs.size(); ++i) {
      error += (static_cast<double>(gx[i]) - gs[i]) * (static_cast<double>(gx[i]) - gs[i]);
      norm += static_cast<double>(gs[i]) * gs[i];
    }
    total += error / std::max(norm, 1e-12);
  }
  return total / static_cast<double>(layers.size());
}

double max_normalised_cross_correlation(const Tensor& a, const Tensor& b) {
  const Tensor x = luminance(a), y = luminance(b);
  const int ah = x.dim(2), aw = x.dim(3), bh = y.dim(2), bw = y.dim(3);
  double best = -1;
  // a's pixel (r, c) lies over b's pixel (r + dy, c + dx).
  for (int dy = -ah / 2; dy <= bh - ah / 2; ++dy)
    for (int dx = -aw / 2; dx <= bw - aw / 2; ++dx) {
      const int r0 = std::max(0, -dy), r1 = std::min(ah, bh - dy), c0 = std::max(0, -dx), c1 = std::min(aw, bw - dx);
      if (r1 - r0 < ah / 2 || c1 - c0 < aw / 2) continue;
      double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      const double n = static_cast<double>(r1 - r0) * (c1 - c0);
      for (int r = r0; r < r1; ++r)
        for (int c = c0; c < c1; ++c) {
          const double u = x[r * aw + c], v = y[(r + dy) * bw + c + dx];
          sx += u;
          sy += v;
          sxx += u * u;
          syy += v * v;
          sxy += u * v;
        }
      const double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
      if (vx > 1e-12 && vy > 1e-12) best = std::max(best, cov / std::sqrt(vx * vy));
    }
  return best;
}
