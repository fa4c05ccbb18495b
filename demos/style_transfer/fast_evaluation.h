// Measuring the fast network against optimisation (issue 11: "on photos the
// network never trained on, the style loss is within a stated factor of the
// Gatys result at a fraction of the time"). Both are scored by the same
// perceptual loss (TransformTrainer::measure: plain relative content error,
// relative Gram error), on the same held-out photos.
#pragma once

#include "demos/style_transfer/transform_training.h"

// A Gatys-style reference (Gatys et al. 2016): the pixels themselves, started
// from the content, optimised on the trainer's loss for one style with Adam
// (rate in [0, 1] pixel units per step), clamped to [0, 1] after each step.
// The demo's own optimiser (L-BFGS) lives in gatys_optimisation.h; this small
// one keeps the measurement independent of it. Returns [1, 3, H, W], or an
// empty tensor with a message.
Tensor optimise_pixels(TransformTrainer& trainer, const Tensor& content, int style, int iterations,
                       float learning_rate, std::string* error);
