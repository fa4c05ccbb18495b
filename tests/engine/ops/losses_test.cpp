// tests/engine/ops/losses_test.cpp: losses and weight penalties.
#include "engine/ops/losses.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/activations.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/softmax.h"
#include "tests/engine/gradcheck.h"

namespace {

// gradcheck weights a scalar output by one random number (0.0625 for the
// default seed) and measures errors against max(1, |gradient|), so a loss
// whose gradients are small would pass almost anything. Multiplying the loss
// by `amplify` brings its weighted gradients to order one.
void expect_loss_gradients(const GradCheckFunction& f, const std::vector<Tensor>& inputs, float amplify,
                           float step = 1e-3f) {
  GradCheckResult r = gradcheck(
      [&f, amplify](Tape& tape, const std::vector<Var>& x) { return ops::scale(f(tape, x), amplify); }, inputs,
      {.step = step});
  CHECK_MESSAGE(r.ok, r.report);
}

// Values +/-(0.05 k + 0.025) for a shuffled k (stride coprime to the size):
// no two elements are within 0.05 of each other and none is within 0.025 of
// zero, so |.| is differentiable wherever finite differences probe.
Tensor untied_tensor(const Shape& shape, int stride) {
  Tensor t(shape);
  int n = t.size();
  for (int i = 0; i < n; ++i) {
    int k = (i * stride) % n;
    t[i] = (k % 2 == 0 ? 1.0f : -1.0f) * (0.05f * static_cast<float>(k) + 0.025f);
  }
  return t;
}

// Rows of random positive numbers normalised to sum to 1.
Tensor random_distributions(int rows, int classes, uint64_t seed) {
  Tensor t = random_tensor({rows, classes}, seed, 0.1f, 1.0f);
  for (int r = 0; r < rows; ++r) {
    float total = 0;
    for (int k = 0; k < classes; ++k) total += t[r * classes + k];
    for (int k = 0; k < classes; ++k) t[r * classes + k] /= total;
  }
  return t;
}

}  // namespace

TEST_CASE("cross-entropy of uniform logits over K classes is log K") {
  for (int classes : {2, 3, 10}) {
    Tape tape;
    Var logits = tape.constant(Tensor(Shape{4, classes}, 0.7f));
    Var loss = ops::cross_entropy(logits, std::vector<int>{0, 1, classes - 1, 1});
    CHECK(loss.shape().rank == 0);
    CHECK(loss.value().item() == doctest::Approx(std::log(static_cast<double>(classes))).epsilon(1e-6));
  }
}

TEST_CASE("cross-entropy with class indices equals -mean log softmax of the target and matches finite differences") {
  Tape tape;
  Tensor z = Tensor::from({2, 3}, {1.0f, 2.0f, 0.5f, -1.0f, 0.0f, 3.0f});
  Var loss = ops::cross_entropy(tape.variable(z), std::vector<int>{1, 0});
  auto log_p = [&z](int row, int k) {
    double total = 0;
    for (int i = 0; i < 3; ++i) total += std::exp(static_cast<double>(z[row * 3 + i]));
    return static_cast<double>(z[row * 3 + k]) - std::log(total);
  };
  CHECK(loss.value().item() == doctest::Approx(-(log_p(0, 1) + log_p(1, 0)) / 2).epsilon(1e-6));

  std::vector<int> targets{2, 0, 4};
  expect_loss_gradients([targets](Tape&, const std::vector<Var>& x) { return ops::cross_entropy(x[0], targets); },
                        {random_tensor({3, 5}, 31, -2, 2)}, 48);
}

TEST_CASE("cross-entropy with soft targets matches the index form on one-hot rows and finite differences") {
  Tape tape;
  Tensor z = random_tensor({3, 4}, 32, -2, 2);
  Tensor one_hot = Tensor::from({3, 4}, {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1});
  float hard = ops::cross_entropy(tape.constant(z), std::vector<int>{2, 0, 3}).value().item();
  float soft = ops::cross_entropy(tape.constant(z), tape.constant(one_hot)).value().item();
  CHECK(soft == doctest::Approx(hard).epsilon(1e-6));

  expect_loss_gradients([](Tape&, const std::vector<Var>& x) { return ops::cross_entropy(x[0], x[1]); },
                        {random_tensor({3, 5}, 33, -2, 2), random_distributions(3, 5, 34)}, 48);
}

