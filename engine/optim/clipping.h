// Gradient clipping, applied between backward() and an optimizer's step().
#pragma once

#include <vector>

#include "engine/autodiff.h"

// Rescales all gradients together so their global L2 norm
// sqrt(sum over every element of every parameter of g^2) is at most max_norm
// (Pascanu et al. 2013); the direction is kept. Returns the norm before
// clipping. A non-finite norm is returned but leaves the gradients as they are.
float clip_grad_norm(const std::vector<Parameter*>& parameters, float max_norm);

// Clamps every gradient element to [-limit, limit] (limit's sign is ignored).
// Unlike clip_grad_norm this can change the gradient's direction.
void clip_grad_value(const std::vector<Parameter*>& parameters, float limit);
