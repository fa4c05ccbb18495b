// Prints numbers that must come out the same natively and in WebAssembly:
// random streams, a seeded training run, activation values. The test
// tests/cross_platform/compare.test.js runs both builds and compares.
#include <cstdio>
#include <string>

#include "app/url_state.h"
#include "demos/activations/activations.h"
#include "demos/perceptron_line/perceptron_line.h"
#include "engine/random.h"

int main() {
  std::printf("{\n  \"pcg32\": [");
  Pcg32 rng(42, 54);
  for (int i = 0; i < 16; ++i) std::printf("%s%u", i ? ", " : "", rng.next_u32());
  std::printf("],\n  \"uniform\": [");
  for (int i = 0; i < 16; ++i) std::printf("%s%.9g", i ? ", " : "", static_cast<double>(rng.uniform()));

  // Overlapping clouds keep the perceptron updating for all 500 steps.
  PerceptronLineDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  url_state::apply_pairs(url_state::parse_hash("spread=1.2&seed=3&points=200&rate=0.1").pairs, fields);
  demo.state_loaded();
  for (int i = 0; i < 500; ++i) demo.update_once();
  DemoReport report;
  demo.report(report);
  std::printf("],\n  \"perceptron_line\": {\"hash\": \"%s\"", url_state::encode_state(demo.name(), fields).c_str());
  for (const auto& [key, value] : report.numbers) std::printf(", \"%s\": %.9g", key.c_str(), value);

  std::printf("},\n  \"activations\": [");
  bool first = true;
  for (int a = 0; a <= static_cast<int>(Activation::Linear); ++a) {
    for (float x = -3.0f; x <= 3.0f; x += 0.75f) {
      Activation fn = static_cast<Activation>(a);
      std::printf("%s%.9g, %.9g", first ? "" : ", ", static_cast<double>(activation_value(fn, x)),
                  static_cast<double>(activation_derivative(fn, x)));
      first = false;
    }
  }
  std::printf("]\n}\n");
  return 0;
}
