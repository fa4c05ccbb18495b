// Perceptron mode: one neuron's decision line over two point clouds.
//
// Drag w1, w2, b with sliders, or let Rosenblatt's rule move them: pick a
// random misclassified sample k (y_k (w.x_k + b) <= 0) and set
// w <- w + rate * y_k x_k, b <- b + rate * y_k. On separable data it converges.
#pragma once

#include <vector>

#include "demos/perceptron/mode.h"

class PerceptronMode : public Mode {
 public:
  const char* name() const override { return "perceptron"; }
  const char* title() const override { return "Perceptron"; }
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
  // Exposed for tests.
  const std::vector<Point>& train_points() const { return train_; }
  float score(const Point& p) const { return w1_ * p.x + w2_ * p.y + b_; }
  int misclassified_count(const std::vector<Point>& points) const;
  bool update_once();  // one Rosenblatt update; false when nothing is misclassified
  long steps() const { return steps_; }

 private:
  void generate_data();

  // URL state.
  float w1_ = -1, w2_ = 0.5f, b_ = 0.5f;
  float rate_ = 0.5f;
  float spread_ = 0.35f;
  int points_ = 60;
  int seed_ = 1;
  int speed_ = 20;  // updates per second while running

  std::vector<Point> train_, test_;
  long steps_ = 0;
  int last_corrected_ = -1;  // index into train_ of the latest update's sample
  float last_dw1_ = 0, last_dw2_ = 0, last_db_ = 0;
  double pending_updates_ = 0;  // fractional updates carried between frames
  unsigned pick_counter_ = 0;   // advances the sample-picking stream
};
