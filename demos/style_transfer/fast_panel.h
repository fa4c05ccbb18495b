// The Fast tab (Johnson et al. 2016): the shipped transform network, one
// forward pass per picture, with a blend of two of its styles and a strength;
// and training a small network for the user's own style in the page.
#pragma once

#include <string>
#include <vector>

#include "demos/assets.h"
#include "demos/background_job.h"
#include "demos/rgb_image.h"
#include "demos/state_fields.h"
#include "demos/style_transfer/fast_stylise_job.h"
#include "demos/style_transfer/fast_train_job.h"
#include "demos/style_transfer/loss_curves.h"

class FastPanel {
 public:
  void declare_state(StateFields& fields);  // fast_* keys
  // Loads the weights, stylises the content when anything changed, and runs
  // the own-style training; style is the demo's style picture.
  void update(const Tensor& content, const Tensor& style, unsigned pictures_version);
  void controls();
  void draw(const RgbImage& content_picture);

  double last_milliseconds() const { return milliseconds_; }  // of the latest stylisation, in the job
  bool has_result() const { return !result_.empty(); }
  const Tensor& result() const { return result_; }
  const RgbImage& result_picture() const { return result_picture_; }
  int own_training_step() const { return train_step_; }

 private:
  bool using_own_network() const;
  void start_training(const Tensor& content, const Tensor& style);
  void take_training_messages();

  // URL state.
  int style_ = 0, blend_style_ = 1;
  float blend_ = 0, strength_ = 1;
  int train_steps_ = 300;

  AssetStatus weights_;
  BackgroundTask stylise_task_;
  std::string requested_key_;
  Tensor result_;
  RgbImage result_picture_;
  double milliseconds_ = 0;
  std::string error_;

  // Training a network for your own style.
  BackgroundTask train_task_;
  bool train_requested_ = false;
  int train_step_ = 0, train_total_ = 0;
  LossCurves train_curves_;
  RgbImage train_preview_;
  std::vector<uint8_t> own_weights_;  // the finished network, usable like a shipped style
  unsigned own_version_ = 0;
  std::string train_error_;
};
