// tests/engine/optim/sgd_test.cpp: SGD, momentum, Nesterov and the optimizer
// interface (zero_grad, steps, learning-rate schedule).
#include "engine/optim/sgd.h"

#include <doctest/doctest.h>

#include "tests/engine/optim/quadratic.h"

TEST_CASE("sgd, momentum and nesterov each decrease a quadratic loss and converge to its minimum") {
  struct Config {
    const char* name;
    float momentum;
    bool nesterov;
  };
  for (Config config : {Config{"plain", 0.0f, false}, Config{"momentum", 0.9f, false}, Config{"nesterov", 0.9f, true}}) {
    CAPTURE(config.name);
    Quadratic problem;
    Parameter p = problem.start();
    Sgd sgd({&p}, 0.1f, config.momentum, config.nesterov);
    float first_loss = 0, loss = 0;
    for (int step = 0; step < 400; ++step) {
      sgd.zero_grad();
      loss = problem.loss_and_gradient(p);
      if (step == 0) first_loss = loss;
      sgd.step();
    }
    CHECK(first_loss > 1.0f);
    CHECK(problem.loss_and_gradient(p) < 1e-8f);
    CHECK(problem.distance_to_minimum(p) < 1e-4f);
    CHECK(sgd.steps == 400);
  }
}

TEST_CASE("plain sgd moves each parameter by -learning rate * gradient") {
  Parameter p("p", Tensor::from({2}, {1.0f, -1.0f}));
  p.grad.copy_from(Tensor::from({2}, {0.5f, -2.0f}));
  Sgd sgd({&p}, 0.1f);
  sgd.step();
  CHECK(p.value[0] == doctest::Approx(0.95f));
  CHECK(p.value[1] == doctest::Approx(-0.8f));
}

TEST_CASE("momentum follows PyTorch: b = mu b + g, step lr b; nesterov steps lr (g + mu b)") {
  // With a constant gradient of 1 and mu = 0.9: b = 1, then 1.9.
  Parameter classical("classical", Tensor(Shape{1}));
  Parameter nesterov("nesterov", Tensor(Shape{1}));
  Sgd heavy_ball({&classical}, 0.1f, 0.9f, false);
  Sgd lookahead({&nesterov}, 0.1f, 0.9f, true);
  classical.grad[0] = nesterov.grad[0] = 1.0f;
  heavy_ball.step();
  lookahead.step();
  CHECK(classical.value[0] == doctest::Approx(-0.1));   // -lr * 1
  CHECK(nesterov.value[0] == doctest::Approx(-0.19));   // -lr * (1 + 0.9 * 1)
  heavy_ball.step();
  lookahead.step();
  CHECK(classical.value[0] == doctest::Approx(-0.1 - 0.19));    // -lr * 1.9
  CHECK(nesterov.value[0] == doctest::Approx(-0.19 - 0.271));   // -lr * (1 + 0.9 * 1.9)
}

TEST_CASE("the schedule hook sets the learning rate of each step") {
  Parameter p("p", Tensor(Shape{1}));
  Sgd sgd({&p}, 0.1f);
  sgd.schedule = [](int step) { return step == 0 ? 1.0f : 0.25f; };
  CHECK(sgd.current_learning_rate() == 1.0f);
  p.grad[0] = 1.0f;
  sgd.step();
  CHECK(p.value[0] == doctest::Approx(-1.0));
  CHECK(sgd.current_learning_rate() == 0.25f);
  sgd.step();
  CHECK(p.value[0] == doctest::Approx(-1.25));
  sgd.schedule = nullptr;  // back to the fixed rate
  sgd.step();
  CHECK(p.value[0] == doctest::Approx(-1.35));
  CHECK(sgd.steps == 3);
}

TEST_CASE("zero_grad clears every parameter's gradient") {
  Parameter a("a", Tensor(Shape{2})), b("b", Tensor(Shape{3}));
  a.grad.fill(2.0f);
  b.grad.fill(-1.0f);
  Sgd sgd({&a, &b});
  sgd.zero_grad();
  for (const Parameter* p : {&a, &b})
    for (int i = 0; i < p->grad.size(); ++i) CHECK(p->grad[i] == 0.0f);
}
