// tests/demos/captioning/beam_search_test.cpp: greedy, beam and sampled
// decoding over hand-made and random step functions.
#include "demos/captioning/beam_search.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "engine/random.h"

namespace {

// Words of the toy vocabulary.
constexpr int kPad = 0, kStart = 1, kEnd = 2, kA = 3, kB = 4, kC = 5, kWords = 6;

// A step function given by a table: prefix -> probabilities of the next word.
// The state is the prefix so far (tokens as floats, <start> left out); a prefix
// not in the table ends at once.
StepFunction prefix_step(std::map<std::vector<int>, std::map<int, double>> table) {
  return [table](int token, const std::vector<float>& state) {
    DecoderStep out;
    out.state = state;
    if (token != kStart) out.state.push_back(static_cast<float>(token));
    std::vector<int> prefix;
    for (float t : out.state) prefix.push_back(static_cast<int>(t));
    out.log_probs.assign(kWords, -INFINITY);
    auto found = table.find(prefix);
    if (found == table.end()) out.log_probs[kEnd] = 0;
    else
      for (auto [word, p] : found->second) out.log_probs[static_cast<size_t>(word)] = static_cast<float>(std::log(p));
    return out;
  };
}

// A random step function: the log-softmax of logits drawn from a hash of the prefix and the seed.
StepFunction random_step(uint64_t seed, float end_bias) {
  return [seed, end_bias](int token, const std::vector<float>& state) {
    std::vector<float> prefix = state;
    if (token != kStart) prefix.push_back(static_cast<float>(token));
    uint64_t hash = seed * 1000003u;
    for (float t : prefix) hash = hash * 31u + static_cast<uint64_t>(t) + 7u;
    Pcg32 rng(hash);
    std::vector<double> logits(kWords);
    for (double& z : logits) z = 3.0 * rng.uniform();
    logits[kPad] = logits[kStart] = -30;
    logits[kEnd] += end_bias * static_cast<double>(prefix.size());  // longer prefixes end more often
    double total = 0;
    for (double z : logits) total += std::exp(z);
    DecoderStep out;
    for (double z : logits) out.log_probs.push_back(static_cast<float>(z - std::log(total)));
    out.state = prefix;
    return out;
  };
}

DecodeOptions options(int width, int max_length = 8) {
  DecodeOptions o;
  o.start_token = kStart;
  o.end_token = kEnd;
  o.beam_width = width;
  o.max_length = max_length;
  return o;
}

// Greedy takes "a" (0.5), then "b" (0.35, tied with "c", the lower index wins), then <end>:
// p = 0.5 * 0.35 = 0.175. Beam 2 keeps "b" (0.4), whose <end> has 0.9: p = 0.36.
const std::map<std::vector<int>, std::map<int, double>> kGreedyTrap = {
    {{}, {{kA, 0.5}, {kB, 0.4}, {kEnd, 0.1}}},
    {{kA}, {{kEnd, 0.3}, {kB, 0.35}, {kC, 0.35}}},
    {{kA, kB}, {{kEnd, 1.0}}},
    {{kB}, {{kEnd, 0.9}, {kC, 0.1}}},
};

}  // namespace

TEST_CASE("greedy decoding takes the most probable word at each step") {
  DecodeResult greedy = greedy_decode(prefix_step(kGreedyTrap), {}, options(1));
  REQUIRE(greedy.error.empty());
  CHECK(greedy.best.tokens == std::vector<int>{kA, kB, kEnd});
  CHECK(greedy.best.finished);
  CHECK(greedy.best.log_prob == doctest::Approx(std::log(0.175)).epsilon(1e-6));
}

TEST_CASE("beam search finds a more probable caption than greedy in a constructed trap") {
  DecodeResult beam = beam_search(prefix_step(kGreedyTrap), {}, options(2));
  REQUIRE(beam.error.empty());
  CHECK(beam.best.tokens == std::vector<int>{kB, kEnd});
  CHECK(beam.best.log_prob == doctest::Approx(std::log(0.36)).epsilon(1e-6));
  // Recorded for drawing: step 1 keeps a, b and prunes <end> (0.1) first;
  // step 2 keeps "b <end>" (0.36) and "a b" (0.175), and prunes "a c" (0.175, later index).
  REQUIRE(beam.steps.size() == 3);
  CHECK(beam.steps[0].kept.size() == 2);
  CHECK(beam.steps[0].pruned.front().tokens == std::vector<int>{kEnd});
  CHECK(beam.steps[1].kept[0].tokens == std::vector<int>{kB, kEnd});
  CHECK(beam.steps[1].kept[0].parent == 1);
  CHECK(beam.steps[1].kept[1].tokens == std::vector<int>{kA, kB});
  CHECK(beam.steps[1].pruned.front().tokens == std::vector<int>{kA, kC});
  // One hypothesis finished, so step 3 has a single slot.
  CHECK(beam.steps[2].kept.size() == 1);
}

