// tests/demos/activations_test.cpp: derivatives against finite differences.
#include "demos/activations/activations.h"

#include <doctest/doctest.h>

#include <cmath>

TEST_CASE("activation derivatives match central finite differences") {
  for (int a = 0; a <= static_cast<int>(Activation::Linear); ++a) {
    Activation fn = static_cast<Activation>(a);
    for (double x = -4.05; x < 4.0; x += 0.3) {  // avoids the ReLU kink at exactly 0
      CAPTURE(a);
      CAPTURE(x);
      const double h = 1e-3;
      double numeric = (activation_value(fn, static_cast<float>(x + h)) - activation_value(fn, static_cast<float>(x - h))) / (2 * h);
      CHECK(activation_derivative(fn, static_cast<float>(x)) == doctest::Approx(numeric).epsilon(2e-3));
    }
  }
}

TEST_CASE("known values: sigmoid(0) = 1/2, tanh is odd, ReLU clips, GELU(x) ~ x for large x") {
  CHECK(activation_value(Activation::Sigmoid, 0) == doctest::Approx(0.5));
  CHECK(activation_derivative(Activation::Sigmoid, 0) == doctest::Approx(0.25));
  CHECK(activation_value(Activation::Tanh, -1.3f) == doctest::Approx(-activation_value(Activation::Tanh, 1.3f)));
  CHECK(activation_value(Activation::Relu, -2) == 0);
  CHECK(activation_value(Activation::Relu, 2) == 2);
  CHECK(activation_value(Activation::Gelu, 6) == doctest::Approx(6).epsilon(1e-4));
  CHECK(activation_value(Activation::Gelu, -6) == doctest::Approx(0).epsilon(1e-4));
}
