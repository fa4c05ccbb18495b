#include "demos/captioning/caption_models.h"

#include <cmath>
#include <memory>

#include "demos/assets.h"
#include "demos/captioning/vocabulary.h"

#if __has_include("demos/captioning/captioner.h")
#include "demos/captioning/captioner.h"
#define CAPTION_MODELS_MERGED 1
#else
#define CAPTION_MODELS_MERGED 0
#endif

#if CAPTION_MODELS_MERGED

namespace {
constexpr uint64_t kUntrainedSeed = 12;
}

struct CaptionModels::Impl {
  Captioner attention{CaptionModel::attention, kUntrainedSeed};
  Captioner show_tell{CaptionModel::show_tell, kUntrainedSeed + 1};
  const Captioner& model(int which) const { return which == kAttention ? attention : show_tell; }
};

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

#else

// Until branch cap-models (the encoder and the two captioners) is merged, the
// page runs on a placeholder that predicts every word equally: it exercises
// the decoding and the views, and says plainly that it is no model.
struct CaptionModels::Impl {};

CaptionSource CaptionModels::source(int model, const Tensor& image) const {
  (void)image;
  CaptionSource source;
  source.initial_state = {0.0f};
  const bool attends = model == kAttention;
  source.step = [attends](int previous, const std::vector<float>& state, std::vector<float>* attention) {
    DecoderStep out;
    const int n = Vocabulary::captions().size();
    out.log_probs.assign(static_cast<size_t>(n), -std::log(static_cast<float>(n)));
    out.state = {state[0] + 1.0f + static_cast<float>(previous % 2)};
    if (attention && attends) attention->assign(64, 1.0f / 64);
    return out;
  };
  return source;
}

#endif

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
    weights_ = Weights::failed;
    message_ = std::string(kWeightsAsset) + ": the weights cannot be read yet (cap-models is not merged)";
  }
}