TEST_CASE("beam width 1 is exactly greedy decoding, across random step functions") {
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    StepFunction step = random_step(seed, 0.4f);
    DecodeResult greedy = greedy_decode(step, {}, options(1, 10));
    DecodeResult beam = beam_search(step, {}, options(1, 10));
    CHECK(beam.best.tokens == greedy.best.tokens);
    CHECK(beam.best.log_prob == greedy.best.log_prob);  // bit for bit: the same sums in the same order
  }
}

TEST_CASE("the best beam's log-probability is at least greedy's: always in the trap, almost always at random") {
  // Not a theorem: a wide beam can prune greedy's prefix for k prefixes that
  // later fall below it. Measured on these 200 random functions: width 2 at least
  // greedy on 199, widths 5 and 10 on all 200; mean gain 0.41, 0.51, 0.51 nats.
  // Wider beams gain more on average.
  DecodeResult greedy_trap = greedy_decode(prefix_step(kGreedyTrap), {}, options(1));
  for (int width = 1; width <= 10; ++width)
    CHECK(beam_search(prefix_step(kGreedyTrap), {}, options(width)).best.log_prob >= greedy_trap.best.log_prob);

  const int widths[3] = {2, 5, 10};
  double mean_gain[3] = {0, 0, 0};
  int at_least_greedy[3] = {0, 0, 0};
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    StepFunction step = random_step(seed, 0.3f);
    double greedy = greedy_decode(step, {}, options(1, 10)).best.log_prob;
    for (int w = 0; w < 3; ++w) {
      double beam = beam_search(step, {}, options(widths[w], 10)).best.log_prob;
      at_least_greedy[w] += beam >= greedy;
      mean_gain[w] += (beam - greedy) / 200;
    }
  }
  MESSAGE("beam >= greedy: " << at_least_greedy[0] << ", " << at_least_greedy[1] << ", " << at_least_greedy[2]
          << " of 200; mean gain " << mean_gain[0] << ", " << mean_gain[1] << ", " << mean_gain[2]);
  for (int w = 0; w < 3; ++w) CHECK(at_least_greedy[w] >= 190);
  CHECK(mean_gain[0] > 0);
  CHECK(mean_gain[1] >= mean_gain[0]);
  CHECK(mean_gain[2] >= mean_gain[1]);
}

TEST_CASE("decoding stops at <end> or at the length limit") {
  // Never ending: every hypothesis is cut at max_length, unfinished.
  StepFunction never_end = [](int, const std::vector<float>& state) {
    return DecoderStep{{-INFINITY, -INFINITY, -INFINITY, std::log(0.5f), std::log(0.3f), std::log(0.2f)}, state};
  };
  for (int width : {1, 3, 10}) {
    DecodeResult r = beam_search(never_end, {}, options(width, 5));
    CHECK(r.best.tokens.size() == 5);
    CHECK_FALSE(r.best.finished);
    CHECK(r.steps.size() == 5);
    CHECK(r.best.tokens == std::vector<int>{kA, kA, kA, kA, kA});
  }
  CHECK(greedy_decode(never_end, {}, options(1, 7)).best.tokens.size() == 7);
  CHECK(sample_decode(never_end, {}, options(1, 7), 1.0, 3).best.tokens.size() == 7);
  // Ending: the search stops as soon as every slot holds a finished hypothesis.
  DecodeResult ends = beam_search(prefix_step(kGreedyTrap), {}, options(3, 20));
  CHECK(ends.steps.size() <= 3);
  for (const Hypothesis& h : ends.final_hypotheses) CHECK(h.finished);
}

