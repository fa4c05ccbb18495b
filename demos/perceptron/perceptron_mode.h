// Perceptron mode: one neuron's decision line over two point clouds, or over
// XOR's four corners, where no line can ever be right.
//
// The neuron is h(x) = sign(w.x) with the bias folded in as w0, so that
// w = (w0, w1, w2) and x = (1, x1, x2). Drag the weights with sliders, or let
// Rosenblatt's rule (as the seed notes state it) move them: pick a random
// misclassified sample k (y_k w.x_k <= 0) and set w <- w + rate * y_k x_k,
// where the notes' rule has rate = 1. On separable data it converges.
#pragma once

#include <array>
#include <vector>

#include "demos/perceptron/mode.h"

class PerceptronMode : public Mode {
 public:
  const char* name() const override { return "perceptron"; }
  const char* title() const override { return translatable("Perceptron"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  struct Point {
    float x, y;
    int label;  // +1 or -1
  };
  // One application of the rule, kept to show what it did.
  struct Update {
    int sample = -1;                    // index into train_points(); -1 before the first update
    std::array<float, 3> x{};           // augmented x_k = (1, x1, x2)
    int label = 0;                      // y_k
    float margin_before = 0;            // y_k w.x_k with the old w (<= 0: it was wrong)
    float margin_after = 0;             // with the new w: larger by rate * |x_k|^2
    std::array<float, 3> delta{};       // rate * y_k x_k
    std::array<float, 3> old_weights{};  // w before the update, for the faint old line
  };

  // Exposed for tests.
  const std::vector<Point>& train_points() const { return train_; }
  std::array<float, 3> weights() const { return {b_, w1_, w2_}; }  // (w0, w1, w2)
  float score(const Point& p) const { return b_ + w1_ * p.x + w2_ * p.y; }  // w.x
  int misclassified_count(const std::vector<Point>& points) const;
  bool update_once();  // one Rosenblatt update; false when nothing is misclassified
  const Update& last_update() const { return last_; }
  long steps() const { return steps_; }
  bool xor_data() const { return data_ == 1; }

 private:
  void generate_data();
  void update_controls();
  void xor_controls();

  // URL state. The bias keeps its old key p_b; it is w0.
  int data_ = 0;  // p_data: clouds, xor
  float w1_ = -1, w2_ = 0.5f, b_ = 0.5f;
  float rate_ = 1;
  float spread_ = 0.35f;
  int points_ = 60;
  int seed_ = 1;
  int speed_ = 20;  // updates per second while running

  std::vector<Point> train_, test_;
  long steps_ = 0;
  Update last_;
  double pending_updates_ = 0;  // fractional updates carried between frames
  unsigned pick_counter_ = 0;   // advances the sample-picking stream
};
