// tests/demos/captioning/joint_panels_test.cpp: the Retrieval and VQA tabs,
// driven by frames of counted budget checks with the shipped weights: they
// load lazily, evaluate a bounded amount per frame, report their numbers, and
// handle unknown, empty and overlong queries with a notice.
#include <doctest/doctest.h>

#include <string>

#include "demos/assets.h"
#include "demos/captioning/retrieval_panel.h"
#include "demos/captioning/vqa_panel.h"

namespace {

template <typename Panel>
int run_until_evaluated(Panel& panel) {
  const std::string data_dir = PLAYGROUND_DATA_DIR;  // asset names start with data/
  set_asset_directory(data_dir.substr(0, data_dir.size() - std::string("/data").size()));
  int frames = 0;
  for (; frames < 200 && !panel.loader().evaluated() && panel.loader().error().empty(); ++frames) {
    const StepBudget budget = StepBudget::for_checks(4);
    panel.step(budget);
    // Work stops at the first "expired": at most 4 scenes a frame, and one "yes" answer.
    CHECK(budget.expired_answers <= 1);
    if (panel.loader().evaluation()) CHECK(panel.loader().evaluation()->scenes_done() <= 4 * (frames + 1));
  }
  REQUIRE_MESSAGE(panel.loader().error().empty(), panel.loader().error());
  REQUIRE(panel.loader().evaluated());
  panel.step(StepBudget::for_checks(4));  // the first searches / answers with everything loaded
  set_asset_directory(".");
  return frames;
}

double reported(const DemoReport& report, const std::string& key) {
  for (const auto& [name, value] : report.numbers)
    if (name == key) return value;
  return -1;
}

}  // namespace

TEST_CASE("the retrieval tab loads only when shown, then finds scenes for a caption and captions for a scene") {
  RetrievalPanel panel;
  panel.step(StepBudget::for_checks(4), false);
  CHECK_FALSE(panel.loader().ready());
  CHECK(run_until_evaluated(panel) >= 100 / 4);  // spread over frames, a few scenes each
  REQUIRE(panel.scene_hits().size() == 5);
  for (size_t i = 1; i < panel.scene_hits().size(); ++i)
    CHECK(panel.scene_hits()[i - 1].score >= panel.scene_hits()[i].score);
  CHECK(panel.query_notice().empty());
  REQUIRE(panel.caption_hits().size() == 5);
  DemoReport report;
  panel.report(report);
  CHECK(reported(report, "retrieval.recall_at_1") > 0.1);
  CHECK(reported(report, "retrieval.recall_at_5") >= reported(report, "retrieval.recall_at_1"));
}

TEST_CASE("the retrieval tab reads unknown words as <unk> with a notice and refuses an empty query") {
  RetrievalPanel panel;
  run_until_evaluated(panel);
  panel.set_query("a red cat left of a blue shirt");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.query_notice() == "1 word not in the vocabulary, read as <unk>: cat");
  CHECK(panel.scene_hits().size() == 5);
  panel.set_query("   ?! ");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.query_notice() == "the text has no words");
  CHECK(panel.scene_hits().empty());
  std::string long_query;
  for (int i = 0; i < 40; ++i) long_query += "a bag ";
  panel.set_query(long_query);
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.query_notice().find("only the first 32 words") != std::string::npos);
  CHECK(panel.scene_hits().size() == 5);
}

TEST_CASE("the VQA tab answers a scene's generated questions and reports accuracy per type") {
  VqaPanel panel;
  run_until_evaluated(panel);
  int right = 0, asked = 0;
  for (int scene = 0; scene < 10; ++scene) {
    panel.set_scene(scene);
    panel.step(StepBudget::for_checks(1));
    const std::vector<Question> questions = panel.scene_question_list();
    for (const Question& q : questions) {
      panel.set_question(q.text);
      panel.step(StepBudget::for_checks(1));
      REQUIRE(panel.answer_probabilities().size() == kAnswerCount);
      double total = 0;
      for (float p : panel.answer_probabilities()) total += p;
      CHECK(total == doctest::Approx(1.0).epsilon(1e-5));
      CHECK(panel.true_answer_index() == q.answer);
      right += panel.predicted_answer() == q.answer ? 1 : 0;
      ++asked;
    }
  }
  CHECK(asked > 20);
  CHECK(right > asked / 2);
  DemoReport report;
  panel.report(report);
  CHECK(reported(report, "vqa.accuracy") > 0.5);
}

TEST_CASE("the VQA tab handles unknown words, off-template and empty questions with a notice") {
  VqaPanel panel;
  run_until_evaluated(panel);
  panel.set_question("what colour is the hat?");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.question_notice().find("read as <unk>: hat") != std::string::npos);
  CHECK(panel.question_notice().find("not one of the templates") != std::string::npos);
  CHECK(panel.true_answer_index() == -1);
  CHECK(panel.answer_probabilities().size() == kAnswerCount);  // the model still answers
  panel.set_question("");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.question_notice() == "the text has no words");
  CHECK(panel.answer_probabilities().empty());
}

TEST_CASE("the VQA tab says when a colour question has no true answer in the scene, and still shows the model's") {
  VqaPanel panel;
  run_until_evaluated(panel);
  panel.set_scene(0);  // test scene 0: a boot, a top and a pullover, no bag
  panel.set_question("what colour is the bag?");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.question_notice().find("no single bag") != std::string::npos);
  CHECK(panel.true_answer_index() == -1);
  CHECK(panel.answer_probabilities().size() == kAnswerCount);
  panel.set_question("what colour is the pullover?");
  panel.step(StepBudget::for_checks(1));
  CHECK(panel.question_notice().empty());
  CHECK(panel.true_answer_index() >= 0);
}
