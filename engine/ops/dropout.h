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

}  // namespace ops
