// tests/demos/perceptron/relu_mode_test.cpp: a sum of ReLU units, fitted by hand and by Adam.
#include "demos/perceptron/relu_mode.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "app/url_state.h"

namespace {

void load(ReluMode& mode, StateFields& fields, const char* hash) {
  mode.declare_state(fields);
  fields.reset_all();
  url_state::apply_pairs(url_state::parse_hash(hash).pairs, fields);
  mode.state_loaded();
}

float relu(float v) { return v > 0 ? v : 0.0f; }

// The notes' six units as a hash, and Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 written out by hand.
const char* const kNotesHash =
    "r_units=6&r_c=0&r_a0=-1&r_w0=-2&r_b0=-3&r_a1=-1&r_w1=2&r_b1=1&r_a2=-1&r_w2=-1&r_b2=2.5"
    "&r_a3=1&r_w3=1&r_b3=2.5&r_a4=1&r_w4=-2&r_b4=1&r_a5=1&r_w5=2&r_b5=-3";
float notes_by_hand(float x) {
  return -relu(-2 * x - 3) - relu(2 * x + 1) - relu(-x + 2.5f) + relu(x + 2.5f) + relu(-2 * x + 1) + relu(2 * x - 3);
}

bool all_units_finite(const ReluMode& mode) {
  for (int i = 0; i < ReluMode::kMaxUnits; ++i) {
    const ReluMode::Unit& u = mode.unit(i);
    if (!std::isfinite(u.a) || !std::isfinite(u.w) || !std::isfinite(u.b)) return false;
  }
  return std::isfinite(mode.offset());
}

}  // namespace

TEST_CASE("the sum of the notes' six units equals Z(x) computed by hand, and is the notes target") {
  ReluMode mode;
  StateFields fields;
  load(mode, fields, kNotesHash);
  for (float x : {-3.0f, -2.2f, -1.5f, -0.7f, 0.0f, 0.3f, 1.1f, 2.0f, 2.75f, 3.0f}) {
    CAPTURE(x);
    CHECK(mode.evaluate(x) == doctest::Approx(notes_by_hand(x)).epsilon(1e-6));
    CHECK(mode.evaluate(x) == doctest::Approx(ReluMode::target_value(ReluMode::Target::Notes, x)).epsilon(1e-6));
  }
  CHECK(mode.loss() < 1e-10f);  // the default target is "notes"
  // Unit 2 alone: a ReLU(w x + b) with its kink at -b / w = -0.5.
  CHECK(mode.unit_output(1, -0.5f) == 0.0f);
  CHECK(mode.unit_output(1, 0.5f) == doctest::Approx(-2.0f));
}

TEST_CASE("the sine, abs, step and parabola targets are the documented formulas") {
  using T = ReluMode::Target;
  for (float x : {-3.0f, -1.7f, -0.2f, 0.0f, 0.9f, 2.4f, 3.0f}) {
    CAPTURE(x);
    CHECK(ReluMode::target_value(T::Sine, x) == doctest::Approx(1.5 * std::sin(1.5 * x)).epsilon(1e-6));
    CHECK(ReluMode::target_value(T::Abs, x) == doctest::Approx(std::fabs(x) - 1.5f));
    CHECK(ReluMode::target_value(T::Step, x) == (x < 0 ? -1.0f : 1.0f));
    CHECK(ReluMode::target_value(T::Parabola, x) == doctest::Approx(x * x / 3 - 1.5f));
  }
}

TEST_CASE("the default units follow the notes' signs -,-,-,+,+,+ and the extra units start flat") {
  ReluMode mode;
  StateFields fields;
  load(mode, fields, "");
  CHECK(mode.units() == 6);
  for (int i = 0; i < 3; ++i) CHECK(mode.unit(i).a == -1.0f);
  for (int i = 3; i < 6; ++i) CHECK(mode.unit(i).a == 1.0f);
  for (int i = 6; i < ReluMode::kMaxUnits; ++i) CHECK(mode.unit(i).a == 0.0f);
  CHECK(mode.loss() > 0.1f);  // the start is not yet the target
}

TEST_CASE("Adam fits the notes target from the default start to near-zero loss and writes the units back") {
  ReluMode mode;
  StateFields fields;
  load(mode, fields, "r_target=notes");
  float start = mode.loss();
  int steps = 0;
  while (mode.loss() > 1e-4f && steps < 3000) {
    REQUIRE(mode.train_step());
    ++steps;
  }
  CAPTURE(steps);
  CHECK(mode.loss() < 1e-4f);
  CHECK(mode.loss() < start * 1e-3f);
  CHECK(mode.steps() == steps);
  // The URL fields are the trained values, not the defaults.
  CHECK(fields.find("r_a0")->value() == static_cast<double>(mode.unit(0).a));
  CHECK(fields.find("r_b5")->value() == static_cast<double>(mode.unit(5).b));
  CHECK(fields.find("r_w2")->value() != fields.find("r_w2")->default_value);
  // And they survive the trip through the URL hash.
  std::string hash = url_state::encode_state("perceptron", fields);
  ReluMode reloaded;
  StateFields reloaded_fields;
  load(reloaded, reloaded_fields, hash.c_str());
  CHECK(reloaded.loss() == mode.loss());
}

