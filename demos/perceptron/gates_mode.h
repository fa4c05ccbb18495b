// Logic-gates mode: OR, AND and NAND as single perceptrons over the four
// corners of the unit square, and XOR, which no single line can split
// (Minsky & Papert 1969), first built by hand as AND(OR, NAND), then learned
// from scratch by a 2-2-1 network.
#pragma once

#include "demos/perceptron/gates_drawing.h"
#include "demos/perceptron/logic_gates.h"
#include "demos/perceptron/mode.h"
#include "demos/perceptron/xor_learner.h"

class GatesMode : public Mode {
 public:
  const char* name() const override { return "gates"; }
  const char* title() const override { return translatable("Logic gates"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;
  void handle_request(const char* request) override;  // "xor_by_hand": XOR as AND(OR, NAND)

  // Which network the page shows: the sliders' single unit, or for XOR (g_xor)
  // the hand-built two-layer network or the learned one.
  enum class Shown { SingleUnit, HandBuilt, Learned };
  Shown shown() const;
  Gate gate() const { return static_cast<Gate>(gate_); }
  ThresholdUnit unit() const { return {w0_, w1_, w2_}; }
  float shown_score(float x1, float x2) const;  // > 0 reads as output 1
  int shown_rows_correct() const;               // of the selected gate's four rows
  const XorLearner& learner() const { return learner_; }

 private:
  void reset_learner();
  void select_gate(int gate);
  NetworkDiagram diagram() const;
  void truth_table() const;
  void learner_controls();

  // URL state.
  int gate_ = 0;  // g_gate, a Gate
  float w0_ = -2, w1_ = 3, w2_ = 3;
  int xor_view_ = 0;  // g_xor: one line, by hand, learned
  int activation_ = 0;  // g_act: tanh, sigmoid
  float rate_ = 0.03f;
  int seed_ = 1;
  int speed_ = 60;  // Adam steps per second while running

  XorLearner learner_;
  double pending_steps_ = 0;  // fractional steps carried between frames
};
