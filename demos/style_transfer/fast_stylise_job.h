// The "fast_stylise" background job: one forward pass of a transform network
// (transform_network.h) over the content picture. Even that is tens of
// milliseconds at 256² in wasm, more than a frame, so it runs off the UI thread.
#pragma once

#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/style_transfer/transform_network.h"

struct FastStyliseRequest {
  TransformNetworkShape shape;
  std::vector<uint8_t> weights;     // DLPW of a network of that shape
  std::vector<float> style_weights;  // one per style: a blend
  float strength = 1;                // 0 gives the content back, 1 the network's output
  Tensor content;                    // [1, 3, H, W] in [0, 1]
};

struct FastStyliseResult {
  Tensor image;       // [1, 3, H', W']: H and W rounded down to multiples of 4
  double milliseconds = 0;  // the forward pass alone, measured in the job
};

Bytes encode_fast_stylise_request(const FastStyliseRequest& request);
// A failed stylisation decodes as false with the job's message.
bool decode_fast_stylise_result(const Bytes& message, FastStyliseResult* result, std::string* error);

std::unique_ptr<BackgroundJob> make_fast_stylise_job();
