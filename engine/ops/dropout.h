// Inverted dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent
// neural networks from overfitting").
//
// Training multiplies each unit by a Bernoulli keep-mask z (z = 1 with
// probability 1 - p) and by 1 / (1 - p), so E[output] = input and evaluation
// needs no rescaling: at test time the layer is the identity. Each step trains
// a different thinned network; evaluation uses the whole ensemble's average.
#pragma once

#include "engine/autodiff.h"

namespace ops {

struct Dropout {
  Var output;   // x * mask / (1 - p), same shape as x
  Tensor mask;  // 1 = kept, 0 = dropped; a copy the caller may read or draw
};

// When x.tape->training: draws the mask from x.tape->rng. Otherwise, and for
// p = 0, output is x itself and the mask is all ones (no random draws).
// drop_probability must be in [0, 1).
Dropout dropout(Var x, float drop_probability);

// Monte-Carlo dropout (Gal & Ghahramani 2016): always draws a mask, even in
// evaluation mode, so averaging many passes estimates the predictive mean and
// their spread the model's uncertainty.
Dropout dropout_sample(Var x, float drop_probability);
// The same, drawing from `rng` instead of the tape's (a caller that keeps its
// own stream of masks, as the dropout demo's networks do).
Dropout dropout_sample(Var x, float drop_probability, Pcg32& rng);

// Every keep-mask's draw: one rng.uniform() per element in order, 1 (kept)
// if below keep_probability, else 0.
void draw_keep_mask_values(int n, float keep_probability, Pcg32& rng, float* mask);

// The arithmetic of a drawn mask over n values, shared with fused paths such
// as engine/layers/dense_stack.h so they draw the same masks and get the same
// bits: one rng.uniform() per element in order, kept if below 1 - p;
// mask = 1 or 0 and y = x / (1 - p) or 0. The backward adds dy z / (1 - p).
void dropout_values(const float* x, int n, float drop_probability, Pcg32& rng, float* mask, float* y);
void dropout_backward_values(const float* mask, float drop_probability, const float* dy, float* dx, int n);

}  // namespace ops