TEST_CASE("cross-entropy stays finite for logits of +/-1e4") {
  Tape tape;
  Var logits = tape.variable(Tensor::from({2, 3}, {1e4f, -1e4f, 0.0f, -1e4f, 1e4f, 1e4f}));
  Var loss = ops::cross_entropy(logits, std::vector<int>{1, 0});
  REQUIRE(loss.ok());
  CHECK(std::isfinite(loss.value().item()));
  // Row 0's target is 2e4 below the one top logit; row 1's is 2e4 below two tied top logits.
  CHECK(loss.value().item() == doctest::Approx(2e4 + std::log(2.0) / 2).epsilon(1e-6));
  REQUIRE(tape.backward(loss));
  for (float g : tape.grad(logits).to_vector()) CHECK(std::isfinite(g));
}

TEST_CASE("cross-entropy reports a target outside [0, K) and a batch-size mismatch") {
  Tape tape;
  Var logits = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::cross_entropy(logits, std::vector<int>{0, 3}).ok());
  CHECK(tape.error() == "cross_entropy: target 3 (row 1) is outside [0, 3) for logits [2, 3]");
  tape.clear();
  logits = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::cross_entropy(logits, std::vector<int>{-1, 0}).ok());
  CHECK(tape.error().find("target -1 (row 0) is outside [0, 3)") != std::string::npos);
  tape.clear();
  logits = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::cross_entropy(logits, std::vector<int>{0, 1, 2}).ok());
  CHECK(tape.error() == "cross_entropy: 3 targets for logits [2, 3]");
  tape.clear();
  logits = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::cross_entropy(logits, tape.constant(Tensor(Shape{2, 4}))).ok());
  CHECK(tape.error() == "cross_entropy: logits [2, 3] and target probabilities [2, 4] must both be [batch, classes]");
  tape.clear();
  CHECK_FALSE(ops::cross_entropy(tape.constant(Tensor(Shape{6})), std::vector<int>{0}).ok());
  CHECK(tape.error() == "cross_entropy: logits must be [batch, classes], got [6]");
}

TEST_CASE("binary cross-entropy at z = 0 is log 2 for any target") {
  Tape tape;
  Var loss = ops::binary_cross_entropy_with_logits(tape.constant(Tensor(Shape{3}, 0.0f)),
                                                   tape.constant(Tensor::from({3}, {0.0f, 1.0f, 0.3f})));
  CHECK(loss.value().item() == doctest::Approx(std::log(2.0)).epsilon(1e-6));
}

TEST_CASE("binary cross-entropy equals -t log sigmoid(z) - (1 - t) log(1 - sigmoid(z)) and is stable at +/-1e4") {
  Tape tape;
  Var loss = ops::binary_cross_entropy_with_logits(tape.constant(Tensor::scalar(1.5f)),
                                                   tape.constant(Tensor::scalar(0.25f)));
  double s = 1.0 / (1.0 + std::exp(-1.5));
  CHECK(loss.value().item() == doctest::Approx(-0.25 * std::log(s) - 0.75 * std::log(1 - s)).epsilon(1e-6));

  Var extreme = ops::binary_cross_entropy_with_logits(tape.constant(Tensor::from({2}, {1e4f, -1e4f})),
                                                      tape.constant(Tensor::from({2}, {0.0f, 0.0f})));
  CHECK(extreme.value().item() == doctest::Approx(5e3).epsilon(1e-6));  // (1e4 + 0) / 2
}

