// The temperature demo's "Sampling from a language model" tab: a small
// character-level GRU language model (weights shipped with the site, trained
// by tools in this repository), sampled at several temperatures side by side,
// with the next-character distribution at the cursor moving with T, and a
// button that continues training in the browser.
//
// The demo owns one panel and forwards its calls; the panel's URL keys all
// start with `lm_`, its status numbers too.
#pragma once

#include <cstdint>

#include "demos/demo.h"

class LanguageModelPanel {
 public:
  static constexpr int kHiddenSize = 128;     // GRU units of the shipped model
  static constexpr uint64_t kSeed = 20260601;  // its initialisation

  LanguageModelPanel();
  ~LanguageModelPanel();
  LanguageModelPanel(const LanguageModelPanel&) = delete;
  LanguageModelPanel& operator=(const LanguageModelPanel&) = delete;

  void declare_state(StateFields& fields);  // lm_* keys
  void state_loaded();
  // Loading the weights and text (only once the tab is shown: `active`), and
  // training while the user asked for more; never past the budget.
  void step(const StepBudget& budget, bool active);
  void draw(float temperature);  // the tab's whole content; T is the demo's slider
  void report(DemoReport& out) const;  // lm_* numbers

  // The panel's state (language_model_panel_impl.h), named here so the
  // panel's own .cpp files can share it; nothing else should need it.
  struct Impl;

 private:
  Impl* impl_;
};
