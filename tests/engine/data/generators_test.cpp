// tests/engine/data/generators_test.cpp: the 2-D toy data sets.
#include "engine/data/generators.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

std::vector<Dataset2DKind> all_kinds() {
  std::vector<Dataset2DKind> kinds;
  for (int k = 0; k < kDataset2DKindCount; ++k) kinds.push_back(static_cast<Dataset2DKind>(k));
  return kinds;
}

Dataset2D generate(Dataset2DKind kind, int n, float noise, uint64_t seed, int classes = 4) {
  Pcg32 rng(seed);
  return make_dataset_2d(kind, n, noise, rng, classes);
}

float radius(const Dataset2D& d, int i) { return std::sqrt(d.x[2 * i] * d.x[2 * i] + d.x[2 * i + 1] * d.x[2 * i + 1]); }

}  // namespace

TEST_CASE("every generator returns n points with balanced labels in range") {
  for (Dataset2DKind kind : all_kinds()) {
    CAPTURE(dataset_2d_name(kind));
    const Dataset2D d = generate(kind, 101, 0.1f, 1);
    const bool k_class = kind == Dataset2DKind::Blobs || kind == Dataset2DKind::Spirals;
    CHECK(d.classes == (k_class ? 4 : 2));
    CHECK(d.size() == 101);
    REQUIRE(d.x.size() == 202);
    std::vector<int> count(static_cast<size_t>(d.classes));
    for (int label : d.label) {
      REQUIRE(label >= 0);
      REQUIRE(label < d.classes);
      ++count[label];
    }
    for (int c : count) CHECK(std::abs(c - 101 / d.classes) <= 1);
    for (float v : d.x) {
      CHECK(std::isfinite(v));
      CHECK(std::fabs(v) < 2.0f);
    }
  }
}

TEST_CASE("generators are deterministic for a seed and differ between seeds") {
  for (Dataset2DKind kind : all_kinds())
    for (float noise : {0.0f, 0.2f}) {
      CAPTURE(dataset_2d_name(kind));
      CAPTURE(noise);
      const Dataset2D a = generate(kind, 40, noise, 7), b = generate(kind, 40, noise, 7), c = generate(kind, 40, noise, 8);
      CHECK(a.x == b.x);
      CHECK(a.label == b.label);
      CHECK(a.x != c.x);
    }
}

TEST_CASE("xor labels match the sign of x*y when noise is 0") {
  const Dataset2D d = generate(Dataset2DKind::Xor, 200, 0.0f, 3);
  for (int i = 0; i < d.size(); ++i) {
    const float product = d.x[2 * i] * d.x[2 * i + 1];
    CHECK(product != 0.0f);
    CHECK(d.label[i] == (product > 0 ? 1 : 0));
  }
}

TEST_CASE("noise-free circle, linear and spiral points follow their shapes") {
  const Dataset2D circle = generate(Dataset2DKind::Circle, 200, 0.0f, 4);
  for (int i = 0; i < circle.size(); ++i) {
    if (circle.label[i] == 1) CHECK(radius(circle, i) <= 0.5f + 1e-6f);
    else CHECK((radius(circle, i) >= 0.7f - 1e-6f && radius(circle, i) <= 1.0f + 1e-6f));
  }
  const Dataset2D line = generate(Dataset2DKind::Linear, 200, 0.0f, 5);
  for (int i = 0; i < line.size(); ++i) {
    const float side = 0.6f * line.x[2 * i] - 0.8f * line.x[2 * i + 1];
    CHECK((line.label[i] == 1 ? side : -side) >= 0.1f - 1e-6f);
  }
  // On each of k = 3 arms the radius t and the angle 2 pi (3.5 / k t + arm / k) agree.
  Pcg32 rng(6);
  const Dataset2D spirals = make_k_class_spirals(120, 3, 0.0f, rng);
  for (int i = 0; i < spirals.size(); ++i) {
    const double t = radius(spirals, i), expected = 2 * 3.14159265358979 * (3.5 / 3 * t + spirals.label[i] / 3.0);
    CHECK(std::cos(expected) * t == doctest::Approx(spirals.x[2 * i]).epsilon(1e-4).scale(1));
    CHECK(std::sin(expected) * t == doctest::Approx(spirals.x[2 * i + 1]).epsilon(1e-4).scale(1));
  }
}

TEST_CASE("raising the noise moves the same points a little without relabelling them") {
  for (Dataset2DKind kind : all_kinds()) {
    CAPTURE(dataset_2d_name(kind));
    const Dataset2D clean = generate(kind, 60, 0.0f, 9), noisy = generate(kind, 60, 0.01f, 9);
    CHECK(clean.label == noisy.label);
    double largest_shift = 0;
    for (size_t i = 0; i < clean.x.size(); ++i)
      largest_shift = std::max(largest_shift, static_cast<double>(std::fabs(clean.x[i] - noisy.x[i])));
    CHECK(largest_shift > 0);
    CHECK(largest_shift < 0.1);
  }
}

TEST_CASE("odd arguments give empty or clamped data sets, not crashes") {
  Pcg32 rng(10);
  CHECK(make_xor(0, 0.1f, rng).size() == 0);
  CHECK(make_moons(-5, 0.1f, rng).size() == 0);
  const Dataset2D one_class = make_k_class_blobs(5, 0, 0.1f, rng);
  CHECK(one_class.classes == 1);
  for (int label : one_class.label) CHECK(label == 0);
}
