// tests/engine/ops/attention_test.cpp: scaled dot-product and additive attention.
#include "engine/ops/attention.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

void check_rows_sum_to_one(const Tensor& weights) {
  int keys = weights.dim(weights.rank() - 1);
  for (int r = 0; r < weights.size() / keys; ++r) {
    double total = 0;
    for (int j = 0; j < keys; ++j) total += weights[r * keys + j];
    CHECK(total == doctest::Approx(1.0).epsilon(1e-6));
  }
}

// softmax of a plain row, for hand-written references.
std::vector<float> softmax_row(const std::vector<float>& scores) {
  double total = 0;
  for (float s : scores) total += std::exp(static_cast<double>(s));
  std::vector<float> out;
  for (float s : scores) out.push_back(static_cast<float>(std::exp(static_cast<double>(s)) / total));
  return out;
}

// Both results side by side, so one gradcheck covers the output and the weights.
Var both(const ops::Attention& a) { return ops::concat({a.output, a.weights}, 1); }

}  // namespace

TEST_CASE("scaled dot-product attention weights are softmax(q k^T / sqrt(d)) and each row sums to 1") {
  Tensor q = random_tensor({3, 4}, 1), k = random_tensor({5, 4}, 2), v = random_tensor({5, 2}, 3);
  Tape tape;
  ops::Attention a = ops::scaled_dot_product_attention(tape.constant(q), tape.constant(k), tape.constant(v));
  REQUIRE(a.output.ok());
  CHECK(a.weights.shape() == Shape{3, 5});
  CHECK(a.output.shape() == Shape{3, 2});
  check_rows_sum_to_one(a.weights.value());
  for (int i = 0; i < 3; ++i) {
    std::vector<float> scores;
    for (int j = 0; j < 5; ++j) {
      float dot = 0;
      for (int e = 0; e < 4; ++e) dot += q[i * 4 + e] * k[j * 4 + e];
      scores.push_back(dot / 2.0f);  // sqrt(d) = 2
    }
    std::vector<float> expected = softmax_row(scores);
    for (int j = 0; j < 5; ++j) CHECK(a.weights.value()[i * 5 + j] == doctest::Approx(expected[j]).epsilon(1e-5));
    for (int c = 0; c < 2; ++c) {
      float mixed = 0;
      for (int j = 0; j < 5; ++j) mixed += expected[j] * v[j * 2 + c];
      CHECK(a.output.value()[i * 2 + c] == doctest::Approx(mixed).epsilon(1e-5));
    }
  }
}

TEST_CASE("a key much more similar to the query takes almost all the attention weight") {
  Tape tape;
  Var q = tape.constant(Tensor::from({1, 2}, {10, 0}));
  Var k = tape.constant(Tensor::from({3, 2}, {0, 1, 1, 0, -1, 0}));  // key 1 points along the query
  Var v = tape.constant(Tensor::from({3, 2}, {1, 2, 3, 4, 5, 6}));
  ops::Attention a = ops::scaled_dot_product_attention(q, k, v);
  REQUIRE(a.output.ok());
  CHECK(a.weights.value()[1] > 0.999f);
  CHECK(a.output.value()[0] == doctest::Approx(3).epsilon(1e-2));
  CHECK(a.output.value()[1] == doctest::Approx(4).epsilon(1e-2));
}