TEST_CASE("binary cross-entropy's gradient is (sigmoid(z) - t) / n, and it matches finite differences") {
  Tape tape;
  Tensor z = random_tensor({5}, 35, -3, 3), targets = random_tensor({5}, 36, 0, 1);
  Var logits = tape.variable(z);
  REQUIRE(tape.backward(ops::binary_cross_entropy_with_logits(logits, tape.constant(targets))));
  for (int i = 0; i < 5; ++i)
    CHECK(tape.grad(logits)[i] * 5 ==
          doctest::Approx(activation_value(Activation::Sigmoid, z[i]) - targets[i]).epsilon(1e-5));

  // A step of 1e-2: the loss is one float near 0.7 (steps of 6e-8), and a
  // step of 1e-3 moves it by only ~1e-6 for the smallest derivatives here, so
  // rounding alone was a 5% error. softplus is smooth, so the larger step
  // costs nothing in truncation (its error is below 1e-5 here).
  expect_loss_gradients(
      [](Tape&, const std::vector<Var>& x) { return ops::binary_cross_entropy_with_logits(x[0], x[1]); },
      {random_tensor({2, 3, 3}, 37, -3, 3), random_tensor({2, 3, 3}, 38, 0, 1)}, 288, 1e-2f);
}

TEST_CASE("mse is the mean of squared differences, without a factor 1/2") {
  Tape tape;
  Var loss = ops::mse(tape.constant(Tensor::from({3}, {1, 2, 3})), tape.constant(Tensor::from({3}, {1, 0, 5})));
  CHECK(loss.value().item() == doctest::Approx(8.0 / 3.0));
  expect_loss_gradients([](Tape&, const std::vector<Var>& x) { return ops::mse(x[0], x[1]); },
                        {random_tensor({3, 5}, 39), random_tensor({3, 5}, 40)}, 240);
}

TEST_CASE("binary cross-entropy and mse refuse shapes that differ instead of broadcasting") {
  Tape tape;
  CHECK_FALSE(ops::mse(tape.constant(Tensor(Shape{4})), tape.constant(Tensor(Shape{4, 1}))).ok());
  CHECK(tape.error() == "mse: prediction [4] and target [4, 1] must have the same shape");
  tape.clear();
  CHECK_FALSE(
      ops::binary_cross_entropy_with_logits(tape.constant(Tensor(Shape{2, 3})), tape.constant(Tensor(Shape{3}))).ok());
  CHECK(tape.error() == "binary_cross_entropy_with_logits: logits [2, 3] and targets [3] must have the same shape");
}

TEST_CASE("tempered KL divergence is 0 for identical logits and positive otherwise") {
  for (float temperature : {0.5f, 1.0f, 4.0f}) {
    CAPTURE(temperature);
    Tape tape;
    Tensor z = random_tensor({3, 5}, 41, -2, 2);
    CHECK(ops::kl_divergence_tempered(tape.constant(z), tape.constant(z.clone()), temperature, true).value().item() ==
          0.0f);
    Var other = tape.constant(random_tensor({3, 5}, 42, -2, 2));
    CHECK(ops::kl_divergence_tempered(tape.constant(z), other, temperature, false).value().item() > 1e-4f);
  }
}

TEST_CASE("tempered KL divergence matches the definition, and T^2 scaling multiplies by exactly T^2") {
  Tape tape;
  Tensor student = Tensor::from({1, 3}, {0.5f, -1.0f, 2.0f}), teacher = Tensor::from({1, 3}, {1.0f, 0.0f, 1.5f});
  float temperature = 3.0f;
  std::vector<float> p(3), q(3);
  softmax_values(teacher.data(), 3, temperature, p.data());
  softmax_values(student.data(), 3, temperature, q.data());
  double expected = 0;
  for (int k = 0; k < 3; ++k) expected += p[k] * std::log(static_cast<double>(p[k]) / q[k]);
  float plain = ops::kl_divergence_tempered(tape.constant(student), tape.constant(teacher), temperature, false)
                    .value().item();
  float scaled = ops::kl_divergence_tempered(tape.constant(student), tape.constant(teacher), temperature, true)
                     .value().item();
  CHECK(plain == doctest::Approx(expected).epsilon(1e-5));
  CHECK(scaled == plain * (temperature * temperature));
}

TEST_CASE("with T^2 scaling the student's gradient is T (q - p) / B, comparable in size across temperatures") {
  for (float temperature : {1.0f, 2.0f, 5.0f}) {
    CAPTURE(temperature);
    Tape tape;
    Tensor s = random_tensor({2, 4}, 43, -2, 2), te = random_tensor({2, 4}, 44, -2, 2);
    Var student = tape.variable(s);
    REQUIRE(tape.backward(ops::kl_divergence_tempered(student, tape.constant(te), temperature, true)));
    for (int b = 0; b < 2; ++b) {
      std::vector<float> p(4), q(4);
      softmax_values(te.data() + b * 4, 4, temperature, p.data());
      softmax_values(s.data() + b * 4, 4, temperature, q.data());
      for (int k = 0; k < 4; ++k)
        CHECK(tape.grad(student)[b * 4 + k] == doctest::Approx(temperature * (q[k] - p[k]) / 2).epsilon(1e-4));
    }
  }
}

