// Attention: a query reads a weighted average of values, the weights being a
// softmax over how well it matches each key. The weights are returned next to
// the output so demos can draw them as heat maps (Seq2Seq alignments,
// Show-Attend-and-Tell, Transformer self-attention).
#pragma once

#include <vector>

#include "engine/autodiff.h"

namespace ops {

struct Attention {
  Var output;
  Var weights;  // each row a probability distribution over the keys
};

// Optional masks are keep flags, row-major over (query row, key): a nonzero
// entry lets that query attend to that key, a zero gives it weight exactly 0.
// Every row must keep at least one key.

// Keep flags [queries * keys] with key j visible to query i iff j <= i: a
// decoder's self-attention that cannot look ahead.
std::vector<char> causal_mask(int queries, int keys);

// Vaswani et al. 2017: weights = softmax(q k^T / sqrt(d)) [n, m],
// output = weights v [n, dv], for q [n, d], k [m, d], v [m, dv].
// keep, if given, holds n * m flags.
Attention scaled_dot_product_attention(Var q, Var k, Var v, const std::vector<char>* keep = nullptr);

// Row-vector forms of Bahdanau et al.'s (2015) v^T tanh(W_q q + W_k k_j).
struct AdditiveWeights {
  Var w_query;  // [Dq, A]
  Var w_key;    // [Dk, A]
  Var v;        // [A]
};

// Bahdanau et al. 2015, batched: for each b and key j,
//   score[b, j] = v . tanh(query[b] W_q + keys[b, j] W_k)
//   weights[b] = softmax_j(score[b]),  output[b] = sum_j weights[b, j] keys[b, j]
// query [B, Dq], keys [B, m, Dk] (a batch of one still has the leading 1)
// -> output (the context vector) [B, Dk], weights [B, m].
// keep, if given, holds B * m flags (e.g. to hide padding).
Attention additive_attention(Var query, Var keys, const AdditiveWeights& w, const std::vector<char>* keep = nullptr);

}  // namespace ops
