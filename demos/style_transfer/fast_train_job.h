// The "fast_train" background job: train a small transform network for the
// user's own style in the browser (issue 11, part 3), one training step per
// step(), off the UI thread (demos/background_job.h).
//
// Input and messages are bytes with the layouts below (little-endian, floats
// as their IEEE bits), built and read with the functions here so the demo and
// the job cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/style_transfer/transform_training.h"

// An 8-bit RGB picture, rows top first, interleaved (what the demo holds).
struct Rgb8Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3
};
Tensor tensor_from_rgb8(const Rgb8Image& image);   // [1, 3, H, W] in [0, 1]
Rgb8Image rgb8_from_tensor(const Tensor& image);   // rounds and clamps

struct FastTrainInput {
  TransformNetworkShape network;  // styles is forced to 1
  int steps = 300;
  int crop = 96;
  int batch = 1;
  int preview_every = 25;  // 0: no previews
  float content_weight = 1, style_weight = 15, tv_weight = 1;
  float learning_rate = 2e-3f;
  uint32_t seed = 1;       // network initialisation and crops
  uint32_t loss_network_seed = 1;  // the random normalised loss network used when no weights are given
  Rgb8Image style;
  std::vector<Rgb8Image> contents;  // 1..16; the first is the preview image
  std::vector<uint8_t> loss_network_weights;  // DLPW of a LossNetwork with default widths, or empty

  // The small default network for the browser: 8-16-32 channels, 2 residual blocks.
  static TransformNetworkShape browser_network();
};

// "DLFT", u32 version 1, u32 steps, crop, batch, preview_every, f32 content/style/tv weight,
// f32 learning rate, u32 seed, loss_network_seed, width1, width2, width3, residual blocks,
// outer kernel; style image; u32 content count, each image; u32 byte count + loss-network DLPW.
// An image is u32 width, u32 height, width * height * 3 bytes.
Bytes encode_fast_train_input(const FastTrainInput& input);
bool decode_fast_train_input(const Bytes& bytes, FastTrainInput* input, std::string* error);

struct FastTrainMessage {
  int step = 0, steps = 0;  // steps done, of the total
  TransformLosses losses;   // of this step, before its update
  Rgb8Image preview;        // empty unless this step made one: the first content image stylised
  std::vector<uint8_t> weights;  // the trained network (DLPW), in the last message only
  std::string error;             // set (in the last message) if training failed
};
// "DLFM", u32 step, u32 steps, f32 total, content, style, tv, preview image (0 x 0 when none),
// u32 byte count + weights, u32 byte count + UTF-8 error.
Bytes encode_fast_train_message(const FastTrainMessage& message);
bool decode_fast_train_message(const Bytes& bytes, FastTrainMessage* message, std::string* error);

class FastTrainJob : public BackgroundJob {
 public:
  bool start(const Bytes& input, std::string* error) override;
  bool step(Bytes* message) override;  // one training step and its message; false after the last
  static std::unique_ptr<BackgroundJob> make();

  // For tests and the demo: what has been trained so far.
  TransformNetwork* network() { return network_.get(); }

 private:
  FastTrainInput input_;
  Tensor preview_content_;
  std::unique_ptr<TransformNetwork> network_;
  std::unique_ptr<LossNetwork> loss_network_;
  std::unique_ptr<TransformTrainer> trainer_;
  bool failed_ = false;
};
