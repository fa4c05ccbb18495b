// tests/demos/captioning/vocabulary_test.cpp: the fixed vocabulary, tokenising
// typed text (unknown words -> <unk>, counted) and detokenising decoder output.
#include "demos/captioning/vocabulary.h"

#include <doctest/doctest.h>

#include <set>

TEST_CASE("the vocabulary has 44 distinct words with the special tokens first") {
  const Vocabulary& v = Vocabulary::captions();
  CHECK(v.size() == 44);
  CHECK(std::set<std::string>(v.words().begin(), v.words().end()).size() == 44);
  CHECK(v.word(kPad) == "<pad>");
  CHECK(v.word(kStart) == "<start>");
  CHECK(v.word(kEnd) == "<end>");
  CHECK(v.word(kUnk) == "<unk>");
  CHECK(v.word(-1) == "<unk>");
  CHECK(v.word(44) == "<unk>");
  CHECK(v.id("sneaker") != kUnk);
  CHECK(v.id("cat") == kUnk);
}

TEST_CASE("tokenising lower-cases, drops punctuation and round-trips through detokenise") {
  const Vocabulary& v = Vocabulary::captions();
  TokenisedText t = v.tokenise("  A red BAG, left of a green sneaker!");
  CHECK(t.unknown_count == 0);
  CHECK(t.notice.empty());
  CHECK(t.ids.size() == 8);
  CHECK(v.detokenise(t.ids) == "a red bag left of a green sneaker");
}

TEST_CASE("unknown words become <unk>, counted and named in the notice") {
  const Vocabulary& v = Vocabulary::captions();
  TokenisedText t = v.tokenise("a purple cat next to two Dogs");
  CHECK(t.ids == std::vector<int>{v.id("a"), v.id("purple"), kUnk, v.id("next"), v.id("to"), v.id("two"), kUnk});
  CHECK(t.unknown_count == 2);
  CHECK(t.unknown_words == std::vector<std::string>{"cat", "dogs"});
  CHECK(t.notice == "2 words not in the vocabulary, read as <unk>: cat dogs");
  // The special tokens cannot be typed in.
  CHECK(v.tokenise("<end>").ids == std::vector<int>{kUnk});
}

TEST_CASE("empty and overlong text are reported, not fatal") {
  const Vocabulary& v = Vocabulary::captions();
  TokenisedText empty = v.tokenise(" ,.!? ");
  CHECK(empty.ids.empty());
  CHECK(empty.notice == "the text has no words");
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "bag ";
  TokenisedText overlong = v.tokenise(long_text);
  CHECK(overlong.ids.size() == kMaxQueryWords);
  CHECK(overlong.truncated);
  CHECK(overlong.notice == "only the first 32 words are used");
}

TEST_CASE("detokenising skips <start> and <pad> and stops at <end>") {
  const Vocabulary& v = Vocabulary::captions();
  CHECK(v.detokenise({kStart, v.id("a"), v.id("blue"), v.id("coat"), kEnd, v.id("bag"), kPad}) == "a blue coat");
  CHECK(v.detokenise({kPad, kPad}).empty());
}
