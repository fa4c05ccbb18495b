#include "demos/registry.h"

#include "demos/activations/activations.h"
#include "demos/captioning/caption_demo.h"
#include "demos/dropout/dropout_demo.h"
#include "demos/perceptron/perceptron_demo.h"
#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/style_transfer/style_demo.h"

// Adding a demo: a folder under demos/ (its sources are globbed) and one line here.
std::vector<std::unique_ptr<Demo>> make_all_demos() {
  std::vector<std::unique_ptr<Demo>> demos;
  demos.push_back(std::make_unique<PerceptronDemo>());
  demos.push_back(std::make_unique<ActivationsDemo>());
  demos.push_back(std::make_unique<DropoutDemo>());
  demos.push_back(std::make_unique<TemperatureDemo>());
  demos.push_back(std::make_unique<StyleDemo>());
  demos.push_back(std::make_unique<CaptionDemo>());
  return demos;
}
