// The Inside tab: what the loss network sees. For one layer, a feature map
// and the Gram matrix of the content, the style and the current output,
// drawn side by side so the output's Gram can be watched converging to the
// style's while the optimisation runs; and the Gram matrix's blindness to
// layout made visible: the style's feature map with its positions shuffled
// has the very same Gram matrix.
//
// The numbers come from an "inside" background job (inside_job.h): one
// forward pass per picture, too slow for a frame at 256².
#pragma once

#include <string>

#include "demos/background_job.h"
#include "demos/rgb_image.h"
#include "demos/state_fields.h"
#include "demos/style_transfer/inside_job.h"

class InsidePanel {
 public:
  void declare_state(StateFields& fields);  // in_* keys
  // Starts a new analysis when a picture or the layer changed and none is running.
  // output may be empty (no iteration yet).
  void update(const LossNetworkChoice& network, const Tensor& content, const Tensor& style, const Tensor& output,
              unsigned inputs_version);
  void controls();
  void draw();

  const InsideAnalysis& analysis() const { return analysis_; }

 private:
  void refresh_pictures();

  int layer_ = 1;    // index into inside_layer_names(): 0 = pixels, 1 = relu1_1, ...
  int channel_ = 0;  // which feature map is shown
  BackgroundTask task_;
  std::string requested_key_;  // of the latest analysis asked for
  InsideAnalysis analysis_;
  std::string error_;
  RgbImage maps_[3], grams_[3], shuffled_map_, shuffled_gram_;
};
