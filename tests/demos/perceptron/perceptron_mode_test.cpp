// tests/demos/perceptron/perceptron_mode_test.cpp: Rosenblatt's rule as the demo runs it.
#include "demos/perceptron/perceptron_mode.h"

#include <doctest/doctest.h>

#include "app/url_state.h"

namespace {

void load(PerceptronMode& demo, StateFields& fields, const char* hash) {
  demo.declare_state(fields);
  url_state::apply_pairs(url_state::parse_hash(hash).pairs, fields);
  demo.state_loaded();
}

float margin(const PerceptronMode& demo, int k) {
  const auto& p = demo.train_points()[static_cast<size_t>(k)];
  return static_cast<float>(p.label) * demo.score(p);
}

}  // namespace

TEST_CASE("on separable clouds the perceptron rule converges to zero training errors") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "p_spread=0.2&p_points=100&p_seed=5");
  REQUIRE(demo.misclassified_count(demo.train_points()) > 0);  // the default line starts wrong
  int updates = 0;
  while (demo.update_once() && updates < 10000) ++updates;
  CHECK(updates < 10000);
  CHECK(demo.misclassified_count(demo.train_points()) == 0);
  CHECK_FALSE(demo.update_once());  // nothing left to correct
}

TEST_CASE("one Rosenblatt update strictly increases y_k w.x_k of the chosen sample, by rate |x_k|^2") {
  for (const char* hash : {"p_spread=1.0&p_points=50&p_seed=2", "p_data=xor&p_seed=3", "p_rate=0.5&p_spread=1.2"}) {
    CAPTURE(hash);
    PerceptronMode demo;
    StateFields fields;
    load(demo, fields, hash);
    float rate = static_cast<float>(fields.find("p_rate")->value());
    for (int i = 0; i < 50; ++i) {
      std::vector<float> before;
      for (int k = 0; k < static_cast<int>(demo.train_points().size()); ++k) before.push_back(margin(demo, k));
      if (!demo.update_once()) break;
      const PerceptronMode::Update& u = demo.last_update();
      REQUIRE(u.sample >= 0);
      float after = margin(demo, u.sample);
      float norm2 = u.x[0] * u.x[0] + u.x[1] * u.x[1] + u.x[2] * u.x[2];  // |(1, x1, x2)|^2
      CHECK(u.x[0] == 1.0f);
      CHECK(before[static_cast<size_t>(u.sample)] <= 0);  // only a misclassified sample is chosen
      CHECK(after > before[static_cast<size_t>(u.sample)]);
      CHECK(after == doctest::Approx(before[static_cast<size_t>(u.sample)] + rate * norm2).epsilon(1e-4));
      CHECK(u.margin_before == doctest::Approx(before[static_cast<size_t>(u.sample)]));
      CHECK(u.margin_after == doctest::Approx(after));
    }
  }
}

TEST_CASE("the default rule is the notes' w <- w + y_k x_k with the bias folded in as w0") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "");
  CHECK(fields.find("p_rate")->value() == 1.0);
  auto old = demo.weights();
  REQUIRE(demo.update_once());
  const PerceptronMode::Update& u = demo.last_update();
  const auto& p = demo.train_points()[static_cast<size_t>(u.sample)];
  float y = static_cast<float>(p.label);
  auto w = demo.weights();
  CHECK(w[0] == doctest::Approx(old[0] + y));  // x0 = 1
  CHECK(w[1] == doctest::Approx(old[1] + y * p.x));
  CHECK(w[2] == doctest::Approx(old[2] + y * p.y));
  CHECK(u.delta[0] == doctest::Approx(y));
}

TEST_CASE("the old URL keys p_w1, p_w2 and p_b still set the weights (p_b is w0)") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "p_w1=2&p_w2=-1.5&p_b=0.25");
  auto w = demo.weights();
  CHECK(w[0] == 0.25f);
  CHECK(w[1] == 2.0f);
  CHECK(w[2] == -1.5f);
}

TEST_CASE("XOR data puts four clusters at the corners, labelled +1 where exactly one coordinate is positive") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "p_data=xor&p_points=80");
  REQUIRE(demo.xor_data());
  int per_quadrant[2][2] = {};
  for (const auto& p : demo.train_points()) {
    CHECK(p.label == ((p.x > 0) != (p.y > 0) ? 1 : -1));
    ++per_quadrant[p.x > 0][p.y > 0];
  }
  for (auto& column : per_quadrant)
    for (int count : column) CHECK(count >= 10);
}

TEST_CASE("on XOR the rule never converges: still misclassifying after 10000 updates") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "p_data=xor&p_seed=4");
  for (int i = 0; i < 10000; ++i) REQUIRE(demo.update_once());
  CHECK(demo.misclassified_count(demo.train_points()) > 0);
  CHECK(demo.steps() == 10000);
}

TEST_CASE("a running demo with run=1 trains inside step() and stops on convergence") {
  PerceptronMode demo;
  bool running = true;  // the host demo's `run`
  demo.bind_running(&running);
  StateFields fields;
  load(demo, fields, "p_speed=1000&p_spread=0.2&p_seed=9");
  for (int frame = 0; frame < 200; ++frame) demo.step(StepBudget::for_checks(1000));
  CHECK(demo.steps() > 0);
  CHECK(demo.misclassified_count(demo.train_points()) == 0);
  CHECK_FALSE(running);  // paused itself
}