TEST_CASE("each target is fitted better after training than at the start") {
  for (const char* target : {"sine", "abs", "step", "parabola"}) {
    CAPTURE(target);
    ReluMode mode;
    StateFields fields;
    load(mode, fields, (std::string("r_target=") + target).c_str());
    float start = mode.loss();
    for (int i = 0; i < 300; ++i) REQUIRE(mode.train_step());
    CHECK(mode.loss() < 0.2f * start);
  }
}

TEST_CASE("training from a random start with a fixed seed is deterministic") {
  ReluMode first, second, other;
  StateFields f1, f2, f3;
  load(first, f1, "r_seed=42&r_units=9&r_target=sine");
  load(second, f2, "r_seed=42&r_units=9&r_target=sine");
  load(other, f3, "r_seed=43&r_units=9&r_target=sine");
  first.randomize_units();
  second.randomize_units();
  other.randomize_units();
  CHECK(first.unit(0).a != other.unit(0).a);
  for (int i = 0; i < 200; ++i) {
    first.train_step();
    second.train_step();
  }
  for (int i = 0; i < ReluMode::kMaxUnits; ++i) {
    CAPTURE(i);
    CHECK(first.unit(i).a == second.unit(i).a);
    CHECK(first.unit(i).w == second.unit(i).w);
    CHECK(first.unit(i).b == second.unit(i).b);
  }
  CHECK(first.offset() == second.offset());
  CHECK(first.loss() == second.loss());
}

TEST_CASE("a huge learning rate is caught as divergence: the run stops and the units stay finite") {
  ReluMode mode;
  bool running = true;  // the host demo's `run`
  mode.bind_running(&running);
  StateFields fields;
  load(mode, fields, "r_rate=1000000&r_speed=100000");
  float a0 = mode.unit(0).a, w3 = mode.unit(3).w, b5 = mode.unit(5).b;
  for (int frame = 0; frame < 10; ++frame) mode.step(StepBudget::for_checks(50));
  CHECK(mode.diverged());
  CHECK_FALSE(running);
  CHECK(all_units_finite(mode));
  CHECK(std::isfinite(mode.loss()));
  // The last finite units are the ones the user had.
  CHECK(mode.unit(0).a == a0);
  CHECK(mode.unit(3).w == w3);
  CHECK(mode.unit(5).b == b5);
  DemoReport report;
  mode.report(report);
  bool reported = false;
  for (const auto& [key, value] : report.numbers)
    if (key == "diverged") reported = value == 1.0;
  CHECK(reported);

  // Resetting the training with a sane rate trains again.
  mode.reset_training();
  fields.find("r_rate")->set(0.02);
  CHECK(mode.train_step());
  CHECK_FALSE(mode.diverged());
}

TEST_CASE("a running fit trains inside step() within the frame budget and counts its steps") {
  ReluMode mode;
  bool running = true;
  mode.bind_running(&running);
  StateFields fields;
  load(mode, fields, "r_speed=600");
  float start = mode.loss();
  for (int frame = 0; frame < 30; ++frame) mode.step(StepBudget::for_checks(50));
  CHECK(mode.steps() > 0);
  CHECK(mode.steps() <= 300);  // 600 steps per second for half a second
  CHECK(mode.loss() < start);
  CHECK(running);
}

TEST_CASE("dragging a kink moves it sideways and makes the unit's value one unit past it follow the mouse") {
  for (ReluMode::Unit start : {ReluMode::Unit{-1, 2, 1}, ReluMode::Unit{0.5f, -0.5f, 1}}) {
    CAPTURE(start.w);
    ReluMode::Unit moved = ReluMode::dragged(start, 0.75f, 0.4f);
    float start_kink = -start.b / start.w, kink = -moved.b / moved.w;
    CHECK(moved.w == start.w);
    CHECK(kink == doctest::Approx(start_kink + 0.75f));
    float side = start.w > 0 ? 1.0f : -1.0f;  // the sloped side of the hinge
    auto value = [](const ReluMode::Unit& u, float x) { return u.a * relu(u.w * x + u.b); };
    CHECK(value(moved, kink + side) == doctest::Approx(value(start, start_kink + side) + 0.4f));
    CHECK(value(moved, kink - side) == 0.0f);  // the flat side stays flat
  }
}
