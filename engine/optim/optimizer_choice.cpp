#include "engine/optim/optimizer_choice.h"

#include "engine/optim/adam.h"
#include "engine/optim/sgd.h"

std::unique_ptr<Optimizer> make_optimizer(OptimizerKind kind, std::vector<Parameter*> parameters, float rate) {
  switch (kind) {
    case OptimizerKind::Sgd: return std::make_unique<Sgd>(std::move(parameters), rate);
    case OptimizerKind::Momentum: return std::make_unique<Sgd>(std::move(parameters), rate, kDefaultMomentum);
    case OptimizerKind::Adam: return std::make_unique<Adam>(std::move(parameters), rate);
  }
  return nullptr;
}
