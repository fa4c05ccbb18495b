#include "demos/captioning/vqa_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/captioning/captions.h"
#include "demos/captioning/shown_message.h"
#include "demos/captioning/vocabulary.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "engine/det_math.h"
#include "imgui.h"

namespace {

constexpr int kPictureSlot = 92000;

bool question_valid(const std::string& text) {
  return text.size() <= VqaPanel::kMaxQuestionLength &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; });
}

// The most frequent answer's share per type on the evaluated scenes would be
// the honest baseline; these are the uniform chance levels over each type's answers.
double chance(QuestionType type) {
  switch (type) {
    case QuestionType::colour: return 1.0 / 6;
    case QuestionType::count: return 1.0 / 5;
    case QuestionType::relation: return 1.0 / 2;
  }
  return 0;
}

}  // namespace

void VqaPanel::declare_state(StateFields& fields) {
  fields.integer("q_scene", &scene_, 0, 0, JointVqaLoader::kTestScenes - 1);
  fields.text("q_question", &question_, "what colour is the bag?", kMaxQuestionLength, question_valid);
}

int VqaPanel::predicted_answer() const {
  if (probabilities_.empty()) return -1;
  return static_cast<int>(std::max_element(probabilities_.begin(), probabilities_.end()) - probabilities_.begin());
}

void VqaPanel::step(const StepBudget& budget, bool active) {
  if (!active) return;
  // The answer first (one forward pass, a few ms), then loading or the accuracy evaluation in the budget.
  const bool changed = !answered_ || scene_ != answered_scene_ || question_ != answered_question_;
  if (loader_.ready() && changed) {
    answer();
    answered_ = true;
  }
  loader_.step(budget);
}

// One forward pass (about one encoder pass): cheap enough for a frame.
void VqaPanel::answer() {
  answered_scene_ = scene_;
  answered_question_ = question_;
  probabilities_.clear();
  true_answer_ = -1;
  const int picked = std::clamp(scene_, 0, JointVqaLoader::kTestScenes - 1);
  const Scene scene = generate_scene(loader_.items(), SceneSplit::test, static_cast<uint64_t>(picked));
  scene_questions_ = scene_questions(scene, static_cast<uint64_t>(picked));
  const TokenisedText words = Vocabulary::questions().tokenise(question_);
  notice_ = words.notice;
  if (words.ids.empty()) return;
  QuestionForm form;
  const auto add_notice = [this](const std::string& text) { notice_ += (notice_.empty() ? "" : "; ") + text; };
  if (!parse_question(words.ids, &form)) {
    add_notice(translatable("not one of the templates the model was trained on"));
  } else {
    true_answer_ = true_answer(scene, form);
    // The classifier always picks one of its answers; say when the question itself has none.
    if (true_answer_ < 0 && form.type == QuestionType::colour)
      add_notice("this scene has no single " + std::string(class_word(form.class_a)) +
                 ", so the question has no true answer; " + translatable("the model answers anyway"));
  }
  Tape tape;
  tape.training = false;
  NoGradScope no_grad(tape);
  JointVqaModels& models = loader_.models();
  Var logits = models.vqa.logits(tape, models.encoder.encode(tape, tape.constant(render_scene(loader_.items(), scene))),
                                 {words.ids});
  if (tape.failed()) {
    notice_ = tape.error();
    return;
  }
  const float* row = logits.value().data();
  const float top = *std::max_element(row, row + kAnswerCount);
  double total = 0;
  for (int a = 0; a < kAnswerCount; ++a) {
    probabilities_.push_back(static_cast<float>(det_math::exp(static_cast<double>(row[a] - top))));
    total += probabilities_.back();
  }
  for (float& p : probabilities_) p = static_cast<float>(p / total);
}

