#include "demos/captioning/beam_search.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"
#include "engine/random.h"

namespace {

constexpr int kMaxLength = 64, kMaxBeamWidth = 10;

std::string check_options(const DecodeOptions& options) {
  if (options.max_length < 1 || options.max_length > kMaxLength)
    return "decode: max_length must be 1 to " + std::to_string(kMaxLength) + ", not " + std::to_string(options.max_length);
  if (options.beam_width < 1 || options.beam_width > kMaxBeamWidth)
    return "decode: beam width must be 1 to " + std::to_string(kMaxBeamWidth) + ", not " + std::to_string(options.beam_width);
  if (options.normalisation == LengthNormalisation::gnmt && !(options.gnmt_alpha >= 0 && options.gnmt_alpha <= 2))
    return "decode: the GNMT length penalty's alpha must be 0 to 2";
  return {};
}

// Calls the step function and checks what it returns: one finite-or--inf log-probability per word.
std::string checked_step(const StepFunction& step, int token, const std::vector<float>& state, size_t vocabulary,
                         DecoderStep& out) {
  out = step(token, state);
  if (out.log_probs.empty()) return "decode: the step function returned no log-probabilities";
  if (vocabulary != 0 && out.log_probs.size() != vocabulary)
    return "decode: the step function returned " + std::to_string(out.log_probs.size()) +
           " log-probabilities, expected " + std::to_string(vocabulary);
  bool any_finite = false;
  for (float lp : out.log_probs) {
    if (std::isnan(lp) || lp > 1e-4f) return "decode: the step function returned a log-probability that is NaN or above 0";
    any_finite = any_finite || std::isfinite(lp);
  }
  if (!any_finite) return "decode: the step function gave every word probability 0";
  return {};
}

void score(Hypothesis& h, const DecodeOptions& options) {
  h.score = normalised_score(h.log_prob, static_cast<int>(h.tokens.size()), options.normalisation, options.gnmt_alpha);
}

bool better_score(const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; }

void pick_best(DecodeResult& result) {
  std::stable_sort(result.final_hypotheses.begin(), result.final_hypotheses.end(), better_score);
  if (!result.final_hypotheses.empty()) result.best = result.final_hypotheses.front();
}

// An expansion of a live hypothesis by one word, before it is copied into a Hypothesis.
struct Expansion {
  int parent = 0, token = 0;
  double log_prob = 0;
};

}  // namespace

double normalised_score(double log_prob, int length, LengthNormalisation normalisation, double gnmt_alpha) {
  if (length <= 0) return log_prob;
  switch (normalisation) {
    case LengthNormalisation::none: return log_prob;
    case LengthNormalisation::per_word: return log_prob / length;
    case LengthNormalisation::gnmt:
      // ((5 + |Y|) / 6)^alpha, as exp(alpha log(.)) for the same bits everywhere.
      return log_prob / det_math::exp(gnmt_alpha * det_math::log((5.0 + length) / 6.0));
  }
  return log_prob;
}

DecodeResult greedy_decode(const StepFunction& step, const std::vector<float>& initial_state,
                           const DecodeOptions& options) {
  DecodeResult result;
  if (!(result.error = check_options(options)).empty()) return result;
  Hypothesis h;
  std::vector<float> state = initial_state;
  int token = options.start_token;
  size_t vocabulary = 0;
  while (static_cast<int>(h.tokens.size()) < options.max_length && !h.finished) {
    DecoderStep out;
    if (!(result.error = checked_step(step, token, state, vocabulary, out)).empty()) return result;
    vocabulary = out.log_probs.size();
    token = static_cast<int>(std::max_element(out.log_probs.begin(), out.log_probs.end()) - out.log_probs.begin());
    h.tokens.push_back(token);
    h.log_prob += out.log_probs[static_cast<size_t>(token)];
    h.finished = token == options.end_token;
    state = std::move(out.state);
  }
  score(h, options);
  result.final_hypotheses.push_back(h);
  pick_best(result);
  return result;
}

