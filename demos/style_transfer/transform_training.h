// Training the fast transform network (Johnson et al. 2016) on several styles
// at once with conditional instance normalisation (Dumoulin et al. 2017).
//
// One step: the next style in turn, `batch` random crops of the content
// photos, the network's outputs, and for each crop the perceptual loss
//   content_weight * ||F(y) - F(x)||^2 / ||F(x)||^2          (at content_layer; floored, below)
// + style_weight * sum_l w_l ||G_l(y) - G_l(s)||^2 / ||G_l(s)||^2
// + tv_weight * mean squared neighbour difference of y
// through the loss network (demos/style_transfer/loss_network.h), averaged
// over the batch; then one Adam step of the shared conv weights and of that
// style's own gammas and betas (each style keeps its own Adam moments, so a
// style's parameters move only on its own steps).
//
// Everything is seeded and single-threaded: the same settings and data give
// the same weights bit for bit, natively and in wasm.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"
#include "demos/style_transfer/perceptual_loss.h"
#include "demos/style_transfer/photo_crops.h"
#include "demos/style_transfer/transform_network.h"
#include "engine/optim/adam.h"

struct TransformTrainingSettings {
  CropSettings crops = {96};  // 96 x 96 crops by default (the step budget: docs/style-transfer-fast.md)
  int batch = 1;
  int style_size = 256;  // the style images' shorter side when their Gram targets are taken
  std::string content_layer = "relu3_2";
  std::vector<StyleLayerWeight> style_layers = {
      {"relu1_1", 0.25f}, {"relu2_1", 0.25f}, {"relu3_1", 0.25f}, {"relu4_1", 0.25f}};
  float content_weight = 1;
  // Much lower than Gatys optimisation's 100: a feed-forward net trained at 100
  // in the prototype gave stripes with the content lost (docs/style-transfer-fast.md).
  float style_weight = 15;
  float tv_weight = 1;
  float learning_rate = 2e-3f;  // Adam, constant: a checkpoint at step k equals a run of k steps
  // The styles' gammas and betas learn faster: each moves only on its own style's
  // steps (a quarter of them for four styles), and Adam moves a value by about the rate per step.
  float style_learning_rate_factor = 5;
  // A crop's content error is ||F(y) - F(x)||^2 / max(||F(x)||^2, floor), the floor being this
  // fraction of the mean ||F||^2 of 16 sample crops: a nearly flat crop (sky, a wall) would
  // otherwise divide by almost nothing and one step's gradient would swamp the others.
  float content_floor_fraction = 0.5f;
  uint64_t seed = 1;            // crops
};

// The loss terms of one image (or the mean over a batch).
struct TransformLosses {
  float content = 0, style = 0, tv = 0, total = 0;
};

struct TransformStepReport {
  int step = 0;   // steps done after this one
  int style = 0;  // which style this step trained
  TransformLosses losses;  // before the update
};

// The style statistics one style is trained toward: G_l(style image) per style layer.
struct StyleTargets {
  std::vector<Tensor> grams;  // [1, C_l, C_l] per settings.style_layers entry
};

class TransformTrainer {
 public:
  // Keeps references: the network and loss network must outlive the trainer.
  TransformTrainer(TransformNetwork& network, LossNetwork& loss_network, const TransformTrainingSettings& settings);

  // style_images: one [1, 3, H, W] in [0, 1] per style of the network (resized
  // to settings.style_size); photos: the training content. False with a message on bad data.
  bool set_data(const std::vector<Tensor>& style_images, std::vector<Tensor> photos, std::string* error);

  // One training step; losses are NaN and error() is set if it failed.
  TransformStepReport step();
  int steps_done() const { return steps_; }
  const std::string& error() const { return error_; }

  // The losses of one whole image under one style, without training (held-out evaluation).
  TransformLosses evaluate(const Tensor& content, int style, std::string* error);
  // Losses of any output image against a content image and a style's targets
  // (the same measure for the fast network and for a Gatys result; no content floor).
  TransformLosses measure(const Tensor& output, const Tensor& content, int style, std::string* error);

  const StyleTargets& targets(int style) const { return targets_[static_cast<size_t>(style)]; }

 private:
  // The terms for output y [1, 3, H, W] (a Var on tape) against content features
  // and a style's Gram targets; `total` carries the gradient. floored: the training
  // content error with its floor; measurements use the plain relative error.
  PerceptualLossTerms image_loss(Tape& tape, Var output, const Tensor& content_features, int style, bool floored);
  Tensor content_features(const Tensor& content);  // F(content) at the content layer, no gradient
  std::vector<std::string> layers() const;         // content layer, then style layers

  TransformNetwork& network_;
  LossNetwork& loss_network_;
  TransformTrainingSettings settings_;
  std::vector<StyleTargets> targets_;
  std::unique_ptr<CropSampler> crops_;
  double content_floor_ = 0;  // see TransformTrainingSettings::content_floor_fraction
  Adam shared_optimizer_;
  std::vector<std::unique_ptr<Adam>> style_optimizers_;
  Pcg32 rng_;
  Tape tape_;
  int steps_ = 0;
  std::string error_;
};
