// tests/demos/dropout/linear_dropout_identity_test.cpp: the seed notes'
// Baldi-Sadowski identity, E[grad E_D] = grad(E_N + 1/2 sum p(1-p) w^2 x^2),
// checked by sampling, and the per-mask gradient checked against autodiff.
#include "demos/dropout/linear_dropout_identity.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

TEST_CASE("the mean dropout gradient over 20000 masks equals the gradient of the L2-regularised mean unit") {
  for (bool varied : {false, true}) {
    CAPTURE(varied);
    LinearUnitProblem problem = make_linear_unit_problem(8, 4, 0.5, varied, 3);
    Pcg32 rng(11);
    GradientEstimate estimate = mean_thinned_gradient(problem, problem.w, 20000, rng);
    std::vector<double> regularised = regularised_gradient(problem, problem.w);
    std::vector<double> plain = mean_unit_gradient(problem, problem.w);
    std::vector<double> penalty = penalty_gradient(problem, problem.w);
    bool plain_is_rejected = false;
    for (int i = 0; i < problem.inputs; ++i) {
      size_t u = static_cast<size_t>(i);
      CAPTURE(i);
      // Within 4.5 standard errors (a false alarm about once in 150,000 weights)...
      CHECK(std::fabs(estimate.mean[u] - regularised[u]) < 4.5 * estimate.standard_error[u]);
      CHECK(estimate.standard_error[u] < 0.05 * (std::fabs(regularised[u]) + 0.1));
      // ... while the unregularised gradient misses by the penalty term.
      if (std::fabs(estimate.mean[u] - plain[u]) > 8 * estimate.standard_error[u]) plain_is_rejected = true;
      CHECK(regularised[u] - plain[u] == doctest::Approx(penalty[u]));
    }
    CHECK(plain_is_rejected);
  }
}

TEST_CASE("the dropout penalty vanishes for p = 1 and is largest at p = 1/2") {
  double strongest = 0, strongest_p = 0;
  for (double p : {0.1, 0.3, 0.5, 0.7, 0.9, 1.0}) {
    LinearUnitProblem problem = make_linear_unit_problem(8, 4, p, false, 5);
    double size = std::fabs(penalty_gradient(problem, problem.w)[0]);
    if (p == 1.0) CHECK(size == 0.0);
    if (size > strongest) {
      strongest = size;
      strongest_p = p;
    }
  }
  CHECK(strongest_p == 0.5);
}

TEST_CASE("the thinned unit's gradient for one mask matches the tape's gradient of E_D") {
  LinearUnitProblem problem = make_linear_unit_problem(5, 3, 0.5, true, 9);
  Pcg32 rng(2);
  std::vector<double> masks;
  for (int k = 0; k < problem.samples * problem.inputs; ++k) masks.push_back(rng.uniform() < 0.5f ? 1.0 : 0.0);
  std::vector<double> by_hand = thinned_gradient(problem, problem.w, masks);

  // E_D = (1/S) sum_s 1/2 (y_s - (x_s * z_s) . w)^2 on the tape, in float.
  Tape tape;
  Tensor x(Shape{problem.samples, problem.inputs}), y(Shape{problem.samples, 1}), w(Shape{problem.inputs, 1});
  for (int k = 0; k < x.size(); ++k) x[k] = static_cast<float>(problem.x[static_cast<size_t>(k)] * masks[static_cast<size_t>(k)]);
  for (int s = 0; s < problem.samples; ++s) y[s] = static_cast<float>(problem.y[static_cast<size_t>(s)]);
  for (int i = 0; i < problem.inputs; ++i) w[i] = static_cast<float>(problem.w[static_cast<size_t>(i)]);
  Var weights = tape.variable(w);
  Var residual = ops::sub(tape.constant(y), ops::matmul(tape.constant(x), weights));
  Var error = ops::scale(ops::sum(ops::square(residual)), 0.5f / static_cast<float>(problem.samples));
  REQUIRE(tape.backward(error));
  for (int i = 0; i < problem.inputs; ++i)
    CHECK(tape.grad(weights)[i] == doctest::Approx(by_hand[static_cast<size_t>(i)]).epsilon(1e-4));
}

TEST_CASE("the gradient sweep computes every estimate once, then stops") {
  GradientSweep sweep;
  CHECK_FALSE(sweep.advance());
  sweep.start(make_linear_unit_problem(8, 4, 0.5, false, 1), 500, 4, 5, 2.0);
  int units = 0;
  while (sweep.advance()) ++units;
  CHECK(units == 6);  // the per-weight estimate, then five points along w_0
  CHECK(sweep.finished());
  CHECK(sweep.progress() == doctest::Approx(1.0));
  REQUIRE(sweep.along_w0().size() == 5);
  CHECK(sweep.w0_values().front() == doctest::Approx(-2.0));
  CHECK(sweep.w0_values().back() == doctest::Approx(2.0));
}
