// tests/demos/captioning/bleu_test.cpp: BLEU (Papineni et al. 2002) on
// examples worked by hand; the arithmetic is in the comments.
#include "demos/captioning/bleu.h"

#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

namespace {

Tokens words(const std::string& text) {
  Tokens tokens;
  std::istringstream in(text);
  for (std::string word; in >> word;) tokens.push_back(word);
  return tokens;
}

}  // namespace

TEST_CASE("BLEU clips a repeated word to its largest count in any one reference (the paper's example)") {
  // Papineni et al. §2.1: "the" x7 against references with "the" twice and once.
  // Clipped unigram matches min(7, 2) = 2 of 7; c = 7, r = 7 (the closest) -> BP = 1.
  BleuScore s = sentence_bleu(words("the the the the the the the"),
                              {words("the cat is on the mat"), words("there is a cat on the mat")}, 1);
  CHECK(s.matches[0] == 2);
  CHECK(s.totals[0] == 7);
  CHECK(s.brevity_penalty == 1.0);
  CHECK(s.score == doctest::Approx(2.0 / 7.0));
}

TEST_CASE("BLEU counts each n-gram against whichever reference has it") {
  // C = "a red bag is left of a shirt" (8 words)
  // R1 = "a red bag left of a blue shirt" (8), R2 = "a blue shirt is right of a red bag" (9).
  // 1-grams: all 8 occur ("a" twice in each reference) -> 8/8.
  // 2-grams: a red, red bag, left of (R1 only), of a match; bag is, is left, a shirt do not -> 4/7.
  // 3-grams: a red bag, left of a -> 2/6.  4-grams: none -> 0/5.
  // c = 8, closest r = 8 -> BP = 1.
  // BLEU-3 = (1 * 4/7 * 2/6)^(1/3) = (4/21)^(1/3) = 0.5753696; BLEU-4 = 0 without smoothing.
  Tokens candidate = words("a red bag is left of a shirt");
  std::vector<Tokens> references = {words("a red bag left of a blue shirt"), words("a blue shirt is right of a red bag")};
  BleuScore four = sentence_bleu(candidate, references, 4);
  CHECK(four.matches == std::vector<long>{8, 4, 2, 0});
  CHECK(four.totals == std::vector<long>{8, 7, 6, 5});
  CHECK(four.reference_length == 8);
  CHECK(four.score == 0.0);
  CHECK(sentence_bleu(candidate, references, 3).score == doctest::Approx(0.5753696).epsilon(1e-6));
  // Either reference alone gives less: R1 lacks "is", R2 lacks "left of".
  CHECK(sentence_bleu(candidate, {references[0]}, 3).score < sentence_bleu(candidate, references, 3).score);
  CHECK(sentence_bleu(candidate, {references[1]}, 3).score < sentence_bleu(candidate, references, 3).score);

  // Chen & Cherry method 1: p4 = 0.1 / 5 = 0.02; BLEU-4 = (1 * 4/7 * 1/3 * 0.02)^(1/4) = 0.2484378.
  BleuScore smoothed = sentence_bleu(candidate, references, 4, BleuSmoothing::chen_cherry_1);
  CHECK(smoothed.precisions[3] == doctest::Approx(0.02));
  CHECK(smoothed.score == doctest::Approx(0.2484378).epsilon(1e-6));
}

TEST_CASE("the brevity penalty punishes a short candidate and never a long one") {
  // Short: c = 3, r = 7 -> BP = exp(1 - 7/3) = 0.2635971; p1 = 3/3 -> BLEU-1 = 0.2635971.
  BleuScore short_one = sentence_bleu(words("a red bag"), {words("a red bag left of a shirt")}, 1);
  CHECK(short_one.precisions[0] == 1.0);
  CHECK(short_one.brevity_penalty == doctest::Approx(0.2635971).epsilon(1e-6));
  CHECK(short_one.score == doctest::Approx(0.2635971).epsilon(1e-6));

  // Long: c = 7 > r = 3 -> BP = 1; clipped a 1, red 1, bag 1 of 7 -> BLEU-1 = 3/7.
  BleuScore long_one = sentence_bleu(words("a red bag and a red bag"), {words("a red bag")}, 1);
  CHECK(long_one.brevity_penalty == 1.0);
  CHECK(long_one.score == doctest::Approx(3.0 / 7.0));

  // Equal: c = r -> BP = exp(0) = 1.
  CHECK(sentence_bleu(words("a red bag"), {words("one red bag")}, 1).brevity_penalty == 1.0);
}

