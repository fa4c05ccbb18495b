// The Optimise tab's live run: a "gatys" background job (gatys_job.h) whose
// messages, one per iteration, bring the current picture and its three loss
// terms back to the UI thread.
//
// Changing the pictures, the size, the start or the loss network starts
// over; changing a weight, a layer, the optimiser or the colour mode goes on
// from the current picture with the new loss (the curves continue, so the
// effect of the change shows). Pausing cancels the job; playing resumes from
// the current picture.
#pragma once

#include <string>

#include "demos/background_job.h"
#include "demos/rgb_image.h"
#include "demos/style_transfer/gatys_optimisation.h"
#include "demos/style_transfer/gatys_job.h"
#include "demos/style_transfer/loss_curves.h"
#include "demos/style_transfer/style_images.h"

class GatysRun {
 public:
  // Call once a frame: starts, restarts, pauses or resumes the job, then takes its messages.
  // classifier_weights: the DLPW file when settings.network is the trained kind.
  void update(const GatysSettings& settings, const StyleImages& images, bool running, int max_iterations,
              const std::vector<uint8_t>& classifier_weights);
  void start_over() { restart_requested_ = true; }

  int iteration() const { return iteration_; }
  float content_loss() const { return content_loss_; }  // each term before its weight
  float style_loss() const { return style_loss_; }
  float tv_loss() const { return tv_loss_; }
  double iterations_per_second() const { return iterations_per_second_; }
  bool finished() const { return finished_; }  // reached the iteration limit
  bool working() const { return task_.running(); }
  const std::string& error() const { return error_; }
  const Tensor& image() const { return image_; }  // [1, 3, H, W], empty before the first iteration
  const RgbImage& picture() const { return picture_; }
  const LossCurves& curves() const { return curves_; }

 private:
  void launch(const GatysSettings& settings, const StyleImages& images, const Tensor* start_image,
              const std::vector<uint8_t>& classifier_weights, int iterations_left);
  void take_messages(int max_iterations);

  BackgroundTask task_;
  std::string start_key_, loss_key_;
  bool restart_requested_ = false;
  bool paused_ = false;
  int iteration_ = 0, iteration_offset_ = 0;
  float content_loss_ = 0, style_loss_ = 0, tv_loss_ = 0;
  double iterations_per_second_ = 0, first_message_time_ = -1;  // -1 until the running job's first message
  int first_counted_iteration_ = 0;
  bool finished_ = false;
  std::string error_;
  Tensor image_;
  RgbImage picture_;
  LossCurves curves_;
};
