// Neural style transfer by optimising the output's pixels (Gatys, Ecker &
// Bethge 2016, "Image Style Transfer Using Convolutional Neural Networks"):
// start from the content image or noise, and follow the gradient of the
// perceptual loss (perceptual_loss.h) back to the pixels, one iteration at a
// time, with L-BFGS (the paper's choice) or Adam. Pixels stay in [0, 1]:
// L-BFGS projects every trial point onto the box, Adam clamps after each step.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"
#include "demos/style_transfer/perceptual_loss.h"
#include "engine/optim/adam.h"
#include "engine/optim/lbfgs.h"

enum class GatysInit {
  Content,        // the content image itself
  Noise,          // seeded uniform noise in [0.25, 0.75]
  LowResolution,  // the content shrunk 4x by area averaging, then bilinearly enlarged (a blurred start)
};
enum class GatysOptimizer { Lbfgs, Adam };
enum class ColourMode {
  None,
  LuminanceOnly,   // optimise the luminance only; recombine with the content's chroma (colour_transfer.h)
  HistogramMatch,  // first give the style the content's RGB mean and covariance
};

struct GatysSettings {
  PerceptualLossSettings loss;  // content layer, style layers and their weights, the three weights
  int resolution = 192;         // the long side the content (and style) are resized to
  GatysInit init = GatysInit::Content;
  uint64_t noise_seed = 1;
  GatysOptimizer optimizer = GatysOptimizer::Lbfgs;
  float adam_learning_rate = 0.02f;  // per iteration, in [0, 1] pixel units
  LossNetworkKind network = LossNetworkKind::Random;
  uint64_t network_seed = 1;  // the random kind's weights
  ColourMode colour = ColourMode::None;
};

// Settings that teach one idea each, as data for the UI.
struct GatysPreset {
  const char* id;
  const char* title;
  const char* explanation;
  GatysSettings settings;
};
const std::vector<GatysPreset>& gatys_presets();  // "style_transfer", "texture", "layer", "super_resolution"

class GatysOptimisation {
 public:
  // Resizes the images, builds the loss network (the classifier kind loads
  // `classifier_weights`, the DLPW bytes of a StyleClassifier) and the loss
  // targets, and sets up the start image. False with a message on bad input;
  // the previous run is then left as it was.
  // start_from, if given, replaces settings.init: a run resumed after a pause
  // or a change of loss goes on from its current picture (resized if need be).
  bool start(const GatysSettings& settings, const Tensor& content, const Tensor& style, std::string* error,
             const std::vector<uint8_t>* classifier_weights = nullptr, const Tensor* start_from = nullptr);

  // One iteration: forward, backward to the pixels, update. False when the
  // optimiser can make no more progress (or before start()). The losses then
  // reported are those of the accepted L-BFGS point, or for Adam those of the
  // image before its step.
  bool iterate();

  bool started() const { return loss_ != nullptr; }
  int iteration() const { return iteration_; }
  // The current output [1, 3, H, W] in [0, 1] (for luminance-only: recombined with the content's chroma).
  Tensor image() const;
  float content_loss() const { return content_loss_; }
  float style_loss() const { return style_loss_; }
  float tv_loss() const { return tv_loss_; }
  float total_loss() const { return total_loss_; }
  const GatysSettings& settings() const { return settings_; }
  const Tensor& content() const { return content_; }  // resized, as optimised against
  const Tensor& style() const { return style_; }      // resized (and colour-matched) style
  LossNetwork& network() { return *network_; }

 private:
  // Loss and gradient at `pixels` (the optimised channels); records the terms.
  double evaluate(const std::vector<float>& pixels, std::vector<float>& gradient);

  GatysSettings settings_;
  Tensor content_, style_;            // RGB, resized
  Tensor optimised_content_, optimised_style_;  // what the network sees: RGB, or luminance as 3 equal channels
  Shape pixel_shape_;                 // [1, 3, H, W], or [1, 1, H, W] for luminance-only
  std::unique_ptr<LossNetwork> network_;
  std::unique_ptr<PerceptualLoss> loss_;
  std::unique_ptr<Lbfgs> lbfgs_;
  std::unique_ptr<Parameter> adam_pixels_;
  std::unique_ptr<Adam> adam_;
  std::vector<float> pixels_;
  int iteration_ = 0;
  float content_loss_ = 0, style_loss_ = 0, tv_loss_ = 0, total_loss_ = 0;
  float last_terms_[4] = {0, 0, 0, 0};  // of the latest evaluation: content, style, tv, total
};
