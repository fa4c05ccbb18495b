#include "demos/captioning/joint_vqa_loader.h"

#include "demos/assets.h"
#include "demos/i18n/tr.h"

std::string JointVqaLoader::use_weights(const uint8_t* data, size_t size) {
  auto models = std::make_unique<JointVqaModels>();
  const LoadResult result = load_joint_vqa(data, size, *models);
  if (!result.ok) return result.error;
  models_ = std::move(models);
  evaluation_.reset();
  return "";
}

void JointVqaLoader::step(const StepBudget& budget) {
  if (!error_.empty()) return;
  if (!items_ready_) {
    const AssetStatus scenes = request_asset(kScenesAsset);
    scenes_progress_ = scenes.progress;
    if (scenes.state == AssetStatus::State::Failed) {
      error_ = scenes.error.empty() ? std::string("could not load ") + kScenesAsset : scenes.error;
      return;
    }
    if (scenes.state != AssetStatus::State::Ready || !scenes.bytes) return;
    error_ = items_.load_bytes(*scenes.bytes);
    if (!error_.empty()) return;
    items_ready_ = true;
    scenes_progress_ = 1;
  }
  if (!models_) {
    const AssetStatus weights = request_asset(kWeightsAsset);
    weights_progress_ = weights.progress;
    if (weights.state == AssetStatus::State::Failed) {
      error_ = weights.error.empty() ? std::string("could not load ") + kWeightsAsset : weights.error;
      return;
    }
    if (weights.state != AssetStatus::State::Ready || !weights.bytes) return;
    error_ = use_weights(weights.bytes->data(), weights.bytes->size());
    if (!error_.empty()) {
      error_ = std::string(kWeightsAsset) + ": " + error_;
      return;
    }
    weights_progress_ = 1;
  }
  if (!evaluation_) evaluation_ = std::make_unique<JointEvaluation>(items_, kTestScenes);
  while (!evaluation_->done() && !budget.expired()) evaluation_->step(*models_);
  if (!evaluation_->error().empty()) error_ = evaluation_->error();
}

float JointVqaLoader::progress() const {
  if (!models_) return 0.5f * (scenes_progress_ + weights_progress_);
  if (!evaluation_) return 0;
  return static_cast<float>(evaluation_->scenes_done()) / static_cast<float>(evaluation_->scene_count());
}

std::string JointVqaLoader::status() const {
  if (!error_.empty()) return error_;
  // Shown on the page only: in the UI language.
  if (!items_ready_) return tr("loading the scenes' images...");
  if (!models_) return tr("loading the retrieval and VQA weights...");
  if (evaluation_ && !evaluation_->done())
    return i18n::format(tr("evaluating on test scenes: %d of %d"), evaluation_->scenes_done(),
                        evaluation_->scene_count());
  return tr("ready");
}