TEST_CASE("length normalisation changes the chosen caption in a constructed case") {
  // "<end>" at once: p = 0.4, log = -0.9163. "a a <end>": p = 0.35 * 0.99 * 0.99 = 0.3430, log = -1.0700.
  // none:     -0.9163 > -1.0700                         -> "<end>"
  // per_word: -0.9163 / 1 < -1.0700 / 3 = -0.3567       -> "a a <end>"
  // gnmt 0.7: -0.9163 / 1 < -1.0700 / (8/6)^0.7 = -0.8748 -> "a a <end>"
  const std::map<std::vector<int>, std::map<int, double>> short_or_long = {
      {{}, {{kEnd, 0.4}, {kA, 0.35}, {kB, 0.25}}},
      {{kA}, {{kA, 0.99}, {kEnd, 0.01}}},
      {{kA, kA}, {{kEnd, 0.99}, {kB, 0.01}}},
  };
  DecodeOptions o = options(2);
  CHECK(beam_search(prefix_step(short_or_long), {}, o).best.tokens == std::vector<int>{kEnd});
  o.normalisation = LengthNormalisation::per_word;
  DecodeResult per_word = beam_search(prefix_step(short_or_long), {}, o);
  CHECK(per_word.best.tokens == std::vector<int>{kA, kA, kEnd});
  CHECK(per_word.best.score == doctest::Approx(std::log(0.35 * 0.99 * 0.99) / 3).epsilon(1e-6));
  o.normalisation = LengthNormalisation::gnmt;
  DecodeResult gnmt = beam_search(prefix_step(short_or_long), {}, o);
  CHECK(gnmt.best.tokens == std::vector<int>{kA, kA, kEnd});
  CHECK(gnmt.best.score == doctest::Approx(std::log(0.35 * 0.99 * 0.99) / std::pow(8.0 / 6.0, 0.7)).epsilon(1e-6));
}

TEST_CASE("recorded beam steps rank kept above pruned and point at real parents") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    DecodeResult r = beam_search(random_step(seed, 0.3f), {}, options(4, 10));
    size_t previous_kept = 1;
    for (const BeamStep& s : r.steps) {
      CHECK(s.kept.size() <= 4);
      CHECK(s.pruned.size() <= 4);
      for (size_t i = 1; i < s.kept.size(); ++i) CHECK(s.kept[i - 1].log_prob >= s.kept[i].log_prob);
      for (const Hypothesis& h : s.kept) CHECK(h.parent < static_cast<int>(previous_kept));
      if (!s.pruned.empty()) CHECK(s.pruned.front().log_prob <= s.kept.back().log_prob);
      previous_kept = s.kept.size();
    }
  }
}

TEST_CASE("sampling: a cold temperature is greedy, temperature 1 follows the model, a seed repeats") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    StepFunction step = random_step(seed, 0.4f);
    CHECK(sample_decode(step, {}, options(1, 10), 0.01, seed).best.tokens ==
          greedy_decode(step, {}, options(1, 10)).best.tokens);
    CHECK(sample_decode(step, {}, options(1, 10), 1.5, seed).best.tokens ==
          sample_decode(step, {}, options(1, 10), 1.5, seed).best.tokens);
  }
  // First word of kGreedyTrap: a 0.5, b 0.4, <end> 0.1. 4,000 draws: standard error <= 0.008.
  int counts[kWords] = {};
  for (uint64_t seed = 1; seed <= 4000; ++seed)
    ++counts[sample_decode(prefix_step(kGreedyTrap), {}, options(1), 1.0, seed).best.tokens[0]];
  CHECK(counts[kA] / 4000.0 == doctest::Approx(0.5).epsilon(0.06));
  CHECK(counts[kB] / 4000.0 == doctest::Approx(0.4).epsilon(0.06));
  CHECK(counts[kEnd] / 4000.0 == doctest::Approx(0.1).epsilon(0.2));
  // The reported log-probability is the model's, not the tempered one.
  DecodeResult hot = sample_decode(prefix_step(kGreedyTrap), {}, options(1), 5.0, 9);
  double expected = 0;
  std::vector<int> prefix;
  for (int t : hot.best.tokens) {
    expected += std::log(kGreedyTrap.count(prefix) ? kGreedyTrap.at(prefix).at(t) : 1.0);
    prefix.push_back(t);
  }
  CHECK(hot.best.log_prob == doctest::Approx(expected).epsilon(1e-5));
}

TEST_CASE("bad decoding options and a broken step function give clear messages") {
  StepFunction step = prefix_step(kGreedyTrap);
  CHECK(beam_search(step, {}, options(0)).error.find("beam width must be 1 to 10") != std::string::npos);
  CHECK(beam_search(step, {}, options(11)).error.find("beam width") != std::string::npos);
  CHECK(greedy_decode(step, {}, options(1, 0)).error.find("max_length") != std::string::npos);
  CHECK(sample_decode(step, {}, options(1), 0.0, 1).error.find("temperature") != std::string::npos);
  StepFunction wrong_size = [calls = 0](int, const std::vector<float>& s) mutable {
    return DecoderStep{std::vector<float>(++calls == 1 ? 6 : 5, std::log(1.0f / 6)), s};
  };
  CHECK(beam_search(wrong_size, {}, options(2)).error.find("expected 6") != std::string::npos);
  StepFunction nan_step = [](int, const std::vector<float>& s) { return DecoderStep{{NAN, 0, 0}, s}; };
  CHECK(greedy_decode(nan_step, {}, options(1)).error.find("NaN") != std::string::npos);
}
