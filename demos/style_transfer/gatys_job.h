// The background job "gatys" (demos/background_job.h): a GatysOptimisation
// run off the UI thread, one iteration per step().
//
// Input bytes (little-endian, engine/io/bytes.h):
//   "GATY", u32 version 1, u32 max_iterations,
//   settings: string content_layer, u8 style layer count, each (string layer,
//     f32 weight); f32 content_weight, style_weight, tv_weight; u32 resolution;
//     u8 init, u32 noise_seed, u8 optimizer, f32 adam_learning_rate, u8 network,
//     u32 network_seed, u8 colour (the enums' numeric values);
//   content and style images: u32 height, u32 width, then 3*H*W f32 planes in [0, 1];
//   u32 byte count + the classifier's DLPW bytes (0 bytes for the random network);
//   u8 1 and a start image as above, or u8 0 to start as settings.init says.
//   A string is a u16 length and its bytes.
// Each progress message (one per iteration):
//   u32 iteration, f32 content, style, tv and total loss, u32 height, u32 width,
//   then the image as 3*H*W bytes (planar RGB, round(255 v)).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/style_transfer/gatys_optimisation.h"

struct GatysJobInput {
  GatysSettings settings;
  Tensor content, style;           // [1, 3, H, W]
  std::vector<uint8_t> classifier_weights;
  int max_iterations = 300;
  Tensor start_image;  // empty, or where to go on from (a paused run resumed with a new loss)
};

struct GatysProgress {
  int iteration = 0;
  float content_loss = 0, style_loss = 0, tv_loss = 0, total_loss = 0;
  int height = 0, width = 0;
  std::vector<uint8_t> rgb;  // planar [3, H, W]
};

Bytes encode_gatys_input(const GatysJobInput& input);
bool decode_gatys_input(const Bytes& bytes, GatysJobInput* input, std::string* error);
Bytes encode_gatys_progress(const GatysProgress& progress);
bool decode_gatys_progress(const Bytes& bytes, GatysProgress* progress, std::string* error);

class GatysJob : public BackgroundJob {
 public:
  bool start(const Bytes& input, std::string* error) override;
  bool step(Bytes* message) override;

 private:
  GatysOptimisation optimisation_;
  int max_iterations_ = 0;
};

std::unique_ptr<BackgroundJob> make_gatys_job();
