#include "demos/captioning/caption_models.h"

#include <memory>

#include "demos/assets.h"
#include "demos/captioning/caption_weights.h"
#include "demos/captioning/captioner.h"

struct CaptionModels::Impl {
  // Before the weights arrive: the shipped models' own initialisation (tools/train_captioner.cpp).
  Captioner attention{CaptionModel::attention, kCaptionerSeed};
  Captioner show_tell{CaptionModel::show_tell, kCaptionerSeed};
  const Captioner& model(int which) const { return which == kAttention ? attention : show_tell; }
};

// The grid is computed once here and shared by every step the decoder takes.
CaptionSource CaptionModels::source(int model, const Tensor& image) const {
  const Captioner* captioner = &impl_->model(model);
  auto context = std::make_shared<CaptionContext>(captioner->encode(image));
  CaptionSource source;
  source.initial_state = captioner->initial_state(*context);
  source.step = [captioner, context](int previous, const std::vector<float>& state, std::vector<float>* attention) {
    return captioner->step(*context, previous, state, attention);
  };
  return source;
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