void VqaPanel::draw() {
  if (!loader_.ready()) {
    ImGui::TextWrapped("%s", loader_.status().c_str());
    if (loader_.error().empty()) ImGui::ProgressBar(loader_.progress(), ImVec2(-1, 0));
    return;
  }
  ImGui::TextWrapped("%s", tr("VQA (Antol et al. 2015): a GRU reads the question, the CNN the scene; the two vectors "
                              "are multiplied point by point and a small classifier picks one of 13 answers."));
  ImGui::SliderInt(tr_id("test scene##vqa"), &scene_, 0, JointVqaLoader::kTestScenes - 1);
  const int picked = std::clamp(scene_, 0, JointVqaLoader::kTestScenes - 1);
  if (picture_scene_ != picked) {
    const Tensor pixels =
        render_scene(loader_.items(), generate_scene(loader_.items(), SceneSplit::test, static_cast<uint64_t>(picked)));
    set_rgb_image_from_planes(picture_, pixels.data(), kSceneSize, kSceneSize);
    ++picture_.version;
    picture_scene_ = picked;
  }
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_rgb_image(at, ImVec2(at.x + 192, at.y + 192), picture_, kPictureSlot, true);
  ImGui::Dummy(ImVec2(192, 192));
  // The questions beside the picture, or under it when they would not fit (a phone).
  float longest = ImGui::CalcTextSize(tr("questions about this scene:")).x;
  for (const auto& question : scene_questions_) longest = std::max(longest, ImGui::CalcTextSize(question.text.c_str()).x);
  same_line_if_fits(longest);
  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr("questions about this scene:"));
  for (size_t i = 0; i < scene_questions_.size(); ++i)
    if (ImGui::Selectable((scene_questions_[i].text + "##q" + std::to_string(i)).c_str(),
                          scene_questions_[i].text == question_))
      question_ = scene_questions_[i].text;
  ImGui::EndGroup();
  if (buffer_shows_ != question_) {
    std::snprintf(buffer_, sizeof buffer_, "%s", question_.c_str());
    buffer_shows_ = question_;
  }
  if (ImGui::InputText(tr_id("question"), buffer_, sizeof buffer_)) {
    const std::string typed(buffer_);
    if (question_valid(typed)) question_ = buffer_shows_ = typed;
  }
  if (!notice_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
    ImGui::TextWrapped("%s", shown_message(notice_).c_str());
    ImGui::PopStyleColor();
  }
  if (!probabilities_.empty()) {
    ImGui::Text(tr("answer: %s%s"), answer_word(predicted_answer()),
                true_answer_ < 0 ? "" : (predicted_answer() == true_answer_ ? tr("  (right)") : tr("  (wrong)")));
    if (true_answer_ >= 0) ImGui::Text(tr("true answer: %s"), answer_word(true_answer_));
    for (int a = 0; a < kAnswerCount; ++a) {
      ImGui::ProgressBar(probabilities_[static_cast<size_t>(a)], ImVec2(160, 0), "");
      ImGui::SameLine();
      ImGui::Text("%-6s %.3f", answer_word(a), static_cast<double>(probabilities_[static_cast<size_t>(a)]));
    }
  }
  ImGui::Separator();
  const JointEvaluation* evaluation = loader_.evaluation();
  if (!loader_.evaluated() || evaluation == nullptr) {
    ImGui::TextUnformatted(loader_.status().c_str());
    return;
  }
  ImGui::Text(tr("accuracy on %d test scenes' questions: %.3f"), evaluation->scene_count(), evaluation->vqa_accuracy());
  for (int t = 0; t < kQuestionTypes; ++t) {
    const QuestionType type = static_cast<QuestionType>(t);
    ImGui::Text(tr("  %-8s %.3f on %d questions (uniform chance %.2f)"), tr(question_type_name(type)),
                evaluation->vqa_accuracy(type), evaluation->vqa_questions(type), chance(type));
  }
}

void VqaPanel::report(DemoReport& out) const {
  if (!loader_.evaluated()) return;
  const JointEvaluation& evaluation = *loader_.evaluation();
  out.set("vqa.accuracy", evaluation.vqa_accuracy());
  out.set("vqa.accuracy_colour", evaluation.vqa_accuracy(QuestionType::colour));
  out.set("vqa.accuracy_count", evaluation.vqa_accuracy(QuestionType::count));
  out.set("vqa.accuracy_relation", evaluation.vqa_accuracy(QuestionType::relation));
}
