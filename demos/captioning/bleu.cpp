#include "demos/captioning/bleu.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "engine/det_math.h"

namespace {

using NgramCounts = std::map<Tokens, long>;

NgramCounts count_ngrams(const Tokens& tokens, int n) {
  NgramCounts counts;
  for (size_t start = 0; start + static_cast<size_t>(n) <= tokens.size(); ++start)
    ++counts[Tokens(tokens.begin() + static_cast<long>(start), tokens.begin() + static_cast<long>(start + n))];
  return counts;
}

// The reference length closest to c; on a tie, the shorter one.
long closest_reference_length(long c, const std::vector<Tokens>& references) {
  long best = -1;
  for (const Tokens& reference : references) {
    long r = static_cast<long>(reference.size());
    if (best < 0 || std::labs(r - c) < std::labs(best - c) || (std::labs(r - c) == std::labs(best - c) && r < best))
      best = r;
  }
  return best;
}

// Adds one sentence's clipped matches and totals for n = 1..max_n.
void add_sentence_counts(const Tokens& candidate, const std::vector<Tokens>& references, int max_n,
                         BleuScore& sums) {
  for (int n = 1; n <= max_n; ++n) {
    NgramCounts max_reference;  // per n-gram, its largest count in any one reference
    for (const Tokens& reference : references)
      for (const auto& [ngram, count] : count_ngrams(reference, n))
        max_reference[ngram] = std::max(max_reference[ngram], count);
    for (const auto& [ngram, count] : count_ngrams(candidate, n)) {
      auto found = max_reference.find(ngram);
      if (found != max_reference.end()) sums.matches[static_cast<size_t>(n - 1)] += std::min(count, found->second);
      sums.totals[static_cast<size_t>(n - 1)] += count;
    }
  }
  sums.candidate_length += static_cast<long>(candidate.size());
  sums.reference_length += closest_reference_length(static_cast<long>(candidate.size()), references);
}

// Turns summed counts into precisions, the brevity penalty and the score.
void finish(BleuScore& s, BleuSmoothing smoothing) {
  constexpr double kChenCherryEpsilon = 0.1;
  const size_t max_n = s.matches.size();
  s.precisions.assign(max_n, 0.0);
  double log_sum = 0;
  bool any_zero = false;
  for (size_t i = 0; i < max_n; ++i) {
    double numerator = static_cast<double>(s.matches[i]);
    if (numerator == 0 && smoothing == BleuSmoothing::chen_cherry_1 && s.totals[i] > 0) numerator = kChenCherryEpsilon;
    s.precisions[i] = s.totals[i] > 0 ? numerator / static_cast<double>(s.totals[i]) : 0.0;
    if (s.precisions[i] <= 0) any_zero = true;
    else log_sum += det_math::log(s.precisions[i]);
  }
  const double c = static_cast<double>(s.candidate_length), r = static_cast<double>(s.reference_length);
  s.brevity_penalty = c == 0 ? 0.0 : (c > r ? 1.0 : det_math::exp(1.0 - r / c));
  s.score = any_zero || c == 0 ? 0.0 : s.brevity_penalty * det_math::exp(log_sum / static_cast<double>(max_n));
}

BleuScore empty_counts(int max_n) {
  BleuScore s;
  s.matches.assign(static_cast<size_t>(max_n), 0);
  s.totals.assign(static_cast<size_t>(max_n), 0);
  return s;
}

}  // namespace

BleuScore sentence_bleu(const Tokens& candidate, const std::vector<Tokens>& references, int max_n,
                        BleuSmoothing smoothing) {
  max_n = std::clamp(max_n, 1, 4);
  BleuScore s = empty_counts(max_n);
  if (references.empty()) {
    finish(s, BleuSmoothing::none);
    return s;
  }
  add_sentence_counts(candidate, references, max_n, s);
  finish(s, smoothing);
  return s;
}

BleuScore corpus_bleu(const std::vector<Tokens>& candidates, const std::vector<std::vector<Tokens>>& references,
                      int max_n) {
  max_n = std::clamp(max_n, 1, 4);
  BleuScore s = empty_counts(max_n);
  const size_t sentences = std::min(candidates.size(), references.size());
  for (size_t i = 0; i < sentences; ++i)
    if (!references[i].empty()) add_sentence_counts(candidates[i], references[i], max_n, s);
  finish(s, BleuSmoothing::none);
  return s;
}
