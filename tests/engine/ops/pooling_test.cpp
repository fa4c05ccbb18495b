// tests/engine/ops/pooling_test.cpp: max and average pooling.
#include "engine/ops/pooling.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "tests/engine/gradcheck.h"

namespace {

// Distinct values 0.05 apart in a seeded random order: no window has a tie,
// and gradcheck's +/-0.01 probes never change which element is the maximum.
Tensor distinct_values(const Shape& shape, uint64_t seed) {
  Tensor t(shape);
  for (int i = 0; i < t.size(); ++i) t[i] = 0.05f * static_cast<float>(i - t.size() / 2);
  Pcg32 rng(seed);
  for (int i = t.size() - 1; i > 0; --i) std::swap(t[i], t[static_cast<int>(rng.below(static_cast<uint32_t>(i + 1)))]);
  return t;
}

struct Window {
  int kernel, stride;
};

void expect_gradients(const GradCheckFunction& f, const Tensor& x) {
  GradCheckResult r = gradcheck(f, {x});
  CHECK_MESSAGE(r.ok, r.report);
}

}  // namespace

TEST_CASE("max_pool2d and avg_pool2d of a 4x4 image with 2x2 windows") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 4, 4}, {1, 2, 5, 6,    //
                                                    3, 4, 7, 8,    //
                                                    -1, 0, 9, -9,  //
                                                    -2, -3, 1, 1}));
  Var largest = ops::max_pool2d(x, 2, 2);
  CHECK(largest.shape() == Shape{1, 1, 2, 2});
  CHECK(largest.value().to_vector() == std::vector<float>{4, 8, 0, 9});
  Var average = ops::avg_pool2d(x, 2, 2);
  CHECK(average.value().to_vector() == std::vector<float>{2.5f, 6.5f, -1.5f, 0.5f});
  // Overlapping windows (stride 1) give a 3x3 output.
  CHECK(ops::max_pool2d(x, 2, 1).shape() == Shape{1, 1, 3, 3});
}

TEST_CASE("max_pool2d matches finite differences on inputs without ties") {
  for (Window window : {Window{2, 2}, Window{3, 2}, Window{2, 1}, Window{3, 3}}) {
    CAPTURE(window.kernel);
    CAPTURE(window.stride);
    expect_gradients(
        [window](Tape&, const std::vector<Var>& v) { return ops::max_pool2d(v[0], window.kernel, window.stride); },
        distinct_values({2, 3, 7, 5}, 51));
  }
}

TEST_CASE("avg_pool2d matches finite differences, with and without overlapping windows") {
  for (Window window : {Window{2, 2}, Window{3, 2}, Window{2, 1}, Window{1, 1}}) {
    CAPTURE(window.kernel);
    CAPTURE(window.stride);
    expect_gradients(
        [window](Tape&, const std::vector<Var>& v) { return ops::avg_pool2d(v[0], window.kernel, window.stride); },
        random_tensor({2, 3, 5, 7}, 52));
  }
}

TEST_CASE("max_pool2d sends the gradient of a tied window to its first maximum") {
  Tape tape;
  Var x = tape.variable(Tensor::from({1, 1, 2, 2}, {3, 3, 3, 3}));
  Var y = ops::max_pool2d(x, 2, 2);
  REQUIRE(tape.backward(y));
  CHECK(tape.grad(x).to_vector() == std::vector<float>{1, 0, 0, 0});
}

TEST_CASE("max_pool2d passes a NaN through wherever it sits in the window, and its gradient to it") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int position = 0; position < 4; ++position) {
    CAPTURE(position);
    std::vector<float> values{1, 5, 3, 2};
    values[static_cast<size_t>(position)] = nan;
    Tape tape;
    Var x = tape.variable(Tensor::from({1, 1, 2, 2}, values));
    Var y = ops::max_pool2d(x, 2, 2);
    CHECK(std::isnan(y.value()[0]));
    REQUIRE(tape.backward(y));
    std::vector<float> expected(4, 0.0f);
    expected[static_cast<size_t>(position)] = 1.0f;
    CHECK(tape.grad(x).to_vector() == expected);
  }
}

TEST_CASE("pooling reports bad kernels, strides and shapes") {
  Tape tape;
  CHECK_FALSE(ops::max_pool2d(tape.constant(Tensor(Shape{1, 2, 3, 5})), 4, 1).ok());
  CHECK(tape.error() == "max_pool2d: kernel 4 is bigger than the input [1, 2, 3, 5]");
  tape.clear();
  CHECK_FALSE(ops::avg_pool2d(tape.constant(Tensor(Shape{1, 2, 3, 5})), 2, 0).ok());
  CHECK(tape.error() == "avg_pool2d: stride must be >= 1, got 0");
  tape.clear();
  CHECK_FALSE(ops::avg_pool2d(tape.constant(Tensor(Shape{3, 5})), 2, 2).ok());
  CHECK(tape.error() == "avg_pool2d: needs x [N, C, H, W], got [3, 5]");
  tape.clear();
  CHECK_FALSE(ops::max_pool2d(tape.constant(Tensor(Shape{1, 1, 3, 3})), 0, 1).ok());
  CHECK(tape.error() == "max_pool2d: kernel must be >= 1, got 0");
}