TEST_CASE("tempered KL divergence matches finite differences for student and teacher") {
  for (bool scaled : {false, true}) {
    CAPTURE(scaled);
    expect_loss_gradients(
        [scaled](Tape&, const std::vector<Var>& x) { return ops::kl_divergence_tempered(x[0], x[1], 2.5f, scaled); },
        {random_tensor({3, 4}, 45, -2, 2), random_tensor({3, 4}, 46, -2, 2)}, 48);
  }
}

TEST_CASE("tempered KL divergence reports mismatched shapes and a non-positive temperature") {
  Tape tape;
  CHECK_FALSE(
      ops::kl_divergence_tempered(tape.constant(Tensor(Shape{2, 3})), tape.constant(Tensor(Shape{2, 4})), 2, true).ok());
  CHECK(tape.error() == "kl_divergence_tempered: student [2, 3] and teacher [2, 4] logits must both be [batch, classes]");
  tape.clear();
  CHECK_FALSE(
      ops::kl_divergence_tempered(tape.constant(Tensor(Shape{2, 3})), tape.constant(Tensor(Shape{2, 3})), 0, true).ok());
  CHECK(tape.error().find("temperature must be positive") != std::string::npos);
}

TEST_CASE("total variation sums absolute neighbour differences per image") {
  Tape tape;
  // Two 1-channel 2x2 images: [[0, 1], [3, 2]] has |3-0| + |2-1| + |1-0| + |2-3| = 6; a constant image has 0.
  Var images = tape.constant(Tensor::from({2, 1, 2, 2}, {0, 1, 3, 2, 5, 5, 5, 5}));
  CHECK(ops::total_variation(images).value().item() == doctest::Approx(3.0));
  // A single row or column has differences along one axis only.
  Var row = tape.constant(Tensor::from({1, 1, 1, 3}, {0, 2, -1}));
  CHECK(ops::total_variation(row).value().item() == doctest::Approx(5.0));
  expect_loss_gradients([](Tape&, const std::vector<Var>& x) { return ops::total_variation(x[0]); },
                        {untied_tensor({2, 3, 3, 4}, 7)}, 16);
  tape.clear();
  CHECK_FALSE(ops::total_variation(tape.constant(Tensor(Shape{3, 4}))).ok());
  CHECK(tape.error() == "total_variation: images must be [N, C, H, W], got [3, 4]");
}

TEST_CASE("l1 penalty is sum |w| and l2 penalty is (1/2) sum w^2 over all weights") {
  Tape tape;
  Var a = tape.constant(Tensor::from({2}, {1.0f, -2.0f})), b = tape.constant(Tensor::from({1, 1}, {3.0f}));
  CHECK(ops::l1_penalty({a, b}).value().item() == doctest::Approx(6.0));
  CHECK(ops::l2_penalty({a, b}).value().item() == doctest::Approx(7.0));
  expect_loss_gradients([](Tape&, const std::vector<Var>& x) { return ops::l1_penalty({x[0], x[1]}); },
                        {untied_tensor({3, 5}, 4), untied_tensor({7}, 3)}, 16);
  expect_loss_gradients([](Tape&, const std::vector<Var>& x) { return ops::l2_penalty({x[0], x[1]}); },
                        {random_tensor({3, 5}, 47), random_tensor({7}, 48)}, 16);
}

TEST_CASE("the l2 penalty's gradient is the weight itself, accumulated into a parameter") {
  Parameter w("w", Tensor::from({3}, {0.5f, -1.0f, 2.0f}));
  Tape tape;
  REQUIRE(tape.backward(ops::l2_penalty({tape.param(w)})));
  CHECK(w.grad.to_vector() == w.value.to_vector());
  CHECK_FALSE(ops::l1_penalty({}).ok());
}
