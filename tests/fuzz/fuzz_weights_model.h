// The model the weights target loads into, shared with its seeds
// (make_seeds.cpp) so mutations of a seed reach the values and the CRC.
#pragma once

#include <vector>

#include "engine/autodiff.h"

// Ranks 2, 1, 4 and 0, as a small model has.
struct FuzzModel {
  Parameter weight{"dense.weight", Tensor(Shape{3, 4}, 0.5f)};
  Parameter bias{"dense.bias", Tensor(Shape{4}, -1.0f)};
  Parameter kernel{"conv.kernel", Tensor(Shape{2, 1, 3, 3}, 2.0f)};
  Parameter temperature{"temperature", Tensor::scalar(1)};
  std::vector<Parameter*> all() { return {&weight, &bias, &kernel, &temperature}; }
};
