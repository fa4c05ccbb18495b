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

TEST_CASE("each update raises y_k (w.x_k + b) of the corrected sample") {
  PerceptronMode demo;
  StateFields fields;
  load(demo, fields, "p_spread=1.0&p_points=50&p_seed=2");
  for (int i = 0; i < 50; ++i) {
    // Score every point before and after; exactly one misclassified point was
    // corrected, and its margin must have grown by rate * (|x|^2 + 1).
    std::vector<float> before;
    for (const auto& p : demo.train_points()) before.push_back(static_cast<float>(p.label) * demo.score(p));
    if (!demo.update_once()) break;
    bool found = false;
    for (size_t k = 0; k < before.size(); ++k) {
      const auto& p = demo.train_points()[k];
      float expected = before[k] + 0.5f * (p.x * p.x + p.y * p.y + 1.0f);
      float after = static_cast<float>(p.label) * demo.score(p);
      if (before[k] <= 0 && after == doctest::Approx(expected).epsilon(1e-4)) found = true;
    }
    CHECK(found);
  }
}

TEST_CASE("a running demo with run=1 trains inside step() and stops on convergence") {
  PerceptronMode demo;
  bool running = true;  // the host demo's `run`
  demo.bind_running(&running);
  StateFields fields;
  load(demo, fields, "p_speed=1000&p_spread=0.2&p_seed=9");
  for (int frame = 0; frame < 200; ++frame) demo.step(StepBudget{1.0 / 60, now_seconds() + 0.01});
  CHECK(demo.steps() > 0);
  CHECK(demo.misclassified_count(demo.train_points()) == 0);
  CHECK_FALSE(running);  // paused itself
}
