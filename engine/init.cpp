#include "engine/init.h"

#include <cmath>

#include "engine/det_math.h"

float normal_draw(Pcg32& rng) {
  for (;;) {
    double u = 2.0 * rng.uniform() - 1.0, v = 2.0 * rng.uniform() - 1.0;
    double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return static_cast<float>(u * std::sqrt(-2.0 * det_math::log(s) / s));
  }
}

void fill_uniform(Tensor& t, Pcg32& rng, float lo, float hi) {
  for (int i = 0; i < t.size(); ++i) t[i] = rng.uniform(lo, hi);
}

void fill_normal(Tensor& t, Pcg32& rng, float mean, float stddev) {
  for (int i = 0; i < t.size(); ++i) t[i] = mean + stddev * normal_draw(rng);
}

void glorot_uniform(Tensor& t, Pcg32& rng, int fan_in, int fan_out) {
  float a = static_cast<float>(std::sqrt(6.0 / (fan_in + fan_out)));
  fill_uniform(t, rng, -a, a);
}

void he_normal(Tensor& t, Pcg32& rng, int fan_in) {
  fill_normal(t, rng, 0.0f, static_cast<float>(std::sqrt(2.0 / fan_in)));
}

void he_uniform(Tensor& t, Pcg32& rng, int fan_in) {
  float a = static_cast<float>(std::sqrt(6.0 / fan_in));
  fill_uniform(t, rng, -a, a);
}
