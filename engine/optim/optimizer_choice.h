// The optimizers a demo lets the user pick, made in one place: plain SGD,
// SGD with heavy-ball momentum (Polyak 1964; 0.9, the usual default) and Adam
// (Kingma & Ba 2015, the paper's betas and epsilon).
#pragma once

#include <memory>
#include <vector>

#include "engine/optim/optimizer.h"

enum class OptimizerKind { Sgd, Momentum, Adam };

constexpr float kDefaultMomentum = 0.9f;

// Keeps the pointers: the parameters must outlive the optimizer.
std::unique_ptr<Optimizer> make_optimizer(OptimizerKind kind, std::vector<Parameter*> parameters, float rate);
