#include "demos/captioning/questions.h"

#include "demos/captioning/captions.h"
#include "demos/captioning/vocabulary.h"
#include "demos/i18n/tr.h"

namespace {

int count_of(const Scene& scene, int item_class) {
  int count = 0;
  for (const SceneObject& object : scene.objects) count += object.item_class == item_class ? 1 : 0;
  return count;
}

int pick(Pcg32& rng, int n) { return static_cast<int>(rng.below(static_cast<uint32_t>(n))); }

// The class whose singular (or, with plural, plural) word is `word`, or -1.
int class_of_word(const std::string& word, bool plural) {
  for (int c = 0; c < kClassCount; ++c)
    if (word == (plural ? class_plural(c) : class_word(c))) return c;
  return -1;
}

}  // namespace

const char* question_type_name(QuestionType type) {
  switch (type) {
    case QuestionType::colour: return translatable("colour");
    case QuestionType::count: return translatable("count");
    case QuestionType::relation: return translatable("relation");
  }
  return "?";
}

const char* answer_word(int answer) {
  static const char* const words[kAnswerCount] = {"no",     "yes", "red", "green", "blue", "yellow", "purple",
                                                  "white", "0",   "1",   "2",     "3",    "4"};
  return answer >= 0 && answer < kAnswerCount ? words[answer] : "?";
}

const char* relation_words(Relation relation) {
  switch (relation) {
    case Relation::left_of: return "left of";
    case Relation::right_of: return "right of";
    case Relation::above: return "above";
    case Relation::below: return "below";
  }
  return "?";
}

bool relation_holds(Relation relation, const Box& a, const Box& b) {
  switch (relation) {
    case Relation::left_of: return left_of(a, b);
    case Relation::right_of: return left_of(b, a);
    case Relation::above: return above(a, b);
    case Relation::below: return above(b, a);
  }
  return false;
}

std::string question_text(const QuestionForm& form) {
  switch (form.type) {
    case QuestionType::colour: return std::string("what colour is the ") + class_word(form.class_a) + "?";
    case QuestionType::count: return std::string("how many ") + class_plural(form.class_a) + "?";
    case QuestionType::relation:
      return std::string("is there a ") + class_word(form.class_a) + " " + relation_words(form.relation) + " a " +
             class_word(form.class_b) + "?";
  }
  return "";
}

int true_answer(const Scene& scene, const QuestionForm& form) {
  switch (form.type) {
    case QuestionType::colour:
      if (count_of(scene, form.class_a) != 1) return -1;
      for (const SceneObject& object : scene.objects)
        if (object.item_class == form.class_a) return kFirstColourAnswer + object.colour;
      return -1;
    case QuestionType::count: {
      const int count = count_of(scene, form.class_a);
      return count <= 4 ? kFirstCountAnswer + count : -1;
    }
    case QuestionType::relation:
      for (size_t i = 0; i < scene.objects.size(); ++i)
        for (size_t j = 0; j < scene.objects.size(); ++j)
          if (i != j && scene.objects[i].item_class == form.class_a && scene.objects[j].item_class == form.class_b &&
              relation_holds(form.relation, scene.objects[i].box, scene.objects[j].box))
            return kAnswerYes;
      return kAnswerNo;
  }
  return -1;
}

