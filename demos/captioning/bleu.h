// BLEU (Papineni, Roukos, Ward & Zhu 2002): the geometric mean of clipped
// n-gram precisions for n = 1..N, times a brevity penalty.
//
// Clipping: a candidate n-gram counts at most as often as it occurs in the
// single reference where it occurs most (the "modified precision", §2.1).
// Brevity penalty: BP = 1 if c > r, else exp(1 - r / c), with c the candidate
// length and r the reference length closest to c (ties go to the shorter
// reference, as in the reference implementation multi-bleu / NLTK). At corpus
// level the counts, c and r are summed over sentences before dividing (§2.2).
//
// Smoothing policy for sentence BLEU: none by default (any n with no clipped
// match makes the score 0, as the paper defines it); optionally Chen & Cherry
// (2014) method 1, which replaces a zero numerator p_n = 0 / d by epsilon / d
// (epsilon = 0.1). Corpus BLEU is never smoothed.
#pragma once

#include <string>
#include <vector>

using Tokens = std::vector<std::string>;

enum class BleuSmoothing { none, chen_cherry_1 };

struct BleuScore {
  double score = 0;            // in [0, 1]
  double brevity_penalty = 0;  // in (0, 1]; 0 for an empty candidate
  std::vector<double> precisions;  // p_1..p_N, after smoothing
  std::vector<long> matches, totals;  // clipped matches and candidate n-grams per n
  long candidate_length = 0, reference_length = 0;  // c and r
};

// One candidate against its references (at least one). max_n from 1 to 4 (BLEU-1..BLEU-4).
BleuScore sentence_bleu(const Tokens& candidate, const std::vector<Tokens>& references, int max_n = 4,
                        BleuSmoothing smoothing = BleuSmoothing::none);

// candidates[i] against references[i]; entries beyond the shorter list, and
// sentences without references, are left out.
BleuScore corpus_bleu(const std::vector<Tokens>& candidates, const std::vector<std::vector<Tokens>>& references,
                      int max_n = 4);
