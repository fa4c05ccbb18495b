#include "demos/perceptron/perceptron_demo.h"

#include <cstring>
#include <string>

#include "demos/view_tabs.h"
#include "imgui.h"

PerceptronDemo::PerceptronDemo() : modes_(make_perceptron_modes()) {
  for (auto& mode : modes_) {
    mode->bind_running(&running_);
    mode->bind_switcher([this](const char* mode_name, const char* request) {
      for (int i = 0; i < static_cast<int>(modes_.size()); ++i)
        if (std::strcmp(modes_[static_cast<size_t>(i)]->name(), mode_name) == 0) {
          mode_ = i;
          running_ = false;
          modes_[static_cast<size_t>(i)]->handle_request(request);
        }
    });
  }
}

Mode* PerceptronDemo::mode_named(const char* mode_name) const {
  for (const auto& mode : modes_)
    if (std::strcmp(mode->name(), mode_name) == 0) return mode.get();
  return nullptr;
}

void PerceptronDemo::declare_state(StateFields& fields) {
  std::vector<std::string> names;
  int default_mode = 0;  // MLP, TensorFlow Playground's experiment, when present
  for (const auto& mode : modes_) {
    if (std::strcmp(mode->name(), "mlp") == 0) default_mode = static_cast<int>(names.size());
    names.push_back(mode->name());
  }
  fields.choice("mode", &mode_, names, default_mode);
  fields.boolean("run", &running_, false);
  for (auto& mode : modes_) mode->declare_state(fields);
}

void PerceptronDemo::state_loaded() {
  for (auto& mode : modes_) mode->state_loaded();
}

void PerceptronDemo::controls() {
  std::vector<std::string> titles;
  for (const auto& mode : modes_) titles.emplace_back(mode->title());
  if (url_tab_bar("modes", titles, &mode_)) running_ = false;  // a new mode starts paused
  active().controls();
}

void PerceptronDemo::step(const StepBudget& budget) { active().step(budget); }

void PerceptronDemo::draw() { active().draw(); }

void PerceptronDemo::report(DemoReport& out) const { active().report(out); }
