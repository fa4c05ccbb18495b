// The captioning demo's VQA tab (issue 12, section 7), hosted by the demo: a
// test scene, a question (typed, or picked from the scene's generated ones),
// the model's distribution over the 13 answers, the true answer when the
// question follows a template, and accuracy per question type on the test
// split. The model is vqa_model.h; weights load lazily (joint_vqa_loader.h).
// URL keys start with q_.
#pragma once

#include <string>
#include <vector>

#include "demos/captioning/joint_vqa_loader.h"
#include "demos/captioning/questions.h"
#include "demos/demo.h"
#include "demos/rgb_image.h"

class VqaPanel {
 public:
  static constexpr size_t kMaxQuestionLength = 300;

  void declare_state(StateFields& fields);  // q_scene, q_question
  void step(const StepBudget& budget, bool active = true);
  void draw();
  void report(DemoReport& out) const;  // vqa.accuracy and per type

  void set_scene(int scene) { scene_ = scene; }
  void set_question(const std::string& text) { question_ = text; }
  // The last answered question: probabilities over answer_word(0..12) (empty if none), notice, truth.
  const std::vector<float>& answer_probabilities() const { return probabilities_; }
  int predicted_answer() const;  // -1 if none
  int true_answer_index() const { return true_answer_; }  // -1 if unknown (not a template)
  const std::string& question_notice() const { return notice_; }
  const std::vector<Question>& scene_question_list() const { return scene_questions_; }
  JointVqaLoader& loader() { return loader_; }

 private:
  void answer();

  JointVqaLoader loader_;
  int scene_ = 0;
  std::string question_ = "what colour is the bag?";
  int answered_scene_ = -1;
  std::string answered_question_;
  bool answered_ = false;
  std::vector<float> probabilities_;
  int true_answer_ = -1;
  std::string notice_;
  std::vector<Question> scene_questions_;
  char buffer_[kMaxQuestionLength + 1] = {};
  std::string buffer_shows_;
  RgbImage picture_;
  int picture_scene_ = -1;
};
