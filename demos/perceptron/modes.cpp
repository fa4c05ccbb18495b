#include "demos/perceptron/gates_mode.h"
#include "demos/perceptron/mlp_mode.h"
#include "demos/perceptron/perceptron_demo.h"
#include "demos/perceptron/perceptron_mode.h"
#include "demos/perceptron/relu_mode.h"

// Tab order follows the notes: one neuron, gates and XOR, curves from ReLUs,
// then whole networks. The page opens on MLP (see PerceptronDemo::declare_state).
std::vector<std::unique_ptr<Mode>> make_perceptron_modes() {
  std::vector<std::unique_ptr<Mode>> modes;
  modes.push_back(std::make_unique<PerceptronMode>());
  modes.push_back(std::make_unique<GatesMode>());
  modes.push_back(std::make_unique<ReluMode>());
  modes.push_back(std::make_unique<MlpMode>());
  return modes;
}
