// The perceptual losses of neural style transfer (Gatys et al. 2016; Johnson
// et al. 2016), measured through a LossNetwork:
//   content = ||F(x) - F(c)||^2 / ||F(c)||^2 at one layer;
//   style   = sum over layers l of w_l ||G_l(x) - G_l(s)||^2 / ||G_l(s)||^2,
//             with G the Gram matrix (engine/ops/gram.h);
//   tv      = mean squared difference of neighbouring pixels;
//   total   = content_weight * content + style_weight * style + tv_weight * tv.
// Relative errors make each term 1 when the output knows nothing of its target
// (x = 0 gives F = 0) and independent of the layer's activation scale, so the
// weights mean the same for the random and the trained network.
#pragma once

#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"
#include "engine/autodiff.h"

struct StyleLayerWeight {
  std::string layer;  // e.g. "relu2_1"
  float weight = 1;
};

struct PerceptualLossSettings {
  std::string content_layer = "relu3_2";
  std::vector<StyleLayerWeight> style_layers = {
      {"relu1_1", 0.25f}, {"relu2_1", 0.25f}, {"relu3_1", 0.25f}, {"relu4_1", 0.25f}};
  float content_weight = 1;
  float style_weight = 100;
  float tv_weight = 1;
};

// ||x - target||^2 / ||target||^2 (the denominator floored at 1e-12), scalar.
// x and target have the same element count.
Var relative_squared_error(Var x, const Tensor& target);

// Smoothness on [0, 1] pixels of images [N, C, H, W]:
// (sum (x[h+1, w] - x[h, w])^2 + sum (x[h, w+1] - x[h, w])^2) / (N C H W).
// Squared, not the engine's L1 total_variation: its gradient fades as
// neighbours agree, so it smooths noise without flattening edges to steps.
Var mean_squared_tv(Var images);

// The loss terms for one evaluation, as Vars on the caller's tape.
struct PerceptualLossTerms {
  Var content, style, tv, total;
};

class PerceptualLoss {
 public:
  PerceptualLoss(LossNetwork& network, PerceptualLossSettings settings);

  // Computes the targets F(content) and G_l(style). Images are [1, 3, H, W]
  // in [0, 1], each at least LossNetwork::kMinImageSize; their sizes may
  // differ. Returns false with a message on bad settings or images.
  bool set_targets(const Tensor& content, const Tensor& style, std::string* error);

  // The terms for image [1, 3, H, W] (the content's size). Only total carries
  // gradients: a term whose weight is 0 is computed for the report without
  // recording a backward pass, so its layers cost nothing in backward().
  PerceptualLossTerms evaluate(Tape& tape, Var image);

  const PerceptualLossSettings& settings() const { return settings_; }
  LossNetwork& network() { return network_; }

 private:
  std::vector<std::string> layers_used() const;  // the content layer, then the style layers

  LossNetwork& network_;
  PerceptualLossSettings settings_;
  Tensor content_features_;        // F(c) at the content layer
  std::vector<Tensor> style_grams_;  // G_l(s), one per style layer
};