DecodeResult beam_search(const StepFunction& step, const std::vector<float>& initial_state,
                         const DecodeOptions& options) {
  DecodeResult result;
  if (!(result.error = check_options(options)).empty()) return result;
  const size_t width = static_cast<size_t>(options.beam_width);
  const size_t pruned_to_record = options.pruned_to_record < 0 ? width : static_cast<size_t>(options.pruned_to_record);

  std::vector<Hypothesis> live(1);  // the empty prefix
  std::vector<std::vector<float>> live_states = {initial_state};
  size_t vocabulary = 0;
  for (int length = 1; length <= options.max_length && !live.empty(); ++length) {
    std::vector<Expansion> expansions;
    std::vector<std::vector<float>> next_states(live.size());
    for (size_t i = 0; i < live.size(); ++i) {
      int previous = live[i].tokens.empty() ? options.start_token : live[i].tokens.back();
      DecoderStep out;
      if (!(result.error = checked_step(step, previous, live_states[i], vocabulary, out)).empty()) return result;
      vocabulary = out.log_probs.size();
      for (size_t w = 0; w < vocabulary; ++w)
        if (std::isfinite(out.log_probs[w]))  // a word of probability 0 is no hypothesis
          expansions.push_back({static_cast<int>(i), static_cast<int>(w), live[i].log_prob + out.log_probs[w]});
      next_states[i] = std::move(out.state);
    }
    // Best first; stable, so ties keep the earlier parent and the lower word.
    std::stable_sort(expansions.begin(), expansions.end(),
                     [](const Expansion& a, const Expansion& b) { return a.log_prob > b.log_prob; });

    // Slots left this step: the beam width minus the hypotheses already finished.
    const size_t slots = width - result.final_hypotheses.size();
    BeamStep record;
    std::vector<Hypothesis> next_live;
    std::vector<std::vector<float>> next_live_states;
    for (size_t e = 0; e < expansions.size(); ++e) {
      const Expansion& x = expansions[e];
      if (e >= slots && record.pruned.size() >= pruned_to_record) break;
      Hypothesis h;
      h.tokens = live[static_cast<size_t>(x.parent)].tokens;
      h.tokens.push_back(x.token);
      h.log_prob = x.log_prob;
      h.parent = x.parent;
      h.finished = x.token == options.end_token;
      score(h, options);
      if (e >= slots) {
        record.pruned.push_back(std::move(h));
        continue;
      }
      record.kept.push_back(h);
      if (h.finished) {
        result.final_hypotheses.push_back(std::move(h));
      } else {
        next_live.push_back(std::move(h));
        next_live_states.push_back(next_states[static_cast<size_t>(x.parent)]);
      }
    }
    result.steps.push_back(std::move(record));
    live = std::move(next_live);
    live_states = std::move(next_live_states);
  }
  for (Hypothesis& h : live) result.final_hypotheses.push_back(std::move(h));  // cut at max_length
  pick_best(result);
  return result;
}

DecodeResult sample_decode(const StepFunction& step, const std::vector<float>& initial_state,
                           const DecodeOptions& options, double temperature, uint64_t seed) {
  DecodeResult result;
  if (!(result.error = check_options(options)).empty()) return result;
  if (!(temperature > 0 && temperature <= 100)) {
    result.error = "decode: the sampling temperature must be above 0 and at most 100";
    return result;
  }
  Pcg32 rng(seed);
  Hypothesis h;
  std::vector<float> state = initial_state;
  int token = options.start_token;
  size_t vocabulary = 0;
  std::vector<double> weights;
  while (static_cast<int>(h.tokens.size()) < options.max_length && !h.finished) {
    DecoderStep out;
    if (!(result.error = checked_step(step, token, state, vocabulary, out)).empty()) return result;
    vocabulary = out.log_probs.size();
    // softmax(log_probs / T), shifted by the maximum so exp never overflows.
    const double top = *std::max_element(out.log_probs.begin(), out.log_probs.end());
    weights.assign(vocabulary, 0.0);
    double total = 0;
    for (size_t w = 0; w < vocabulary; ++w) total += weights[w] = det_math::exp((out.log_probs[w] - top) / temperature);
    double draw = static_cast<double>(rng.uniform()) * total;
    token = static_cast<int>(vocabulary - 1);
    for (size_t w = 0; w < vocabulary; ++w) {
      if (draw < weights[w]) {
        token = static_cast<int>(w);
        break;
      }
      draw -= weights[w];
    }
    h.tokens.push_back(token);
    h.log_prob += out.log_probs[static_cast<size_t>(token)];
    h.finished = token == options.end_token;
    state = std::move(out.state);
  }
  score(h, options);
  result.final_hypotheses.push_back(h);
  pick_best(result);
  return result;
}
