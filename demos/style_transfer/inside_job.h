// The "inside" background job: for one loss-network layer, a feature map and
// the Gram matrix of each picture (content, style, output), and the Gram
// matrix of the style's features with their positions shuffled.
//
// Layer 0 is the pixels themselves (3 channels: R, G, B), so the shuffle can
// also be shown on the picture a student sees.
#pragma once

#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/style_transfer/loss_network_choice.h"
#include "engine/tensor.h"

// "pixels", then LossNetwork::layer_names().
const std::vector<std::string>& inside_layer_names();

struct InsideRequest {
  LossNetworkChoice network;
  int layer = 1;
  int channel = 0;
  Tensor pictures[3];  // content, style, output ([1, 3, H, W]; the output may be empty)
  uint64_t shuffle_seed = 1;
};

struct InsidePicture {
  bool present = false;
  int channels = 0, height = 0, width = 0;
  std::vector<float> map;   // the requested channel, [height, width]
  std::vector<float> gram;  // [channels, channels], as ops::gram_matrix computes it
};

struct InsideAnalysis {
  bool ready = false;
  int layer = 0, channel = 0;
  InsidePicture pictures[3];
  std::vector<float> shuffled_map;   // the style's map with positions permuted
  std::vector<float> shuffled_gram;  // the Gram matrix of all its permuted maps
  float shuffle_max_difference = 0;  // max |G_shuffled - G_style|: 0 exactly
  float output_gram_error = -1;      // ||G_out - G_style||^2 / ||G_style||^2, -1 without an output
};

Bytes encode_inside_request(const InsideRequest& request);
bool decode_inside_analysis(const Bytes& message, InsideAnalysis* analysis, std::string* error);

// The analysis itself, run by the job; exposed for tests.
bool analyse_inside(const InsideRequest& request, InsideAnalysis* analysis, std::string* error);

std::unique_ptr<BackgroundJob> make_inside_job();
