// tests/engine/ops/softmax_test.cpp: softmax and log-softmax with temperature.
#include "engine/ops/softmax.h"

#include <doctest/doctest.h>

#include <cmath>

#include "tests/engine/gradcheck.h"

namespace {

std::vector<float> softmax_of(std::vector<float> logits, float temperature) {
  std::vector<float> out(logits.size());
  softmax_values(logits.data(), static_cast<int>(logits.size()), temperature, out.data());
  return out;
}

}  // namespace

TEST_CASE("softmax with temperature tends to uniform as T grows and to one-hot as T shrinks") {
  std::vector<float> z{2.0f, 1.0f, 0.5f, -1.0f};
  std::vector<float> hot = softmax_of(z, 0.01f), flat = softmax_of(z, 1000.0f);
  CHECK(hot[0] == doctest::Approx(1.0).epsilon(1e-6));
  for (int i = 1; i < 4; ++i) CHECK(hot[i] < 1e-20);
  for (float p : flat) CHECK(p == doctest::Approx(0.25).epsilon(1e-3));
  // T = 1 is the plain softmax.
  std::vector<float> plain = softmax_of(z, 1.0f);
  double norm = 0;
  for (float v : z) norm += std::exp(v);
  CHECK(plain[1] == doctest::Approx(std::exp(1.0) / norm));
}

TEST_CASE("softmax stays finite and normalised for logits up to 1e4 and T from 0.01 to 100") {
  for (float temperature : {0.01f, 0.1f, 1.0f, 10.0f, 100.0f}) {
    CAPTURE(temperature);
    std::vector<float> p = softmax_of({1e4f, -1e4f, 9999.0f, 0.0f}, temperature);
    double total = 0;
    for (float v : p) {
      CHECK(std::isfinite(v));
      total += v;
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-5));
    Tape tape;
    Var ls = ops::log_softmax(tape.constant(Tensor::from({4}, {1e4f, -1e4f, 9999.0f, 0.0f})), temperature);
    for (float v : ls.value().to_vector()) CHECK(!std::isnan(v));
  }
}

TEST_CASE("softmax and log-softmax gradients match finite differences at several temperatures") {
  for (float temperature : {0.5f, 1.0f, 3.0f}) {
    CAPTURE(temperature);
    GradCheckResult a = gradcheck(
        [temperature](Tape&, const std::vector<Var>& x) { return ops::softmax(x[0], temperature); },
        {random_tensor({3, 5}, 21, -2, 2)}, {.step = 1e-3f});
    CHECK_MESSAGE(a.ok, a.report);
    GradCheckResult b = gradcheck(
        [temperature](Tape&, const std::vector<Var>& x) { return ops::log_softmax(x[0], temperature); },
        {random_tensor({2, 3, 4}, 22, -2, 2)}, {.step = 1e-3f});
    CHECK_MESSAGE(b.ok, b.report);
  }
}

TEST_CASE("a non-positive temperature is an error, not NaN") {
  Tape tape;
  Var x = tape.constant(Tensor(Shape{3}));
  CHECK_FALSE(ops::softmax(x, 0.0f).ok());
  CHECK(tape.error().find("temperature must be positive") != std::string::npos);
}
