// tests/demos/captioning/captions_test.cpp: the grammar's reference captions
// on hand-built scenes, and their truth and vocabulary on random ones.
#include "demos/captioning/captions.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "demos/captioning/vocabulary.h"

namespace {

SceneObject object(int item_class, int colour, int x, int y) {
  SceneObject o;
  o.item_class = item_class;
  o.colour = colour;
  o.box = Box{x, y};
  return o;
}

constexpr int kRed = 0, kGreen = 1, kBlue = 2, kWhite = 5;
constexpr int kTop = 0, kShirt = 6, kSneaker = 7, kBag = 8;

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The object named by words[at..at+2] ("a <colour> <class>"), or nullptr if absent or not unique.
const SceneObject* named(const Scene& s, const std::vector<std::string>& words, size_t at) {
  const SceneObject* found = nullptr;
  int matches = 0;
  for (const SceneObject& o : s.objects)
    if (words[at] == "a" && words[at + 1] == colour_name(o.colour) && words[at + 2] == class_word(o.item_class)) {
      found = &o;
      ++matches;
    }
  return matches == 1 ? found : nullptr;
}

}  // namespace

TEST_CASE("one object: the noun phrase and a 'there is' paraphrase") {
  Scene s;
  s.objects = {object(kBag, kRed, 10, 20)};
  CHECK(reference_captions(s) == std::vector<std::string>{"a red bag", "there is a red bag"});
}

TEST_CASE("two objects side by side: both list orders and every true relation, both ways") {
  Scene s;
  s.objects = {object(kShirt, kBlue, 34, 2), object(kBag, kRed, 0, 10)};  // bag left, rows overlap
  CHECK(reference_captions(s) == std::vector<std::string>{
                                     "a red bag and a blue shirt", "a blue shirt and a red bag",
                                     "a red bag left of a blue shirt", "a red bag next to a blue shirt",
                                     "a blue shirt right of a red bag", "a blue shirt next to a red bag"});
}

TEST_CASE("two objects stacked: above and below, top-to-bottom list order") {
  Scene s;
  s.objects = {object(kSneaker, kGreen, 20, 36), object(kTop, kWhite, 5, 0)};  // top above, columns overlap
  std::vector<std::string> captions = reference_captions(s);
  CHECK(captions == std::vector<std::string>{"a white top and a green sneaker", "a green sneaker and a white top",
                                             "a white top above a green sneaker", "a green sneaker below a white top"});
}

TEST_CASE("counts merge objects alike: 'two red bags', and by class 'two bags'") {
  Scene s;
  s.objects = {object(kBag, kRed, 0, 0), object(kShirt, kBlue, 36, 0), object(kBag, kRed, 0, 36)};
  std::vector<std::string> captions = reference_captions(s);
  CHECK(captions[0] == "two red bags and a blue shirt");
  CHECK(std::find(captions.begin(), captions.end(), "two bags and a shirt") != captions.end());
  Scene mixed;
  mixed.objects = {object(kBag, kRed, 0, 0), object(kBag, kBlue, 36, 0)};
  std::vector<std::string> mixed_captions = reference_captions(mixed);
  CHECK(mixed_captions[0] == "a red bag and a blue bag");
  CHECK(std::find(mixed_captions.begin(), mixed_captions.end(), "two bags") != mixed_captions.end());
}

TEST_CASE("on random scenes every reference is in the vocabulary, short enough, distinct and true") {
  ImageAsset asset;
  for (int c = 0; c < kClassCount; ++c) asset.class_names.push_back(std::string(1, static_cast<char>('a' + c)));  // names do not matter here
  for (ImageSet* set : {&asset.train, &asset.test}) {
    set->rows = set->cols = kItemSize;
    set->count = kClassCount;
    set->pixels.assign(kClassCount * kItemSize * kItemSize, 200);
    for (int c = 0; c < kClassCount; ++c) set->labels.push_back(static_cast<uint8_t>(c));
  }
  SceneItems items;
  REQUIRE(items.load(asset).empty());
  const Vocabulary& v = Vocabulary::captions();
  int relations_checked = 0, most_words = 0;
  std::set<std::string> words_used;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    Scene s = generate_scene(items, SceneSplit::train, seed);
    std::vector<std::string> captions = reference_captions(s);
    CHECK(captions.size() >= 2);
    CHECK(std::set<std::string>(captions.begin(), captions.end()).size() == captions.size());
    for (const std::string& caption : captions) {
      TokenisedText t = v.tokenise(caption);
      CHECK_MESSAGE(t.unknown_count == 0, caption);
      CHECK(static_cast<int>(t.ids.size()) <= kMaxCaptionWords);
      most_words = std::max(most_words, static_cast<int>(t.ids.size()));
      std::vector<std::string> w = split_words(caption);
      words_used.insert(w.begin(), w.end());
      // "a C K <relation> a C K ...": the relation holds between the two named objects.
      for (const char* relation : {"left", "right", "above", "below", "next"}) {
        if (w.size() < 7 || w[3] != relation) continue;
        size_t second = (w[3] == std::string("above") || w[3] == std::string("below")) ? 4 : 5;
        const SceneObject *p = named(s, w, 0), *q = named(s, w, second);
        REQUIRE_MESSAGE(p, caption);
        REQUIRE_MESSAGE(q, caption);
        bool holds = w[3] == std::string("left") ? left_of(p->box, q->box)
                     : w[3] == std::string("right") ? left_of(q->box, p->box)
                     : w[3] == std::string("above") ? above(p->box, q->box)
                     : w[3] == std::string("below") ? above(q->box, p->box)
                                                    : next_to(p->box, q->box);
        CHECK_MESSAGE(holds, caption);
        ++relations_checked;
      }
    }
    // The canonical caption counts every object once: a = 1, two = 2, ...
    size_t counted = 0;
    for (const std::string& w : split_words(captions[0]))
      for (int n = 1; n <= kMaxObjects; ++n) counted += w == count_word(n) ? static_cast<size_t>(n) : 0;
    CHECK_MESSAGE(counted == s.objects.size(), captions[0]);
  }
  CHECK(relations_checked > 200);
  CHECK(most_words <= kMaxCaptionWords);
  CHECK(words_used.size() == 40);  // every word but the four special tokens occurs
}
