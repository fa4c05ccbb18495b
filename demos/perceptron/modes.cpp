#include "demos/perceptron/perceptron_demo.h"
#include "demos/perceptron/perceptron_mode.h"

// Tab order; the first is the default mode.
std::vector<std::unique_ptr<Mode>> make_perceptron_modes() {
  std::vector<std::unique_ptr<Mode>> modes;
  modes.push_back(std::make_unique<PerceptronMode>());
  return modes;
}
