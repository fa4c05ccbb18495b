// tests/engine/optim/lbfgs_test.cpp: limited-memory BFGS.
#include "engine/optim/lbfgs.h"

#include <doctest/doctest.h>

#include <cmath>

namespace {

// f = (1 - a)^2 + 100 (b - a^2)^2, minimum 0 at (1, 1).
double rosenbrock(const std::vector<float>& x, std::vector<float>& g) {
  const double a = x[0], b = x[1];
  g[0] = static_cast<float>(-2 * (1 - a) - 400 * a * (b - a * a));
  g[1] = static_cast<float>(200 * (b - a * a));
  return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
}

// f = sum_i c_i (x_i - i / n)^2 with curvatures c_i from 1 to 100 (condition number 100).
double ill_conditioned(const std::vector<float>& x, std::vector<float>& g) {
  const size_t n = x.size();
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    const double c = 1 + 99.0 * static_cast<double>(i) / static_cast<double>(n - 1);
    const double d = x[i] - static_cast<double>(i) / static_cast<double>(n);
    g[i] = static_cast<float>(2 * c * d);
    total += c * d * d;
  }
  return total;
}

}  // namespace

TEST_CASE("L-BFGS finds the Rosenbrock minimum from (-1.2, 1) within 100 iterations") {
  Lbfgs lbfgs({-1.2f, 1.0f}, rosenbrock);
  for (int i = 0; i < 100 && lbfgs.iterate(); ++i) {
  }
  CHECK(lbfgs.loss() < 1e-8);
  CHECK(lbfgs.x()[0] == doctest::Approx(1.0).epsilon(1e-3));
  CHECK(lbfgs.x()[1] == doctest::Approx(1.0).epsilon(1e-3));
  CHECK(lbfgs.evaluations() < 3 * 100);
}

TEST_CASE("L-BFGS solves an ill-conditioned 50-dimensional quadratic far faster than its condition number") {
  std::vector<float> start(50, 3.0f);
  Lbfgs lbfgs(start, ill_conditioned);
  std::vector<float> g(50);
  const double initial = ill_conditioned(start, g);
  for (int i = 0; i < 40; ++i) lbfgs.iterate();
  CHECK(lbfgs.loss() < 1e-8 * initial);
  // The loss never rises: each accepted step passes the Armijo test.
  Lbfgs again(start, ill_conditioned);
  double previous = initial;
  for (int i = 0; i < 20 && again.iterate(); ++i) {
    CHECK(again.loss() <= previous);
    previous = again.loss();
  }
  CHECK(again.history_size() == 10);
}

TEST_CASE("L-BFGS runs are bit-identical for the same start") {
  const auto run = [] {
    Lbfgs lbfgs({-1.2f, 1.0f}, rosenbrock);
    for (int i = 0; i < 30; ++i) lbfgs.iterate();
    return std::make_pair(lbfgs.x(), lbfgs.loss());
  };
  CHECK(run() == run());
}

TEST_CASE("with box bounds L-BFGS stays inside and stops at the bound nearest an outside minimum") {
  // Minimum of sum c_i (x_i - i/n)^2 is at i/n in [0, 0.98]; the box [0.2, 0.5] holds part of it.
  LbfgsOptions options;
  options.lower = 0.2f;
  options.upper = 0.5f;
  Lbfgs lbfgs(std::vector<float>(50, 0.9f), ill_conditioned, options);
  for (int i = 0; i < 60; ++i) {
    lbfgs.iterate();
    for (float v : lbfgs.x()) REQUIRE((v >= 0.2f && v <= 0.5f));
  }
  for (int i = 0; i < 50; ++i) {
    const double target = std::clamp(i / 50.0, 0.2, 0.5);
    CHECK(lbfgs.x()[i] == doctest::Approx(target).epsilon(1e-2).scale(1));
  }
}

TEST_CASE("L-BFGS stops, leaving x alone, at a stationary point or when the loss is not finite") {
  Lbfgs at_minimum({1.0f, 1.0f}, rosenbrock);
  CHECK_FALSE(at_minimum.iterate());
  CHECK(at_minimum.x() == std::vector<float>{1.0f, 1.0f});
  Lbfgs nan_loss({0.5f}, [](const std::vector<float>&, std::vector<float>& g) {
    g[0] = 1;
    return std::nan("");
  });
  CHECK_FALSE(nan_loss.iterate());
  CHECK(nan_loss.x() == std::vector<float>{0.5f});
}
