// tests/engine/ops/dropout_test.cpp: inverted dropout and Monte-Carlo dropout.
#include "engine/ops/dropout.h"

#include <doctest/doctest.h>

#include <cmath>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

double kept_fraction(const Tensor& mask) {
  double kept = 0;
  for (int i = 0; i < mask.size(); ++i) kept += mask[i];
  return kept / mask.size();
}

// Mean absolute difference between the average of `samples` MC-dropout passes
// of x W and the evaluation output x W.
double mc_dropout_error(int samples, const Tensor& x, const Tensor& w, float drop_probability) {
  Tape tape(11);
  tape.training = false;
  std::vector<double> average(static_cast<size_t>(w.dim(1)), 0.0);
  for (int s = 0; s < samples; ++s) {
    tape.clear();
    Var thinned = ops::dropout_sample(tape.constant(x), drop_probability).output;
    Tensor y = ops::matmul(thinned, tape.constant(w)).value();
    for (int j = 0; j < y.size(); ++j) average[j] += static_cast<double>(y[j]) / samples;
  }
  tape.clear();
  Tensor exact = ops::matmul(ops::dropout(tape.constant(x), drop_probability).output, tape.constant(w)).value();
  double error = 0;
  for (int j = 0; j < exact.size(); ++j) error += std::fabs(average[j] - exact[j]) / exact.size();
  return error;
}

}  // namespace

TEST_CASE("dropout keeps a fraction 1 - p of units and scales them by 1 / (1 - p)") {
  for (float p : {0.1f, 0.5f, 0.8f}) {
    CAPTURE(p);
    Tape tape(3);
    Tensor x = random_tensor({100, 1000}, 51);
    ops::Dropout d = ops::dropout(tape.constant(x), p);
    REQUIRE(d.output.ok());
    CHECK(d.mask.shape() == x.shape());
    CHECK(std::fabs(kept_fraction(d.mask) - (1.0 - p)) < 0.01);  // the standard error is at most 0.0016
    const Tensor& y = d.output.value();
    bool consistent = true;
    for (int i = 0; i < x.size(); ++i) {
      consistent = consistent && (d.mask[i] == 0.0f || d.mask[i] == 1.0f);
      consistent = consistent && std::fabs(y[i] - x[i] * d.mask[i] / (1 - p)) <= 1e-6f;
    }
    CHECK(consistent);
  }
}

TEST_CASE("inverted dropout keeps the expectation: the mean of 2000 passes is close to the input") {
  Tape tape(5);
  Tensor x = random_tensor({4, 5}, 52);
  std::vector<double> average(static_cast<size_t>(x.size()), 0.0);
  const int passes = 2000;
  for (int pass = 0; pass < passes; ++pass) {
    tape.clear();
    Tensor y = ops::dropout(tape.constant(x), 0.5f).output.value();
    for (int i = 0; i < x.size(); ++i) average[i] += static_cast<double>(y[i]) / passes;
  }
  // Each average has standard deviation |x| sqrt(p / (1 - p) / passes) <= 0.023.
  for (int i = 0; i < x.size(); ++i) CHECK(std::fabs(average[i] - x[i]) < 0.1);
}

TEST_CASE("dropout in evaluation mode, or with p = 0, returns exactly the input and draws nothing") {
  for (bool training : {false, true}) {
    CAPTURE(training);
    Tape tape(9);
    tape.training = training;
    Pcg32 untouched = tape.rng;
    Var x = tape.constant(random_tensor({3, 7}, 53));
    ops::Dropout d = ops::dropout(x, training ? 0.0f : 0.5f);
    CHECK(d.output.id == x.id);
    CHECK(d.output.value().to_vector() == x.value().to_vector());
    CHECK(d.mask.to_vector() == std::vector<float>(21, 1.0f));
    CHECK(tape.rng.next_u32() == untouched.next_u32());
  }
}

TEST_CASE("the same tape seed gives the same dropout mask") {
  Tape a(21), b(21);
  Tensor x = random_tensor({6, 9}, 54);
  CHECK(ops::dropout(a.constant(x), 0.3f).mask.to_vector() == ops::dropout(b.constant(x), 0.3f).mask.to_vector());
}

TEST_CASE("dropout and MC-dropout gradients match finite differences with a fixed mask") {
  for (float p : {0.2f, 0.5f}) {
    CAPTURE(p);
    GradCheckResult train = gradcheck(
        [p](Tape&, const std::vector<Var>& x) { return ops::dropout(x[0], p).output; }, {random_tensor({3, 5}, 55)},
        {.training = true});
    CHECK_MESSAGE(train.ok, train.report);
    GradCheckResult sampled = gradcheck(
        [p](Tape&, const std::vector<Var>& x) { return ops::dropout_sample(x[0], p).output; },
        {random_tensor({2, 3, 3}, 56)}, {.training = false});
    CHECK_MESSAGE(sampled.ok, sampled.report);
  }
  GradCheckResult evaluation = gradcheck(
      [](Tape&, const std::vector<Var>& x) { return ops::dropout(x[0], 0.5f).output; }, {random_tensor({2, 3}, 57)},
      {.training = false});
  CHECK_MESSAGE(evaluation.ok, evaluation.report);
}

TEST_CASE("the backward pass drops the same units as the forward pass") {
  Tape tape(13);
  Var x = tape.variable(random_tensor({4, 6}, 58));
  ops::Dropout d = ops::dropout(x, 0.25f);
  REQUIRE(tape.backward(ops::sum(d.output)));
  for (int i = 0; i < 24; ++i) CHECK(tape.grad(x)[i] == doctest::Approx(d.mask[i] / 0.75f));
}

TEST_CASE("MC-dropout samples in evaluation mode and its mean approaches the evaluation output") {
  Tape tape(17);
  tape.training = false;
  ops::Dropout d = ops::dropout_sample(tape.constant(random_tensor({10, 10}, 59)), 0.5f);
  CHECK(kept_fraction(d.mask) > 0.3);
  CHECK(kept_fraction(d.mask) < 0.7);

  Tensor x = random_tensor({1, 20}, 60), w = random_tensor({20, 3}, 61);
  double few = mc_dropout_error(10, x, w, 0.5f), many = mc_dropout_error(2000, x, w, 0.5f);
  CAPTURE(few);
  CAPTURE(many);
  CHECK(many < few);
  CHECK(many < 0.1);
}

TEST_CASE("a drop probability outside [0, 1) is an error") {
  for (float p : {1.0f, -0.1f, 1.5f, NAN}) {
    CAPTURE(p);
    Tape tape;
    Var x = tape.constant(Tensor(Shape{2, 3}));
    CHECK_FALSE(ops::dropout(x, p).output.ok());
    CHECK(tape.error().rfind("dropout: drop probability must be in [0, 1), got ", 0) == 0);
    tape.clear();
    tape.training = false;
    x = tape.constant(Tensor(Shape{2, 3}));
    CHECK_FALSE(ops::dropout_sample(x, p).output.ok());
    CHECK(tape.error().find("dropout_sample: drop probability must be in [0, 1)") != std::string::npos);
  }
  Tape tape;
  Var failed = tape.fail("earlier");
  CHECK_FALSE(ops::dropout(failed, 0.5f).output.ok());
  CHECK(tape.error() == "earlier");
}
