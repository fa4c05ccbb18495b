// Seeded initialisation of parameters (bit-identical natively and in wasm).
#pragma once

#include "engine/random.h"
#include "engine/tensor.h"

float normal_draw(Pcg32& rng);  // standard normal, Marsaglia's polar method

void fill_uniform(Tensor& t, Pcg32& rng, float lo, float hi);
void fill_normal(Tensor& t, Pcg32& rng, float mean, float stddev);

// Glorot & Bengio (2010): U(-a, a), a = sqrt(6 / (fan_in + fan_out)); keeps
// activation variance across tanh/sigmoid layers.
void glorot_uniform(Tensor& t, Pcg32& rng, int fan_in, int fan_out);
// He et al. (2015): N(0, 2 / fan_in), for ReLU layers.
void he_normal(Tensor& t, Pcg32& rng, int fan_in);
void he_uniform(Tensor& t, Pcg32& rng, int fan_in);
