#include "engine/data/generators.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"
#include "engine/init.h"

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoArmTurns = 1.75;  // as in TensorFlow Playground

struct SinCos {
  float sin, cos;
};

SinCos sin_cos(double x) {
  const det_math::SinCos exact = det_math::sin_cos(x);
  return {static_cast<float>(exact.sin), static_cast<float>(exact.cos)};
}

// Collects points, adding the coordinate noise as each clean point arrives.
class PointSink {
 public:
  PointSink(int n, int classes, float noise, Pcg32& rng) : noise_(noise), rng_(rng) {
    data_.classes = classes;
    data_.x.reserve(static_cast<size_t>(std::max(0, n)) * 2);
    data_.label.reserve(static_cast<size_t>(std::max(0, n)));
  }
  void add(float px, float py, int label) {
    data_.x.push_back(px + noise_ * normal_draw(rng_));
    data_.x.push_back(py + noise_ * normal_draw(rng_));
    data_.label.push_back(label);
  }
  Dataset2D take() { return std::move(data_); }

 private:
  Dataset2D data_;
  float noise_;
  Pcg32& rng_;
};

float random_angle(Pcg32& rng) { return static_cast<float>(2.0 * kPi) * rng.uniform(); }

}  // namespace

Dataset2D make_linear(int n, float noise, Pcg32& rng) {
  // The line normal_x x + normal_y y = 0, with a unit normal.
  constexpr float kNormalX = 0.6f, kNormalY = -0.8f, kMargin = 0.1f;
  PointSink sink(n, 2, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    float px, py, side;
    do {  // rejection sampling: about half the square is on the wanted side
      px = rng.uniform(-1.0f, 1.0f);
      py = rng.uniform(-1.0f, 1.0f);
      side = kNormalX * px + kNormalY * py;
    } while ((label == 1 ? side : -side) < kMargin);
    sink.add(px, py, label);
  }
  return sink.take();
}

Dataset2D make_xor(int n, float noise, Pcg32& rng) {
  constexpr float kAxisGap = 0.05f;
  PointSink sink(n, 2, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    const float sign_x = rng.uniform() < 0.5f ? -1.0f : 1.0f;
    const float sign_y = label == 1 ? sign_x : -sign_x;
    const float px = sign_x * rng.uniform(kAxisGap, 1.0f);
    const float py = sign_y * rng.uniform(kAxisGap, 1.0f);
    sink.add(px, py, label);
  }
  return sink.take();
}

Dataset2D make_circle(int n, float noise, Pcg32& rng) {
  constexpr float kInner = 0.5f, kRingFrom = 0.7f, kRingTo = 1.0f;
  PointSink sink(n, 2, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    // Radius by the square root of a uniform draw: uniform density over the area.
    const float u = rng.uniform();
    const float radius = label == 1 ? kInner * std::sqrt(u)
                                    : std::sqrt(kRingFrom * kRingFrom + (kRingTo * kRingTo - kRingFrom * kRingFrom) * u);
    const SinCos direction = sin_cos(random_angle(rng));
    sink.add(radius * direction.cos, radius * direction.sin, label);
  }
  return sink.take();
}

Dataset2D make_two_gaussians(int n, float noise, Pcg32& rng) {
  constexpr float kCentre = 0.5f, kSpread = 0.25f;
  PointSink sink(n, 2, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    const float centre = label == 1 ? kCentre : -kCentre;
    const float px = centre + kSpread * normal_draw(rng);
    const float py = centre + kSpread * normal_draw(rng);
    sink.add(px, py, label);
  }
  return sink.take();
}

Dataset2D make_spiral(int n, float noise, Pcg32& rng) { return make_k_class_spirals(n, 2, noise, rng); }

Dataset2D make_moons(int n, float noise, Pcg32& rng) {
  PointSink sink(n, 2, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    const SinCos c = sin_cos(kPi * rng.uniform());
    // Upper moon (cos t, sin t) and lower moon (1 - cos t, 0.5 - sin t), t in
    // [0, pi], span [-1, 2] x [-0.5, 1]; centre that box and shrink it by 1.5.
    const float px = label == 0 ? c.cos : 1.0f - c.cos;
    const float py = label == 0 ? c.sin : 0.5f - c.sin;
    sink.add((px - 0.5f) / 1.5f, (py - 0.25f) / 1.5f, label);
  }
  return sink.take();
}

Dataset2D make_k_class_blobs(int n, int classes, float noise, Pcg32& rng) {
  constexpr float kRadius = 0.6f, kSpread = 0.15f;
  classes = std::max(1, classes);
  PointSink sink(n, classes, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % classes;
    const SinCos centre = sin_cos(2.0 * kPi * label / classes + kPi / 4);
    const float px = kRadius * centre.cos + kSpread * normal_draw(rng);
    const float py = kRadius * centre.sin + kSpread * normal_draw(rng);
    sink.add(px, py, label);
  }
  return sink.take();
}

Dataset2D make_k_class_spirals(int n, int classes, float noise, Pcg32& rng) {
  classes = std::max(1, classes);
  PointSink sink(n, classes, noise, rng);
  for (int i = 0; i < n; ++i) {
    const int label = i % classes;
    // Radius grows linearly with the angle along each arm (an Archimedean
    // spiral); fewer turns for more arms keep neighbouring arms as far apart
    // as in the two-arm spiral.
    const double turns = kTwoArmTurns * 2.0 / classes;
    const float t = rng.uniform();
    const SinCos c = sin_cos(2.0 * kPi * (turns * t + static_cast<double>(label) / classes));
    sink.add(t * c.cos, t * c.sin, label);
  }
  return sink.take();
}

const char* dataset_2d_name(Dataset2DKind kind) {
  switch (kind) {
    case Dataset2DKind::Linear: return "linear";
    case Dataset2DKind::Xor: return "xor";
    case Dataset2DKind::Circle: return "circle";
    case Dataset2DKind::TwoGaussians: return "two gaussians";
    case Dataset2DKind::Spiral: return "spiral";
    case Dataset2DKind::Moons: return "moons";
    case Dataset2DKind::Blobs: return "blobs";
    case Dataset2DKind::Spirals: return "spirals";
  }
  return "?";
}

Dataset2D make_dataset_2d(Dataset2DKind kind, int n, float noise, Pcg32& rng, int classes) {
  switch (kind) {
    case Dataset2DKind::Linear: return make_linear(n, noise, rng);
    case Dataset2DKind::Xor: return make_xor(n, noise, rng);
    case Dataset2DKind::Circle: return make_circle(n, noise, rng);
    case Dataset2DKind::TwoGaussians: return make_two_gaussians(n, noise, rng);
    case Dataset2DKind::Spiral: return make_spiral(n, noise, rng);
    case Dataset2DKind::Moons: return make_moons(n, noise, rng);
    case Dataset2DKind::Blobs: return make_k_class_blobs(n, classes, noise, rng);
    case Dataset2DKind::Spirals: return make_k_class_spirals(n, classes, noise, rng);
  }
  return make_xor(n, noise, rng);
}