TEST_CASE("the closest reference length breaks ties toward the shorter reference") {
  // c = 5; references of 4 and 6 words are equally close -> r = 4 < c -> BP = 1
  // (were r = 6, BP would be exp(1 - 6/5) = 0.8187).
  BleuScore s = sentence_bleu(words("a b c d e"), {words("a b c d"), words("a b c d e f")}, 1);
  CHECK(s.reference_length == 4);
  CHECK(s.brevity_penalty == 1.0);
}

TEST_CASE("no matching word gives BLEU 0, and smoothing gives a small positive score") {
  BleuScore none = sentence_bleu(words("green coat"), {words("a red bag")}, 2);
  CHECK(none.matches == std::vector<long>{0, 0});
  CHECK(none.score == 0.0);
  // Method 1: p1 = 0.1/2, p2 = 0.1/1; c = 2, r = 3 -> BP = exp(-0.5);
  // BLEU-2 = exp(-0.5) * sqrt(0.05 * 0.1) = 0.0428882.
  BleuScore smoothed = sentence_bleu(words("green coat"), {words("a red bag")}, 2, BleuSmoothing::chen_cherry_1);
  CHECK(smoothed.score == doctest::Approx(0.0428882).epsilon(1e-6));
  // An empty candidate or no references is 0, not a crash.
  CHECK(sentence_bleu({}, {words("a red bag")}).score == 0.0);
  CHECK(sentence_bleu(words("a red bag"), {}).score == 0.0);
}

TEST_CASE("a perfect match scores 1 at every order") {
  for (int n = 1; n <= 4; ++n)
    CHECK(sentence_bleu(words("a red bag left of a blue shirt"), {words("a red bag left of a blue shirt")}, n).score ==
          doctest::Approx(1.0));
}

TEST_CASE("corpus BLEU sums counts and lengths before dividing, unlike the mean of sentence scores") {
  // A: "a red bag" vs ["a red bag"]: 1-grams 3/3, 2-grams 2/2, c = 3, r = 3.
  // B: "two blue coats" vs ["two coats here now", "two blue bags here"]: 1-grams 3/3,
  //    2-grams "two blue" only -> 1/2, c = 3, r = 4.
  // Corpus BLEU-2: p1 = 6/6, p2 = 3/4, c = 6, r = 7 -> BP = exp(1 - 7/6);
  // = exp(-1/6) * sqrt(3/4) = 0.7330747.
  // Mean of sentence BLEU-2: (1 + exp(1 - 4/3) * sqrt(1/2)) / 2 = 0.7533321.
  std::vector<Tokens> candidates = {words("a red bag"), words("two blue coats")};
  std::vector<std::vector<Tokens>> references = {{words("a red bag")},
                                                 {words("two coats here now"), words("two blue bags here")}};
  BleuScore corpus = corpus_bleu(candidates, references, 2);
  CHECK(corpus.matches == std::vector<long>{6, 3});
  CHECK(corpus.totals == std::vector<long>{6, 4});
  CHECK(corpus.candidate_length == 6);
  CHECK(corpus.reference_length == 7);
  CHECK(corpus.score == doctest::Approx(0.7330747).epsilon(1e-6));
  double mean = (sentence_bleu(candidates[0], references[0], 2).score +
                 sentence_bleu(candidates[1], references[1], 2).score) / 2;
  CHECK(mean == doctest::Approx(0.7533321).epsilon(1e-6));
}
