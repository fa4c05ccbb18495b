// tests/demos/captioning/questions_test.cpp: generated questions are true of
// their scenes (checked here by brute force, across many seeds and both
// splits), balanced enough to learn from, and typed templates parse back.
#include "demos/captioning/questions.h"

#include <doctest/doctest.h>

#include "demos/captioning/captions.h"
#include "demos/captioning/vocabulary.h"
#include "tests/demos/captioning/real_scene_items.h"

namespace {

// The answer computed again from the objects, without questions.cpp's helpers.
int brute_force_answer(const Scene& scene, const QuestionForm& form) {
  int count = 0, colour = -1;
  for (const SceneObject& o : scene.objects)
    if (o.item_class == form.class_a) ++count, colour = o.colour;
  if (form.type == QuestionType::count) return kFirstCountAnswer + count;
  if (form.type == QuestionType::colour) return count == 1 ? kFirstColourAnswer + colour : -1;
  for (const SceneObject& a : scene.objects)
    for (const SceneObject& b : scene.objects) {
      if (&a == &b || a.item_class != form.class_a || b.item_class != form.class_b) continue;
      const bool holds = form.relation == Relation::left_of    ? a.box.right() <= b.box.x
                         : form.relation == Relation::right_of ? b.box.right() <= a.box.x
                         : form.relation == Relation::above    ? a.box.bottom() <= b.box.y
                                                               : b.box.bottom() <= a.box.y;
      if (holds) return kAnswerYes;
    }
  return kAnswerNo;
}

}  // namespace

TEST_CASE("generated questions are true of their scenes across 600 scenes of both splits") {
  const SceneItems& items = real_scene_items();
  int asked[kQuestionTypes] = {}, yes = 0, zero_counts = 0;
  for (SceneSplit split : {SceneSplit::train, SceneSplit::test})
    for (uint64_t seed = 0; seed < 300; ++seed) {
      const Scene scene = generate_scene(items, split, seed);
      Pcg32 rng(seed, 5);
      for (int t = 0; t < kQuestionTypes; ++t) {
        Question q;
        const bool made = generate_question(scene, static_cast<QuestionType>(t), rng, &q);
        if (!made) {
          // Only a colour question can be impossible: no class occurs exactly once.
          CHECK(t == static_cast<int>(QuestionType::colour));
          continue;
        }
        ++asked[t];
        CHECK(q.answer == brute_force_answer(scene, q.form));
        CHECK(q.text == question_text(q.form));
        if (q.form.type == QuestionType::relation) {
          CHECK(q.form.class_a != q.form.class_b);
          yes += q.answer == kAnswerYes ? 1 : 0;
        }
        if (q.form.type == QuestionType::count) zero_counts += q.answer == kFirstCountAnswer ? 1 : 0;
        // The words are all in the question vocabulary and parse back to the same meaning.
        const TokenisedText words = Vocabulary::questions().tokenise(q.text);
        CHECK(words.unknown_count == 0);
        QuestionForm parsed;
        REQUIRE(parse_question(words.ids, &parsed));
        CHECK(true_answer(scene, parsed) == q.answer);
      }
    }
  CHECK(asked[0] > 400);  // most scenes have a class that occurs once
  CHECK(asked[1] == 600);
  CHECK(asked[2] == 600);
  // Relation answers are neither always yes nor always no; counts of 0 occur but do not dominate.
  CHECK(yes > 600 * 3 / 10);
  CHECK(yes < 600 * 7 / 10);
  CHECK(zero_counts > 20);
  CHECK(zero_counts < 200);
}

TEST_CASE("a colour question is never asked of a class that occurs twice or not at all") {
  Scene scene;
  SceneObject bag;
  bag.item_class = 8;
  bag.box = Box{0, 0};
  SceneObject other = bag;
  other.box = Box{30, 30};
  scene.objects = {bag, other};
  Pcg32 rng(1);
  Question q;
  CHECK_FALSE(generate_question(scene, QuestionType::colour, rng, &q));
  CHECK(true_answer(scene, QuestionForm{QuestionType::colour, 8, 0, Relation::left_of}) == -1);
  CHECK(true_answer(scene, QuestionForm{QuestionType::colour, 3, 0, Relation::left_of}) == -1);
  CHECK(true_answer(scene, QuestionForm{QuestionType::count, 8, 0, Relation::left_of}) == kFirstCountAnswer + 2);
  // Two bags, one above-left of the other: "is there a bag left of a bag" is about two distinct bags.
  CHECK(true_answer(scene, QuestionForm{QuestionType::relation, 8, 8, Relation::left_of}) == kAnswerYes);
}

TEST_CASE("the question vocabulary keeps every caption word's index and appends its own words") {
  const Vocabulary& captions = Vocabulary::captions();
  const Vocabulary& questions = Vocabulary::questions();
  REQUIRE(questions.size() == captions.size() + 6);
  for (int i = 0; i < captions.size(); ++i) CHECK(questions.word(i) == captions.word(i));
  CHECK(questions.id("colour") == captions.size() + 1);
  CHECK(captions.id("what") == kUnk);
}

TEST_CASE("typed questions parse only when they follow a template") {
  const Vocabulary& v = Vocabulary::questions();
  QuestionForm form;
  REQUIRE(parse_question(v.tokenise("What color is the BAG?").ids, &form));
  CHECK(form.type == QuestionType::colour);
  CHECK(form.class_a == 8);
  REQUIRE(parse_question(v.tokenise("is there a sneaker below a dress").ids, &form));
  CHECK(form.relation == Relation::below);
  CHECK(form.class_b == 3);
  CHECK_FALSE(parse_question(v.tokenise("how many bag").ids, &form));     // needs the plural
  CHECK_FALSE(parse_question(v.tokenise("what colour is the cat").ids, &form));
  CHECK_FALSE(parse_question(v.tokenise("is there a bag next to a coat").ids, &form));
  CHECK_FALSE(parse_question({}, &form));
}