TEST_CASE("scaled dot-product attention gradients match finite differences for q, k and v") {
  GradCheckResult r = gradcheck(
      [](Tape&, const std::vector<Var>& in) { return both(ops::scaled_dot_product_attention(in[0], in[1], in[2])); },
      {random_tensor({3, 3}, 11), random_tensor({5, 3}, 12), random_tensor({5, 2}, 13)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("a causal mask gives later keys exactly zero weight and the rest still sum to 1") {
  std::vector<char> keep = ops::causal_mask(3, 3);
  CHECK(keep == std::vector<char>{1, 0, 0, 1, 1, 0, 1, 1, 1});
  Tape tape;
  Var v = tape.constant(random_tensor({3, 2}, 23));
  ops::Attention a = ops::scaled_dot_product_attention(tape.constant(random_tensor({3, 5}, 21)),
                                                       tape.constant(random_tensor({3, 5}, 22)), v, &keep);
  REQUIRE(a.output.ok());
  const Tensor& w = a.weights.value();
  CHECK(w[1] == 0.0f);
  CHECK(w[2] == 0.0f);
  CHECK(w[5] == 0.0f);
  check_rows_sum_to_one(w);
  // The first query sees only the first key, so it reads the first value.
  CHECK(a.output.value()[0] == doctest::Approx(v.value()[0]));
  CHECK(a.output.value()[1] == doctest::Approx(v.value()[1]));
  GradCheckResult r = gradcheck(
      [&keep](Tape&, const std::vector<Var>& in) {
        return both(ops::scaled_dot_product_attention(in[0], in[1], in[2], &keep));
      },
      {random_tensor({3, 3}, 24), random_tensor({3, 3}, 25), random_tensor({3, 2}, 26)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("additive attention matches a hand-computed one-dimensional case") {
  // score_j = v tanh(w_q q + w_k k_j) with everything 1-D: tanh(1) and tanh(0).
  Tape tape;
  ops::AdditiveWeights w{tape.constant(Tensor::from({1, 1}, {1})), tape.constant(Tensor::from({1, 1}, {1})),
                         tape.constant(Tensor::from({1}, {1}))};
  Var query = tape.constant(Tensor::from({1, 1}, {0.5f}));
  Var keys = tape.constant(Tensor::from({1, 2, 1}, {0.5f, -0.5f}));
  ops::Attention a = ops::additive_attention(query, keys, w);
  REQUIRE(a.output.ok());
  float first = 1.0f / (1.0f + std::exp(-std::tanh(1.0f)));  // softmax of two = sigmoid of the difference
  CHECK(a.weights.shape() == Shape{1, 2});
  CHECK(a.output.shape() == Shape{1, 1});
  CHECK(a.weights.value()[0] == doctest::Approx(first));
  CHECK(a.weights.value()[1] == doctest::Approx(1 - first));
  CHECK(a.output.value()[0] == doctest::Approx(0.5f * first - 0.5f * (1 - first)));
  // A large v sharpens the scores until the first key takes all the weight.
  w.v = tape.constant(Tensor::from({1}, {20}));
  ops::Attention sharp = ops::additive_attention(query, keys, w);
  CHECK(sharp.weights.value()[0] > 0.999f);
  CHECK(sharp.output.value()[0] == doctest::Approx(0.5f).epsilon(1e-3));
}

TEST_CASE("additive attention scores each batch row against its own keys, and weights sum to 1") {
  const int batch = 2, length = 3, dq = 3, dk = 5, width = 4;
  Tensor query = random_tensor({batch, dq}, 31), keys = random_tensor({batch, length, dk}, 32);
  Tensor w_query = random_tensor({dq, width}, 33), w_key = random_tensor({dk, width}, 34);
  Tensor v = random_tensor({width}, 35);
  Tape tape;
  ops::Attention a = ops::additive_attention(tape.constant(query), tape.constant(keys),
                                             {tape.constant(w_query), tape.constant(w_key), tape.constant(v)});
  REQUIRE(a.output.ok());
  CHECK(a.weights.shape() == Shape{batch, length});
  CHECK(a.output.shape() == Shape{batch, dk});
  check_rows_sum_to_one(a.weights.value());
  for (int b = 0; b < batch; ++b) {
    std::vector<float> scores;
    for (int j = 0; j < length; ++j) {
      float score = 0;
      for (int u = 0; u < width; ++u) {
        float pre = 0;
        for (int i = 0; i < dq; ++i) pre += query[b * dq + i] * w_query[i * width + u];
        for (int i = 0; i < dk; ++i) pre += keys[(b * length + j) * dk + i] * w_key[i * width + u];
        score += v[u] * std::tanh(pre);
      }
      scores.push_back(score);
    }
    std::vector<float> expected = softmax_row(scores);
    for (int j = 0; j < length; ++j)
      CHECK(a.weights.value()[b * length + j] == doctest::Approx(expected[j]).epsilon(1e-5));
    for (int i = 0; i < dk; ++i) {
      float context = 0;
      for (int j = 0; j < length; ++j) context += expected[j] * keys[(b * length + j) * dk + i];
      CHECK(a.output.value()[b * dk + i] == doctest::Approx(context).epsilon(1e-5));
    }
  }
}

TEST_CASE("additive attention gradients match finite differences for query, keys and every weight") {
  GradCheckResult r = gradcheck(
      [](Tape&, const std::vector<Var>& in) {
        return both(ops::additive_attention(in[0], in[1], {in[2], in[3], in[4]}));
      },
      {random_tensor({2, 3}, 41), random_tensor({2, 3, 5}, 42), random_tensor({3, 4}, 43), random_tensor({5, 4}, 44),
       random_tensor({4}, 45)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("additive attention with a padding mask ignores the hidden keys") {
  std::vector<char> keep{1, 1, 0, 1, 0, 0};  // batch row 0 has two real keys, row 1 one
  Tensor keys = random_tensor({2, 3, 5}, 52);
  Tape tape;
  ops::Attention a = ops::additive_attention(
      tape.constant(random_tensor({2, 3}, 51)), tape.constant(keys),
      {tape.constant(random_tensor({3, 4}, 53)), tape.constant(random_tensor({5, 4}, 54)),
       tape.constant(random_tensor({4}, 55))},
      &keep);
  REQUIRE(a.output.ok());
  const Tensor& w = a.weights.value();
  CHECK(w[2] == 0.0f);
  CHECK(w[3] == 1.0f);
  check_rows_sum_to_one(w);
  for (int i = 0; i < 5; ++i) CHECK(a.output.value()[5 + i] == doctest::Approx(keys[15 + i]));
  GradCheckResult r = gradcheck(
      [&keep](Tape&, const std::vector<Var>& in) {
        return both(ops::additive_attention(in[0], in[1], {in[2], in[3], in[4]}, &keep));
      },
      {random_tensor({2, 3}, 56), random_tensor({2, 3, 5}, 57), random_tensor({3, 4}, 58), random_tensor({5, 4}, 59),
       random_tensor({4}, 60)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("attention reports mismatched shapes and bad masks by name, and passes on failed inputs") {
  Tape tape;
  auto zeros = [&tape](Shape s) { return tape.constant(Tensor(s)); };
  CHECK_FALSE(ops::scaled_dot_product_attention(zeros({2, 3}), zeros({4, 5}), zeros({4, 2})).output.ok());
  CHECK(tape.error() ==
        "scaled_dot_product_attention: q [2, 3], k [4, 5], v [4, 2]: need q [n, d], k [m, d], v [m, dv]");
  tape.clear();
  std::vector<char> short_mask{1, 1, 1};
  CHECK_FALSE(ops::scaled_dot_product_attention(zeros({2, 3}), zeros({4, 3}), zeros({4, 2}), &short_mask).weights.ok());
  CHECK(tape.error() == "scaled_dot_product_attention: mask has 3 flags, need 2 x 4 = 8 (q [2, 3], k [4, 3])");
  tape.clear();
  std::vector<char> blind{1, 0, 0, 0};
  CHECK_FALSE(ops::scaled_dot_product_attention(zeros({2, 3}), zeros({2, 3}), zeros({2, 2}), &blind).output.ok());
  CHECK(tape.error().find("mask hides every key from row 1") != std::string::npos);
  tape.clear();
  ops::AdditiveWeights weights{zeros({3, 4}), zeros({5, 4}), zeros({4})};
  CHECK_FALSE(ops::additive_attention(zeros({2, 3}), zeros({3, 5}), weights).output.ok());
  CHECK(tape.error() ==
        "additive_attention: query [2, 3], keys [3, 5], w_query [3, 4], w_key [5, 4], v [4]: need query [B, Dq], "
        "keys [B, m, Dk], w_query [Dq, A], w_key [Dk, A], v [A]");
  tape.clear();
  Var failed = tape.fail("earlier");
  CHECK_FALSE(ops::scaled_dot_product_attention(zeros({2, 3}), failed, zeros({4, 2})).weights.ok());
  weights = {zeros({3, 4}), zeros({5, 4}), zeros({4})};  // the old ones went with clear()
  CHECK_FALSE(ops::additive_attention(failed, zeros({2, 3, 5}), weights).weights.ok());
  CHECK(tape.error() == "earlier");
}
