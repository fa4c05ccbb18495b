// Activation functions and their derivatives, side by side.
//
// The seed notes: without a nonlinearity any stack of layers collapses to one
// linear map Wx + b; sigmoid and tanh are the historical choices, ReLU today's.
#pragma once

#include "demos/demo.h"
#include "demos/i18n/tr.h"
#include "engine/ops/activations.h"  // activation_value / activation_derivative

class ActivationsDemo : public Demo {
 public:
  const char* name() const override { return "activations"; }
  const char* title() const override { return translatable("Activation functions"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void controls() override;
  void draw() override;
  void report(DemoReport& out) const override;

 private:
  int function_ = 2;  // index into the choice list (ReLU)
  bool show_derivative_ = true;
  bool compare_all_ = false;
  float range_ = 4;
  float probe_x_ = 0.5f;
};
