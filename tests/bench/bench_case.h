// One benchmark case of `npm run bench`: a named computation that
// tools/bench.js times repetition by repetition against the same case in the
// other builds and in TensorFlow.js (tools/bench_tfjs.js builds its side from
// `params`, so both run the same shapes).
#pragma once

#include <functional>
#include <string>
#include <vector>

struct BenchCase {
  std::string op;      // "conv2d_dx", "gatys_iteration", ...
  std::string shape;   // a row label: "1x16x256x256->16"
  // "gflops" (work = flops per call), "steps_per_s" (work = steps per call),
  // "ns_per_op" (work = ops per call) or "ms"
  std::string metric;
  double work = 0;
  std::string params;  // a JSON object with what tfjs needs to build the same computation
  std::string flavour = "ours";  // "eigen": Eigen's own product, reported as its own implementation
  // Builds the inputs (untimed) and returns the call to time; it owns them.
  std::function<std::function<void()>()> prepare;
};

std::vector<BenchCase> kernel_cases();  // matmul, conv2d forward and backward, MLP training, tape overhead
std::vector<BenchCase> style_cases();   // one Gatys iteration, the fast transform network's forward pass
std::vector<BenchCase> caption_cases(); // one attention-captioner training step, one beam-5 caption
std::vector<BenchCase> recurrent_cases();  // the language model's training chunk (GRU)
