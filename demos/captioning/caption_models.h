// The demo's two captioners (Show and Tell; Show, Attend and Tell) and their
// weights: made untrained from a seed at once, then replaced by the shipped
// weights (assets/captioner.dlpw) when they arrive, loaded lazily with
// progress. A corrupt or truncated file leaves the untrained models in place
// and says why. This is the only file of the demo that knows Captioner.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/captioning/caption_decoding.h"
#include "demos/captioning/scene.h"
#include "engine/tensor.h"

class CaptionModels {
 public:
  static constexpr int kAttention = 0, kShowTell = 1;
  static constexpr const char* kWeightsAsset = "data/captioner.dlpw";

  CaptionModels();
  ~CaptionModels();
  CaptionModels(const CaptionModels&) = delete;
  CaptionModels& operator=(const CaptionModels&) = delete;

  // Asks for the weights (once) and loads them when they have arrived.
  void poll();
  enum class Weights { untrained, loading, shipped, failed };
  Weights weights() const { return weights_; }
  float progress() const { return progress_; }
  const std::string& message() const { return message_; }  // why loading failed
  unsigned version() const { return version_; }  // bumps when the weights change

  // Weights the in-page training sent for one model (a DLPW of its tensors,
  // caption_train_job.h): used instead of the shipped ones while use_trained
  // is on. "" or why they were refused (the model then stays as it was).
  std::string set_trained(int model, const std::vector<uint8_t>& weights);
  void use_trained(bool on);
  bool using_trained(int model) const;

  // The model's decoder for one rendered scene [1, 3, 64, 64].
  CaptionSource source(int model, const Tensor& image) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Weights weights_ = Weights::untrained;
  float progress_ = 0;
  std::string message_;
  unsigned version_ = 1;
  bool use_trained_ = false;
};
