// tests/demos/perceptron/gates_mode_test.cpp: the logic-gates mode, from the
// notes' single units to XOR learned by a 2-2-1 network.
#include "demos/perceptron/gates_mode.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "app/url_state.h"

namespace {

void load(GatesMode& mode, StateFields& fields, const char* hash) {
  mode.declare_state(fields);
  url_state::apply_pairs(url_state::parse_hash(hash).pairs, fields);
  mode.state_loaded();
}

std::map<std::string, double> reported(const GatesMode& mode) {
  DemoReport report;
  mode.report(report);
  return {report.numbers.begin(), report.numbers.end()};
}

// Frames of 1/60 s until the learned network gets all four rows or `max_frames` pass.
void run_frames(GatesMode& mode, int max_frames) {
  for (int frame = 0; frame < max_frames && mode.learner().rows_correct() < 4; ++frame)
    mode.step(StepBudget::for_checks(50));
}

}  // namespace

TEST_CASE("by default the mode shows OR with the notes' weights, right on all four rows") {
  GatesMode mode;
  StateFields fields;
  load(mode, fields, "");
  CHECK(mode.gate() == Gate::Or);
  CHECK(mode.unit().w0 == -2.0f);
  CHECK(mode.unit().w1 == 3.0f);
  CHECK(mode.unit().w2 == 3.0f);
  CHECK(mode.shown_rows_correct() == 4);
  CHECK(reported(mode)["test_accuracy"] == 1.0);
}

TEST_CASE("each gate's notes weights from the URL classify its truth table") {
  for (const char* hash : {"g_gate=OR&g_w0=-2&g_w1=3&g_w2=3", "g_gate=AND&g_w0=-4&g_w1=3&g_w2=3",
                           "g_gate=NAND&g_w0=4&g_w1=-3&g_w2=-3"}) {
    CAPTURE(hash);
    GatesMode mode;
    StateFields fields;
    load(mode, fields, hash);
    CHECK(rows_correct(notes_weights(mode.gate()), mode.gate()) == 4);
    CHECK(mode.shown_rows_correct() == 4);
  }
}

TEST_CASE("for XOR one line gets three rows, the hand-built AND(OR, NAND) all four") {
  GatesMode mode;
  StateFields fields;
  load(mode, fields, "g_gate=XOR&g_xor=line");
  CHECK(mode.shown() == GatesMode::Shown::SingleUnit);
  CHECK(reported(mode)["test_accuracy"] == 0.75);
  CHECK(reported(mode)["train_loss"] == 0.0);  // nothing is learning

  load(mode, fields, "g_gate=XOR&g_xor=by_hand");
  CHECK(mode.shown() == GatesMode::Shown::HandBuilt);
  CHECK(reported(mode)["test_accuracy"] == 1.0);
}

TEST_CASE("the learned 2-2-1 network from the default seed gets XOR right within 150 Adam steps") {
  // Seed 1 (tanh, Adam 0.03) gets all four rows after about 60 steps.
  constexpr long kStepBound = 150;
  GatesMode mode;
  bool running = true;  // the host demo's `run`
  mode.bind_running(&running);
  StateFields fields;
  load(mode, fields, "g_gate=XOR&g_xor=learned&g_speed=1000");
  CHECK(mode.learner().rows_correct() < 4);  // it does start from scratch
  run_frames(mode, 600);
  MESSAGE("XOR learned after " << mode.learner().steps() << " steps");
  CHECK(mode.learner().rows_correct() == 4);
  CHECK(mode.learner().steps() <= kStepBound);
  CHECK(mode.learner().steps() > 0);
  CHECK(reported(mode)["test_accuracy"] == 1.0);
  CHECK(reported(mode)["step"] == static_cast<double>(mode.learner().steps()));

  // Left running, it pauses itself once the loss is small.
  for (int frame = 0; frame < 600 && running; ++frame) mode.step(StepBudget::for_checks(50));
  CHECK_FALSE(running);
  CHECK(reported(mode)["train_loss"] < 0.01);
}

TEST_CASE("a seed that stalls in a local minimum is reported as a plateau") {
  GatesMode mode;
  bool running = true;
  mode.bind_running(&running);
  StateFields fields;
  load(mode, fields, "g_gate=XOR&g_xor=learned&g_speed=1000&g_seed=3");
  for (int frame = 0; frame < 60 && !mode.learner().plateaued(); ++frame)
    mode.step(StepBudget::for_checks(50));
  CHECK(mode.learner().plateaued());
  CHECK(mode.learner().rows_correct() < 4);
  CHECK(running);  // it does not pretend to have finished
}

TEST_CASE("across 20 seeds the learned 2-2-1 network either gets XOR right or is reported as a plateau, never silently stuck") {
  int solved = 0, plateaued = 0;
  for (int seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    GatesMode mode;
    bool running = true;
    mode.bind_running(&running);
    StateFields fields;
    load(mode, fields, ("g_gate=XOR&g_xor=learned&g_speed=1000&g_seed=" + std::to_string(seed)).c_str());
    for (int frame = 0; frame < 600 && mode.learner().rows_correct() < 4 && !mode.learner().plateaued(); ++frame)
      mode.step(StepBudget::for_checks(50));
    const bool learned = mode.learner().rows_correct() == 4;
    CHECK((learned || mode.learner().plateaued()));
    solved += learned;
    plateaued += !learned;
  }
  MESSAGE("XOR across seeds 1-20: " << solved << " learned, " << plateaued << " reported as plateaus");
  CHECK(solved >= 9);  // measured: 11 of 20; a 2-2-1 tanh network often stalls
}

TEST_CASE("the learner only runs while the learned network is shown") {
  GatesMode mode;
  bool running = true;
  mode.bind_running(&running);
  StateFields fields;
  load(mode, fields, "g_gate=XOR&g_xor=by_hand");
  mode.step(StepBudget::for_checks(50));
  CHECK(mode.learner().steps() == 0);
  CHECK_FALSE(running);
}
