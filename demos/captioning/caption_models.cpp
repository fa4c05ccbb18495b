#include "demos/captioning/caption_models.h"

#include <memory>

#include "demos/assets.h"
#include "demos/captioning/caption_weights.h"
#include "demos/captioning/captioner.h"

struct CaptionModels::Impl {
  // Before the weights arrive: the shipped models' own initialisation (tools/train_captioner.cpp).
  Captioner attention{CaptionModel::attention, kCaptionerSeed};
  Captioner show_tell{CaptionModel::show_tell, kCaptionerSeed};
  // What the in-page training sent, per model (null until it sends).
  std::unique_ptr<Captioner> trained[2];
  const Captioner& model(int which) const { return which == kAttention ? attention : show_tell; }
};

// The grid is computed once here and shared by every step the decoder takes.
CaptionSource CaptionModels::source(int model, const Tensor& image) const {
  const Captioner* captioner = using_trained(model) ? impl_->trained[model].get() : &impl_->model(model);
  auto context = std::make_shared<CaptionContext>(captioner->encode(image));
  CaptionSource source;
  source.initial_state = captioner->initial_state(*context);
  source.step = [captioner, context](int previous, const std::vector<float>& state, std::vector<float>* attention) {
    return captioner->step(*context, previous, state, attention);
  };
  return source;
}

std::string CaptionModels::set_trained(int model, const std::vector<uint8_t>& weights) {
  if (model != kAttention && model != kShowTell) return "trained weights: no such model";
  auto trained = std::make_unique<Captioner>(model == kAttention ? CaptionModel::attention : CaptionModel::show_tell,
                                             kCaptionerSeed);
  if (const std::string why = load_captioner(weights, *trained); !why.empty()) return why;
  impl_->trained[model] = std::move(trained);
  if (use_trained_) ++version_;
  return "";
}

void CaptionModels::use_trained(bool on) {
  if (on == use_trained_) return;
  use_trained_ = on;
  if (impl_->trained[0] || impl_->trained[1]) ++version_;
}

bool CaptionModels::using_trained(int model) const {
  return use_trained_ && (model == kAttention || model == kShowTell) && impl_->trained[model] != nullptr;
}

CaptionModels::CaptionModels() : impl_(std::make_unique<Impl>()) {}
CaptionModels::~CaptionModels() = default;

void CaptionModels::poll() {
  if (weights_ == Weights::shipped || weights_ == Weights::failed) return;
  AssetStatus asset = request_asset(kWeightsAsset);
  progress_ = asset.progress;
  if (asset.state == AssetStatus::State::Loading) {
    weights_ = Weights::loading;
  } else if (asset.state == AssetStatus::State::Failed) {
    weights_ = Weights::failed;
    message_ = asset.error.empty() ? std::string("could not load ") + kWeightsAsset : asset.error;
  } else if (asset.bytes) {
    // All or nothing (caption_weights.h): a bad file leaves both untrained models in place.
    const LoadResult loaded = load_captioners(asset.bytes->data(), asset.bytes->size(), impl_->show_tell, impl_->attention);
    if (loaded.ok) {
      weights_ = Weights::shipped;
      ++version_;
    } else {
      weights_ = Weights::failed;
      message_ = std::string(kWeightsAsset) + ": " + loaded.error;
    }
  }
}
