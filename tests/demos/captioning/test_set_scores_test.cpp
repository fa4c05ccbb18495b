// The page's decoding and test-set scoring against step functions whose
// answers are known: an oracle that spells out a reference, and one that
// spells out something else.
#include <doctest/doctest.h>

#include <cmath>

#include "demos/captioning/captions.h"
#include "demos/captioning/caption_decoding.h"
#include "demos/captioning/test_set_scores.h"
#include "demos/captioning/vocabulary.h"

namespace {

// Predicts `words` then <end> with probability 0.9 each; the state is the position.
// Its attention at position t puts all weight on cell t, so the replay can be checked.
CaptionSource spelling(const std::vector<int>& words) {
  CaptionSource source;
  source.initial_state = {0.0f};
  source.step = [words](int previous, const std::vector<float>& state, std::vector<float>* attention) {
    (void)previous;
    const size_t t = static_cast<size_t>(state[0]);
    const int n = Vocabulary::captions().size();
    DecoderStep out;
    out.log_probs.assign(static_cast<size_t>(n), std::log(0.1f / static_cast<float>(n - 1)));
    out.log_probs[static_cast<size_t>(t < words.size() ? words[t] : kEnd)] = std::log(0.9f);
    out.state = {state[0] + 1};
    if (attention) {
      attention->assign(64, 0.0f);
      (*attention)[t % 64] = 1;
    }
    return out;
  };
  return source;
}

const SceneItems& real_items() {
  static SceneItems items;
  static bool loaded = false;
  if (!loaded) {
    const std::string error = items.load_file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin");
    REQUIRE_MESSAGE(error.empty(), error);
    loaded = true;
  }
  return items;
}

}  // namespace

TEST_CASE("decode_caption: the words without <end>, and each word's attention from the step that predicted it") {
  const Vocabulary& v = Vocabulary::captions();
  const std::vector<int> words = v.tokenise("a red bag left of a blue shirt").ids;
  for (DecodeMethod method : {DecodeMethod::greedy, DecodeMethod::beam}) {
    DecodeSettings settings;
    settings.method = method;
    settings.beam_width = 4;
    const CaptionResult result = decode_caption(spelling(words), settings);
    REQUIRE(result.error.empty());
    CHECK(result.tokens == words);
    CHECK(result.finished);
    CHECK(result.log_prob == doctest::Approx(9 * std::log(0.9)).epsilon(1e-5));
    REQUIRE(result.attention.size() == words.size());
    for (size_t t = 0; t < words.size(); ++t) CHECK(result.attention[t][t] == 1.0f);
    CHECK(result.steps.empty() == (method == DecodeMethod::greedy));
  }
  DecodeSettings bad;
  bad.beam_width = 11;
  CHECK(decode_caption(spelling(words), bad).error.find("beam width") != std::string::npos);
}

TEST_CASE("test-set scores: an oracle for the canonical reference scores 1, a constant caption far less, a cell at a time") {
  const SceneItems& items = real_items();
  const Vocabulary& v = Vocabulary::captions();
  const std::vector<int> constant = v.tokenise("a white bag").ids;
  // Model 0 spells each scene's canonical caption; model 1 always says "a white bag".
  const SceneCaptioner captioner = [&](int model, const Scene& scene) {
    return spelling(model == 0 ? v.tokenise(reference_captions(scene).front()).ids : constant);
  };
  TestSetScores scores;
  DecodeSettings settings;
  settings.method = DecodeMethod::greedy;
  scores.restart(12, settings);
  scores.step(items, captioner, StepBudget::for_checks(5));  // five scenes, then the budget ends it
  CHECK(scores.scored(0, 0) + scores.scored(1, 0) == 5);
  CHECK(std::isnan(scores.bleu4(0, 0)));  // not complete yet
  int frames = 0;
  while (!scores.done() && frames++ < 100) scores.step(items, captioner, StepBudget::for_checks(7));
  REQUIRE(scores.done());
  for (int split = 0; split < 2; ++split) {
    CAPTURE(split);
    CHECK(scores.scored(0, split) == 12);
    CHECK(scores.bleu4(0, split) == doctest::Approx(1.0));
    CHECK(scores.bleu4(1, split) < 0.3);
  }
  CHECK(scores.error().empty());
}
