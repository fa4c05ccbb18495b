// Lazy loading for the retrieval and VQA tabs: the Fashion-MNIST asset (for
// the scenes) and the shipped weights (assets/joint-vqa.dlpw), fetched only
// once a tab is shown, with progress, then the test-split evaluation spread
// over frames (one scene per budget check). Each panel owns one.
#pragma once

#include <memory>
#include <string>

#include "demos/captioning/joint_vqa_training.h"
#include "demos/demo.h"

class JointVqaLoader {
 public:
  static constexpr const char* kScenesAsset = "data/fashion-mnist.bin";
  static constexpr const char* kWeightsAsset = "data/joint-vqa.dlpw";
  static constexpr int kTestScenes = 100;  // the tabs' test split: scenes 0-99

  // Polls the assets, then evaluates while the budget lasts. Never blocks on a fetch.
  void step(const StepBudget& budget);

  bool ready() const { return models_ != nullptr; }  // scenes and weights loaded
  bool evaluated() const { return evaluation_ && evaluation_->done() && evaluation_->error().empty(); }
  float progress() const;            // 0..1 over both downloads, then over the test-set evaluation
  const std::string& error() const { return error_; }  // a failed download or refused weights
  std::string status() const;        // one line for the page while not ready

  const SceneItems& items() const { return items_; }
  JointVqaModels& models() { return *models_; }
  const JointEvaluation* evaluation() const { return evaluation_.get(); }

  // Tests and tools: weights from bytes instead of the asset (an error message, or "").
  std::string use_weights(const uint8_t* data, size_t size);

 private:
  SceneItems items_;
  bool items_ready_ = false;
  float scenes_progress_ = 0, weights_progress_ = 0;
  std::unique_ptr<JointVqaModels> models_;
  std::unique_ptr<JointEvaluation> evaluation_;
  std::string error_;
};
