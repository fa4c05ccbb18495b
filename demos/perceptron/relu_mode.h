// ReLU sum mode: f(x) = c + sum_i a_i ReLU(w_i x + b_i) fitted to a 1-D curve.
//
// Each unit is a hinge: zero on one side of its kink x = -b_i / w_i and a line
// of slope a_i w_i on the other, so crossing the kink bends the sum by a_i |w_i|
// and k units make a broken line with k bends. The notes compose a curve the
// same way, Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 with n_i(x) = ReLU(a_i x + b_i)
// (their a_i is our w_i; their signs are our a_i = -1 or +1). The units are
// URL state: dragged by hand, or fitted by Adam on the mean squared error, and
// the fitted values are written back so a link reproduces the curve.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "demos/bounded_history.h"

#include "demos/perceptron/mode.h"
#include "engine/autodiff.h"
#include "engine/optim/adam.h"

class ReluMode : public Mode {
 public:
  static constexpr int kMaxUnits = 12;
  static constexpr int kGridPoints = 200;  // the fit's x samples, evenly spaced over [kXMin, kXMax]
  static constexpr float kXMin = -3.0f, kXMax = 3.0f;
  // No sensible fit on [-3, 3] needs a parameter this large; a step that
  // passes it is diverging (float32 overflows to NaN a few steps later).
  static constexpr float kParameterBound = 100.0f;

  enum class Target { Sine, Abs, Step, Parabola, Notes };
  struct Unit {
    float a, w, b;  // a ReLU(w x + b)
  };

  ReluMode();

  const char* name() const override { return "relu"; }
  const char* title() const override { return translatable("ReLU sum"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  static float target_value(Target target, float x);
  float target_value(float x) const { return target_value(static_cast<Target>(target_), x); }
  float unit_output(int i, float x) const;  // a_i ReLU(w_i x + b_i)
  float evaluate(float x) const;            // f(x) over the first units() units
  float loss() const;                       // mean squared error of f over the grid

  // One full-batch Adam step on the loss. On a NaN/inf loss or a parameter
  // past kParameterBound it stops the run, keeps the last finite units and
  // returns false.
  bool train_step();
  void randomize_units();  // a random start drawn from the seed (r_seed)
  // A unit dragged by (dx, dy) in the plot from `start`: its kink moves by dx
  // (w kept) and its value one unit past the kink, on the sloped side, by dy.
  static Unit dragged(const Unit& start, float dx, float dy);
  void reset_training();   // forgets the optimizer state, step count and divergence

  int units() const { return units_; }
  const Unit& unit(int i) const { return units_params_[static_cast<size_t>(i)]; }
  float offset() const { return offset_; }
  long steps() const { return steps_; }
  bool diverged() const { return diverged_; }

 private:
  void rebuild_grid();
  void ensure_optimizer();
  bool diverge();
  void record_history(float loss_value);
  float kink(int i) const { return -units_params_[static_cast<size_t>(i)].b / units_params_[static_cast<size_t>(i)].w; }
  bool has_kink(int i) const;
  void training_controls();
  void unit_controls();

  // URL state.
  std::array<Unit, kMaxUnits> units_params_{};
  float offset_ = 0;  // c
  int units_ = 6;
  int target_ = static_cast<int>(Target::Notes);
  float rate_ = 0.02f;
  int speed_ = 500;  // Adam steps per second while running
  int seed_ = 1;

  // Training.
  Tensor grid_x_, grid_target_;  // [kGridPoints, 1]
  int grid_target_for_ = -1;     // the target_ grid_target_ was built for
  Parameter output_weights_, input_weights_, biases_, offset_param_;  // a [k,1], w [1,k], b [1,k], c [1]
  std::unique_ptr<Adam> optimizer_;
  int optimizer_units_ = 0;
  Tape tape_;
  long steps_ = 0;
  bool diverged_ = false;
  double pending_steps_ = 0;  // fractional steps carried between frames
  BoundedHistory<float> history_{200};  // log10 of the loss over the whole run

  // Hand editing.
  int dragging_ = -1;      // unit whose kink is being dragged
  int hovered_kink_ = -1;  // unit whose kink was under the mouse in the last draw()
  int highlighted_ = -1;   // unit under the mouse, in the plot or the unit list
  float drag_start_x_ = 0, drag_start_y_ = 0;
  Unit drag_start_unit_{};
};
