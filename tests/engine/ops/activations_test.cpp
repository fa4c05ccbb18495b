// tests/engine/ops/activations_test.cpp: the scalar activation maths and the ops.
#include "engine/ops/activations.h"

#include <doctest/doctest.h>

#include <cmath>

#include "tests/engine/gradcheck.h"

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

TEST_CASE("activation ops' gradients match finite differences") {
  for (int a = 0; a <= static_cast<int>(Activation::Linear); ++a) {
    CAPTURE(a);
    // Inputs away from ReLU's kink at 0, where the derivative jumps.
    Tensor x = random_tensor({4, 6}, 11, 0.05f, 2.0f);
    for (int i = 0; i < x.size(); i += 2) x[i] = -x[i];
    GradCheckResult r = gradcheck(
        [a](Tape&, const std::vector<Var>& v) { return ops::activate(v[0], static_cast<Activation>(a)); }, {x},
        {.step = 1e-3f});
    CHECK_MESSAGE(r.ok, r.report);
  }
}

TEST_CASE("sigmoid stays finite for huge inputs") {
  CHECK(activation_value(Activation::Sigmoid, -1e4f) == 0.0f);
  CHECK(activation_value(Activation::Sigmoid, 1e4f) == 1.0f);
}