bool generate_question(const Scene& scene, QuestionType type, Pcg32& rng, Question* out) {
  QuestionForm form;
  form.type = type;
  const int objects = static_cast<int>(scene.objects.size());
  if (objects == 0) return false;
  switch (type) {
    case QuestionType::colour: {
      std::vector<int> unique;
      for (int c = 0; c < kClassCount; ++c)
        if (count_of(scene, c) == 1) unique.push_back(c);
      if (unique.empty()) return false;
      form.class_a = unique[static_cast<size_t>(pick(rng, static_cast<int>(unique.size())))];
      break;
    }
    case QuestionType::count:
      // Four in five ask about an object in the scene, the rest about any class (often answer 0).
      form.class_a = pick(rng, 5) < 4 ? scene.objects[static_cast<size_t>(pick(rng, objects))].item_class
                                      : pick(rng, kClassCount);
      break;
    case QuestionType::relation: {
      const bool want_yes = pick(rng, 2) == 0;
      bool found = false;
      // Draw forms until one has the wanted answer; the other answer if none does in 40 draws.
      for (int attempt = 0; attempt < 40 && !found; ++attempt) {
        QuestionForm candidate = form;
        candidate.relation = static_cast<Relation>(pick(rng, kRelationCount));
        if (objects >= 2 && (want_yes || pick(rng, 2) == 0)) {
          const int i = pick(rng, objects);
          int j = pick(rng, objects - 1);
          j += j >= i ? 1 : 0;
          candidate.class_a = scene.objects[static_cast<size_t>(i)].item_class;
          candidate.class_b = scene.objects[static_cast<size_t>(j)].item_class;
        } else {
          candidate.class_a = pick(rng, kClassCount);
          candidate.class_b = pick(rng, kClassCount);
        }
        // Two different classes (a scene of bags only still gets "is there a bag left of a coat?").
        if (candidate.class_a == candidate.class_b)
          candidate.class_b = (candidate.class_b + 1 + pick(rng, kClassCount - 1)) % kClassCount;
        form = candidate;
        found = (true_answer(scene, form) == kAnswerYes) == want_yes;
      }
      if (form.class_a == form.class_b) return false;
      break;
    }
  }
  const int answer = true_answer(scene, form);
  if (answer < 0) return false;
  *out = Question{form, question_text(form), answer};
  return true;
}

std::vector<Question> scene_questions(const Scene& scene, uint64_t seed) {
  Pcg32 rng(seed, 0x9e5710a5ULL);
  std::vector<Question> questions;
  for (int repeat = 0; repeat < 2; ++repeat)
    for (int t = 0; t < kQuestionTypes; ++t) {
      Question question;
      if (!generate_question(scene, static_cast<QuestionType>(t), rng, &question)) continue;
      bool seen = false;
      for (const Question& q : questions) seen = seen || q.text == question.text;
      if (!seen) questions.push_back(question);
    }
  return questions;
}

bool parse_question(const std::vector<int>& ids, QuestionForm* out) {
  const Vocabulary& vocabulary = Vocabulary::questions();
  std::vector<std::string> w;
  for (int id : ids) w.push_back(vocabulary.word(id));
  QuestionForm form;
  if (w.size() == 5 && w[0] == "what" && (w[1] == "colour" || w[1] == "color") && w[2] == "is" && w[3] == "the") {
    form.type = QuestionType::colour;
    form.class_a = class_of_word(w[4], false);
  } else if (w.size() == 3 && w[0] == "how" && w[1] == "many") {
    form.type = QuestionType::count;
    form.class_a = class_of_word(w[2], true);
  } else if ((w.size() == 8 || w.size() == 7) && w[0] == "is" && w[1] == "there" && w[2] == "a") {
    form.type = QuestionType::relation;
    form.class_a = class_of_word(w[3], false);
    size_t next = 4;
    if (w.size() == 8 && w[4] == "left" && w[5] == "of") form.relation = Relation::left_of, next = 6;
    else if (w.size() == 8 && w[4] == "right" && w[5] == "of") form.relation = Relation::right_of, next = 6;
    else if (w.size() == 7 && w[4] == "above") form.relation = Relation::above, next = 5;
    else if (w.size() == 7 && w[4] == "below") form.relation = Relation::below, next = 5;
    else return false;
    if (w[next] != "a") return false;
    form.class_b = class_of_word(w[next + 1], false);
    if (form.class_b < 0) return false;
  } else {
    return false;
  }
  if (form.class_a < 0) return false;
  *out = form;
  return true;
}
