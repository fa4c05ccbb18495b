// tests/engine/tensor_test.cpp: shapes, views, initialisation.
#include "engine/tensor.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "engine/det_math.h"
#include "engine/init.h"

TEST_CASE("a shape knows its size and prints itself") {
  Shape s{2, 3, 4};
  CHECK(s.rank == 3);
  CHECK(s.size() == 24);
  CHECK(s.str() == "[2, 3, 4]");
  CHECK(Shape{}.size() == 1);
  CHECK(Shape{2, 3} != Shape{3, 2});
  CHECK_FALSE(Shape{2, 0}.valid());
}

TEST_CASE("reshaped and rows are views that share storage") {
  Tensor t = Tensor::from({2, 3}, {1, 2, 3, 4, 5, 6});
  Tensor flat = t.reshaped({6});
  Tensor second = t.rows(1, 2);
  CHECK(flat.shares_storage_with(t));
  CHECK(second.shape() == Shape{1, 3});
  CHECK(second[0] == 4);
  second[2] = 60;
  CHECK(t[5] == 60);  // written through the view
  Tensor copy = t.clone();
  copy[0] = -1;
  CHECK(t[0] == 1);
  CHECK_FALSE(copy.shares_storage_with(t));
}

TEST_CASE("assigning over a tensor recycles its small buffer, as destroying it does") {
  Tensor a(Shape{37}, 1.0f);
  Tensor b(Shape{37}, 2.0f);
  const long held = tensor_floats_allocated();
  a = Tensor();  // a's buffer goes to the pool...
  Tensor c(Shape{37}, 5.0f);  // ...and is handed out again
  CHECK(tensor_floats_allocated() == held);
  CHECK(c[36] == 5.0f);
  b = c;  // b shares c's buffer; b's old one is pooled
  Tensor d(Shape{37});
  CHECK(tensor_floats_allocated() == held);
  CHECK(b.shares_storage_with(c));
  CHECK(d[0] == 0.0f);
}

TEST_CASE("the deterministic log matches libm to double precision") {
  for (double x : {1e-30, 1e-5, 0.1, 0.5, 0.7071, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e30}) {
    CAPTURE(x);
    CHECK(det_math::log(x) == doctest::Approx(std::log(x)).epsilon(1e-13));
  }
}

TEST_CASE("the deterministic log follows IEEE 754 at 0, infinity, negatives, NaN and subnormals, as libm does") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(det_math::log(0.0) == -inf);
  CHECK(det_math::log(-0.0) == -inf);
  CHECK(det_math::log(inf) == inf);
  CHECK(std::isnan(det_math::log(-1.0)));
  CHECK(std::isnan(det_math::log(-inf)));
  CHECK(std::isnan(det_math::log(std::nan(""))));
  CHECK(det_math::log(1.0) == 0.0);
  for (double x : {std::numeric_limits<double>::denorm_min(), 1e-310, std::numeric_limits<double>::min(),
                   std::numeric_limits<double>::max()}) {
    CAPTURE(x);
    CHECK(det_math::log(x) == doctest::Approx(std::log(x)).epsilon(1e-13));
  }
}

TEST_CASE("the deterministic sin and cos match libm in every quadrant, and give NaN for infinities") {
  for (double x = -1000.0; x <= 1000.0; x += 0.37) {
    CAPTURE(x);
    const det_math::SinCos sc = det_math::sin_cos(x);
    CHECK(std::fabs(sc.sin - std::sin(x)) < 1e-14);
    CHECK(std::fabs(sc.cos - std::cos(x)) < 1e-14);
    CHECK(det_math::sin(x) == sc.sin);
  }
  CHECK(det_math::sin(0.0) == 0.0);
  CHECK(std::isnan(det_math::sin(std::numeric_limits<double>::infinity())));
  CHECK(std::isnan(det_math::sin_cos(-std::numeric_limits<double>::infinity()).cos));
  CHECK(std::isnan(det_math::sin(std::nan(""))));
}

TEST_CASE("the deterministic exp matches libm to double precision, with its limits") {
  for (double x : {-745.0, -700.0, -87.3, -10.0, -1.0, -0.3466, -1e-9, 0.0, 1e-9, 0.3466, 0.5, 1.0, 2.302585, 20.0,
                   88.7, 700.0, 709.7}) {
    CAPTURE(x);
    CHECK(det_math::exp(x) == doctest::Approx(std::exp(x)).epsilon(1e-14));
  }
  CHECK(det_math::exp(0.0) == 1.0);
  CHECK(det_math::exp(-800.0) == 0.0);
  CHECK(std::isinf(det_math::exp(800.0)));
  CHECK(std::isnan(det_math::exp(std::nan(""))));
  CHECK(det_math::log(det_math::exp(3.25)) == doctest::Approx(3.25).epsilon(1e-14));
}

TEST_CASE("Gaussian draws have mean 0 and variance 1") {
  Pcg32 rng(5);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    double x = normal_draw(rng);
    sum += x;
    sum2 += x * x;
  }
  CHECK(sum / n == doctest::Approx(0).epsilon(0.01));
  CHECK(sum2 / n == doctest::Approx(1).epsilon(0.01));
}

TEST_CASE("Glorot and He initialisers have the variances their papers derive") {
  Pcg32 rng(9);
  Tensor w(Shape{400, 300});
  glorot_uniform(w, rng, 400, 300);
  double var = 0;
  for (int i = 0; i < w.size(); ++i) var += static_cast<double>(w[i]) * w[i];
  CHECK(var / w.size() == doctest::Approx(2.0 / 700).epsilon(0.03));  // Var U(-a, a) = a^2 / 3
  he_normal(w, rng, 400);
  var = 0;
  for (int i = 0; i < w.size(); ++i) var += static_cast<double>(w[i]) * w[i];
  CHECK(var / w.size() == doctest::Approx(2.0 / 400).epsilon(0.03));
}

TEST_CASE("the same seed initialises the same weights") {
  Tensor a(Shape{5, 5}), b(Shape{5, 5});
  Pcg32 r1(3), r2(3);
  he_normal(a, r1, 5);
  he_normal(b, r2, 5);
  for (int i = 0; i < 25; ++i) CHECK(a[i] == b[i]);
}
