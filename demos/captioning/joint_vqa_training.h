// Retrieval and VQA trained together: one image encoder (image_encoder.h)
// feeds both the joint embedding and the VQA model, and a training step
// minimises the sum of the two losses (InfoNCE + answer cross-entropy) on one
// batch of training scenes, each with one of its reference captions and one
// generated question. One DLPW file holds all three (assets/joint-vqa.dlpw,
// tools/train_joint.cpp). Evaluation runs one test scene per call, so the
// page can spread it over frames.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demos/captioning/image_encoder.h"
#include "demos/captioning/joint_embedding.h"
#include "demos/captioning/questions.h"
#include "demos/captioning/scene.h"
#include "demos/captioning/vqa_model.h"
#include "engine/io/weights.h"
#include "engine/optim/adam.h"

struct JointVqaModels {
  static constexpr uint64_t kSeed = 20261201;
  explicit JointVqaModels(uint64_t seed = kSeed);

  ImageEncoder encoder;
  JointEmbedding joint;
  VqaModel vqa;

  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> saved_parameters();
};

// Loads all three models from DLPW bytes; on error ("weights: ..." or a
// clearer reason) nothing is changed.
LoadResult load_joint_vqa(const uint8_t* data, size_t size, JointVqaModels& models);

// B training examples: the scenes' pictures, one reference caption and one question each.
struct JointBatch {
  Tensor images;  // [B, 3, 64, 64]
  std::vector<std::vector<int>> captions;   // caption vocabulary ids
  std::vector<std::vector<int>> questions;  // question vocabulary ids
  std::vector<int> answers;
};
// Scenes and choices follow from (seed, split) alone.
JointBatch make_joint_batch(const SceneItems& items, SceneSplit split, uint64_t seed, int batch_size);
Tensor stack_images(const std::vector<Tensor>& images);  // [1,3,64,64] each -> [N,3,64,64]

struct JointStepLosses {
  float retrieval = 0, vqa = 0;
};

class JointVqaTrainer {
 public:
  JointVqaTrainer(JointVqaModels& models, const SceneItems& items, int batch_size = 32, float rate = 2e-3f,
                  uint64_t seed = 1);
  // One Adam step on batch number step(); NaN losses and error() on failure.
  JointStepLosses step();
  int steps_done() const { return steps_; }
  Adam& optimizer() { return optimizer_; }
  const std::string& error() const { return error_; }

 private:
  JointVqaModels& models_;
  const SceneItems& items_;
  int batch_size_;
  uint64_t seed_;
  Adam optimizer_;
  int steps_ = 0;
  std::string error_;
};

// The test-split measurements: caption -> scene Recall@1/@5 over the first N
// test scenes (each queried by its canonical caption), and VQA accuracy by
// question type on those scenes' generated questions (scene_questions).
class JointEvaluation {
 public:
  JointEvaluation(const SceneItems& items, int scene_count, SceneSplit split = SceneSplit::test);
  // Evaluates the next scene; false once all are done (then the results are final).
  bool step(JointVqaModels& models);
  bool done() const { return next_ >= scene_count_; }
  int scenes_done() const { return next_; }
  int scene_count() const { return scene_count_; }

  RecallAtK recall() const;
  double vqa_accuracy() const;               // over all questions
  double vqa_accuracy(QuestionType type) const;
  int vqa_questions(QuestionType type) const;
  const std::string& error() const { return error_; }
  // Per scene, once done: image and caption vectors (E floats each), for the panel's searches.
  const std::vector<float>& image_vectors() const { return images_; }
  const std::vector<float>& caption_vectors() const { return captions_; }

 private:
  const SceneItems& items_;
  int scene_count_;
  SceneSplit split_;
  int next_ = 0;
  std::vector<float> images_, captions_;
  int correct_[kQuestionTypes] = {}, asked_[kQuestionTypes] = {};
  std::string error_;
};
