// tests/engine/optim/adam_test.cpp: Adam (Kingma & Ba 2015).
#include "engine/optim/adam.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/optim/sgd.h"
#include "tests/engine/optim/quadratic.h"

TEST_CASE("adam's first step moves every parameter by about the learning rate, whatever the gradient's scale") {
  // Bias correction: m_hat = g and v_hat = g^2 on step 1, so the step is lr * g / |g|.
  Parameter p("p", Tensor(Shape{4}));
  p.grad.copy_from(Tensor::from({4}, {1e-3f, -5.0f, 100.0f, 0.2f}));
  Adam adam({&p}, 0.01f);
  adam.step();
  CHECK(p.value[0] == doctest::Approx(-0.01).epsilon(1e-4));
  CHECK(p.value[1] == doctest::Approx(0.01).epsilon(1e-4));
  CHECK(p.value[2] == doctest::Approx(-0.01).epsilon(1e-4));
  CHECK(p.value[3] == doctest::Approx(-0.01).epsilon(1e-4));
}

TEST_CASE("adam's second step matches Algorithm 1 computed by hand") {
  const double beta1 = 0.9, beta2 = 0.999, lr = 0.1, g1 = 2.0, g2 = -1.0;
  Parameter p("p", Tensor(Shape{1}));
  Adam adam({&p}, 0.1f);
  p.grad[0] = static_cast<float>(g1);
  adam.step();
  p.grad[0] = static_cast<float>(g2);
  adam.step();
  const double m = beta1 * (1 - beta1) * g1 + (1 - beta1) * g2;
  const double v = beta2 * (1 - beta2) * g1 * g1 + (1 - beta2) * g2 * g2;
  const double second = lr * (m / (1 - beta1 * beta1)) / (std::sqrt(v / (1 - beta2 * beta2)) + 1e-8);
  CHECK(p.value[0] == doctest::Approx(-lr - second).epsilon(1e-5));
  CHECK(adam.steps == 2);
}

TEST_CASE("adam decreases a quadratic loss and converges near its minimum") {
  Quadratic problem;
  Parameter p = problem.start();
  Adam adam({&p}, 0.05f);
  float first_loss = 0;
  for (int step = 0; step < 1000; ++step) {
    adam.zero_grad();
    float loss = problem.loss_and_gradient(p);
    if (step == 0) first_loss = loss;
    adam.step();
  }
  CHECK(first_loss > 1.0f);
  CHECK(problem.loss_and_gradient(p) < 1e-4f);
  CHECK(problem.distance_to_minimum(p) < 1e-2f);
}

TEST_CASE("adam follows the schedule hook") {
  Parameter p("p", Tensor(Shape{1}));
  Adam adam({&p}, 0.01f);
  adam.schedule = [](int) { return 0.5f; };
  p.grad[0] = 3.0f;
  adam.step();
  CHECK(p.value[0] == doctest::Approx(-0.5).epsilon(1e-4));
}

TEST_CASE("adam and sgd with momentum restart the state of a parameter whose shape changed, reading nothing past it") {
  // A layer widened between steps: its moments start over at its new size
  // (under ASan a stale, smaller moment buffer would be an overflow).
  Parameter p("p", Tensor(Shape{2}));
  Parameter q("q", Tensor(Shape{2}));
  Adam adam({&p}, 0.1f);
  Sgd sgd({&q}, 0.1f, 0.9f);
  p.grad.copy_from(Tensor::from({2}, {1, 1}));
  q.grad.copy_from(Tensor::from({2}, {1, 1}));
  adam.step();
  sgd.step();
  for (Parameter* r : {&p, &q}) {
    r->value = Tensor(Shape{5});
    r->grad = Tensor::from({5}, {1, -1, 2, -2, 0.5f});
  }
  adam.step();
  sgd.step();
  // A fresh first step: Adam moves each weight by -lr * sign(g); SGD's velocity starts at g.
  const std::vector<float> adam_expected{-0.1f, 0.1f, -0.1f, 0.1f, -0.1f}, sgd_expected{-0.1f, 0.1f, -0.2f, 0.2f, -0.05f};
  for (int i = 0; i < 5; ++i) {
    CHECK(p.value[i] == doctest::Approx(adam_expected[static_cast<size_t>(i)]).epsilon(1e-5));
    CHECK(q.value[i] == doctest::Approx(sgd_expected[static_cast<size_t>(i)]).epsilon(1e-6));
  }
}
