#include "engine/ops/attention.h"

#include <cmath>
#include <limits>
#include <string>

#include "engine/ops/activations.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/softmax.h"

namespace ops {
namespace {

Attention failed_from(std::initializer_list<Var> inputs) {
  Tape* tape = tape_of(inputs);
  Var failed = tape ? tape->fail("") : Var{};
  return {failed, failed};
}

Attention failure(Tape* tape, const std::string& message) {
  Var failed = tape->fail(message);
  return {failed, failed};
}

// Empty if `keep` suits scores [rows, keys], else what is wrong.
std::string mask_problem(const std::vector<char>& keep, int rows, int keys) {
  if (static_cast<int>(keep.size()) != rows * keys)
    return "mask has " + std::to_string(keep.size()) + " flags, need " + std::to_string(rows) + " x " +
           std::to_string(keys) + " = " + std::to_string(rows * keys);
  for (int r = 0; r < rows; ++r) {
    bool any = false;
    for (int j = 0; j < keys; ++j) any = any || keep[static_cast<size_t>(r * keys + j)] != 0;
    if (!any) return "mask hides every key from row " + std::to_string(r);
  }
  return "";
}

// scores [rows, keys] with -inf where the mask hides a key: softmax then gives
// it weight exactly 0 and passes it no gradient.
Var hide_masked(Var scores, const std::vector<char>& keep) {
  Tensor offsets(scores.shape());
  for (int i = 0, end = offsets.size(); i < end; ++i)
    if (keep[static_cast<size_t>(i)] == 0) offsets[i] = -std::numeric_limits<float>::infinity();
  return add(scores, scores.tape->constant(std::move(offsets)));
}

}  // namespace

std::vector<char> causal_mask(int queries, int keys) {
  std::vector<char> keep(static_cast<size_t>(queries) * static_cast<size_t>(keys), 0);
  for (int i = 0; i < queries; ++i)
    for (int j = 0; j <= i && j < keys; ++j) keep[static_cast<size_t>(i * keys + j)] = 1;
  return keep;
}

// weights[n, m] = softmax(q[n, d] k[m, d]^T / sqrt(d)),  output[n, dv] = weights v[m, dv].
// The 1/sqrt(d) keeps the logits' variance near 1 for unit-variance q and k.
Attention scaled_dot_product_attention(Var q, Var k, Var v, const std::vector<char>* keep) {
  if (any_failed({q, k, v})) return failed_from({q, k, v});
  Tape* tape = q.tape;
  const Shape &sq = q.shape(), &sk = k.shape(), &sv = v.shape();
  if (sq.rank != 2 || sk.rank != 2 || sv.rank != 2 || sq[1] != sk[1] || sk[0] != sv[0])
    return failure(tape, "scaled_dot_product_attention: q " + sq.str() + ", k " + sk.str() + ", v " + sv.str() +
                             ": need q [n, d], k [m, d], v [m, dv]");
  if (keep) {
    std::string problem = mask_problem(*keep, sq[0], sk[0]);
    if (!problem.empty()) return failure(tape, "scaled_dot_product_attention: " + problem + " (q " + sq.str() +
                                                   ", k " + sk.str() + ")");
  }
  Var scores = scale(matmul(q, transpose(k)), 1.0f / std::sqrt(static_cast<float>(sq[1])));
  if (keep) scores = hide_masked(scores, *keep);
  Var weights = softmax(scores);
  return {matmul(weights, v), weights};
}

// score[B, m] = tanh(query W_q + keys W_k) v,  weights = softmax over m,
// output[B, Dk] = sum_j weights[:, j] keys[:, j, :].
Attention additive_attention(Var query, Var keys, const AdditiveWeights& w, const std::vector<char>* keep) {
  if (any_failed({query, keys, w.w_query, w.w_key, w.v})) return failed_from({query, keys, w.w_query, w.w_key, w.v});
  Tape* tape = query.tape;
  const Shape &sq = query.shape(), &sk = keys.shape(), &swq = w.w_query.shape(), &swk = w.w_key.shape(),
              &sv = w.v.shape();
  bool fits = sq.rank == 2 && sk.rank == 3 && swq.rank == 2 && swk.rank == 2 && sv.rank == 1 && sk[0] == sq[0] &&
              swq[0] == sq[1] && swk[0] == sk[2] && swk[1] == swq[1] && sv[0] == swq[1];
  if (!fits)
    return failure(tape, "additive_attention: query " + sq.str() + ", keys " + sk.str() + ", w_query " + swq.str() +
                             ", w_key " + swk.str() + ", v " + sv.str() +
                             ": need query [B, Dq], keys [B, m, Dk], w_query [Dq, A], w_key [Dk, A], v [A]");
  const int batch = sk[0], length = sk[1], key_width = sk[2], attention_width = swq[1];
  if (keep) {
    std::string problem = mask_problem(*keep, batch, length);
    if (!problem.empty()) return failure(tape, "additive_attention: " + problem + " (keys " + sk.str() + ")");
  }
  Var projected_query = reshape(matmul(query, w.w_query), {batch, 1, attention_width});
  Var projected_keys =
      reshape(matmul(reshape(keys, {batch * length, key_width}), w.w_key), {batch, length, attention_width});
  Var hidden = tanh(add(projected_keys, projected_query));  // [B, m, A]
  Var scores = reshape(matmul(reshape(hidden, {batch * length, attention_width}), reshape(w.v, {attention_width, 1})),
                       {batch, length});
  if (keep) scores = hide_masked(scores, *keep);
  Var weights = softmax(scores);
  Var context = sum(mul(reshape(weights, {batch, length, 1}), keys), 1);
  return {context, weights};
}

}  // namespace ops
