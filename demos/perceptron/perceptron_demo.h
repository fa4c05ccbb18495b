// Demo `perceptron`: from Rosenblatt's single neuron to multi-layer networks,
// in four modes that share one page and one URL.
#pragma once

#include <memory>
#include <vector>

#include "demos/perceptron/mode.h"

class PerceptronDemo : public Demo {
 public:
  PerceptronDemo();

  const char* name() const override { return "perceptron"; }
  const char* title() const override { return translatable("Perceptron and MLP"); }
  const char* explanation() const override { return active().explanation(); }

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  Mode& active() const { return *modes_[static_cast<size_t>(mode_)]; }
  Mode* mode_named(const char* name) const;

 private:
  std::vector<std::unique_ptr<Mode>> modes_;
  int mode_ = 0;
  bool running_ = false;
};

// The modes in tab order (demos/perceptron/modes.cpp).
std::vector<std::unique_ptr<Mode>> make_perceptron_modes();
