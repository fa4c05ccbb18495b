// Placeholder until the language model lands (branch issue6-lm replaces this file).
#include "demos/softmax_temperature/language_model_panel.h"

#include "imgui.h"

struct LanguageModelPanel::Impl {};

LanguageModelPanel::LanguageModelPanel() : impl_(new Impl) {}
LanguageModelPanel::~LanguageModelPanel() { delete impl_; }
void LanguageModelPanel::declare_state(StateFields&) {}
void LanguageModelPanel::state_loaded() {}
void LanguageModelPanel::step(const StepBudget&, bool) {}
void LanguageModelPanel::draw(float) { ImGui::TextDisabled("The language model is not in this build yet."); }
void LanguageModelPanel::report(DemoReport&) const {}
