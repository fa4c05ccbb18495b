// Questions about a scene with answers that are true of it, for the VQA tab
// (Antol et al. 2015's task, on our world). Three types, each from a template:
//   colour:   "what colour is the bag?"           asked only of a class present exactly once
//   count:    "how many shirts?"                  0-4; mostly of present classes
//   relation: "is there a sneaker left of a bag?" yes / no, over any two distinct objects
// Relations are captions.h's left of / right of / above / below on boxes.
// Answers come from one fixed list of 13 (kAnswerCount), so the model is a
// classifier. Typed questions that follow a template are parsed back, so the
// page can give their true answer too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demos/captioning/scene.h"
#include "engine/random.h"

enum class QuestionType { colour, count, relation };
constexpr int kQuestionTypes = 3;
const char* question_type_name(QuestionType type);  // "colour", "count", "relation"

// Answer indices: "no" "yes", the 6 colours in scene.h's order, the counts 0-4.
constexpr int kAnswerNo = 0, kAnswerYes = 1, kFirstColourAnswer = 2, kFirstCountAnswer = 8;
constexpr int kAnswerCount = 13;
const char* answer_word(int answer);  // "no", "yes", "red", ..., "0", ..., "4"; "?" out of range

enum class Relation { left_of, right_of, above, below };
constexpr int kRelationCount = 4;
const char* relation_words(Relation relation);  // "left of", "right of", "above", "below"
bool relation_holds(Relation relation, const Box& a, const Box& b);

// The meaning of a question, independent of its wording.
struct QuestionForm {
  QuestionType type = QuestionType::count;
  int class_a = 0;                      // the asked class (the first one in a relation)
  int class_b = 0;                      // relation only
  Relation relation = Relation::left_of;  // relation only
};

struct Question {
  QuestionForm form;
  std::string text;  // the template's words, e.g. "how many shirts?"
  int answer = 0;    // index into the answer list
};

std::string question_text(const QuestionForm& form);
// The true answer, or -1 if the question has none (a colour question about a
// class absent or present more than once).
int true_answer(const Scene& scene, const QuestionForm& form);

// One question of `type` about `scene`, answerable, drawn from rng; false if
// the scene allows none of that type (colour, when no class occurs once).
// Relation questions are "yes" about half the time when the scene allows it.
bool generate_question(const Scene& scene, QuestionType type, Pcg32& rng, Question* out);
// One question of each type the scene allows (for the panel's pick list).
std::vector<Question> scene_questions(const Scene& scene, uint64_t seed);

// Reads typed words (Vocabulary::questions() ids) back into a form if they
// follow one of the templates exactly (the "?" is not a word); false otherwise.
bool parse_question(const std::vector<int>& ids, QuestionForm* out);
