// tests/engine/kernels/elementwise_test.cpp: every element-wise kernel
// against the formula in double, on lengths that leave every possible tail
// (n % 4 = 0..3) and on edge values.
#include "engine/kernels/elementwise.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

const int kLengths[] = {1, 2, 3, 4, 5, 7, 13, 64, 257};

// n values spread over [-range, range], plus zero and signed zero early on.
std::vector<float> inputs(int n, float range) {
  std::vector<float> x(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) x[i] = range * std::sin(1.7f * static_cast<float>(i) + 0.3f);
  if (n > 2) x[1] = 0.0f, x[2] = -0.0f;
  return x;
}

// Relative error within `ulps` float ulps of the reference, or an absolute 1e-38 near zero.
bool close(float got, double expected, double ulps) {
  return std::fabs(got - expected) <= ulps * std::ldexp(1.0, -24) * std::fabs(expected) + 1e-38;
}

double gelu_reference(double x) { return 0.5 * x * (1 + std::tanh(0.7978845608028654 * (x + 0.044715 * x * x * x))); }

// `per_x`: an absolute allowance of per_x |x| on top (GELU's 1 + tanh u cancels for x << 0).
template <typename Kernel, typename Reference>
void check_forward(std::string name, Kernel kernel, Reference reference, float range, double ulps, double per_x = 0) {
  for (int n : kLengths) {
    std::vector<float> x = inputs(n, range), y(static_cast<size_t>(n) + 1, 123.0f);
    kernel(x.data(), y.data(), n);
    int wrong = 0;
    std::string first;
    for (int i = 0; i < n; ++i)
      if (!close(y[i], reference(static_cast<double>(x[i])), ulps) &&
          std::fabs(y[i] - reference(static_cast<double>(x[i]))) > per_x * std::fabs(x[i]) && wrong++ == 0)
        first = "f(" + std::to_string(x[i]) + ") = " + std::to_string(y[i]) + ", expected " +
                std::to_string(reference(static_cast<double>(x[i])));
    INFO(name, " n=", n, ": ", first);
    CHECK(wrong == 0);
    CHECK(y[n] == 123.0f);  // nothing written past the end
  }
}

}  // namespace

TEST_CASE("kernels: activations match their formulas on every tail length") {
  check_forward("relu", kernels::relu, [](double x) { return x > 0 ? x : 0.0; }, 5, 0);
  check_forward(
      "leaky_relu", [](const float* x, float* y, int n) { kernels::leaky_relu(x, 0.01f, y, n); },
      [](double x) { return x > 0 ? x : static_cast<double>(0.01f) * x; }, 5, 1);
  check_forward("tanh", kernels::tanh, [](double x) { return std::tanh(x); }, 9, 8);
  check_forward("tanh near 0", kernels::tanh, [](double x) { return std::tanh(x); }, 0.01f, 8);
  check_forward("sigmoid", kernels::sigmoid, [](double x) { return 1 / (1 + std::exp(-x)); }, 30, 8);
  check_forward("exp", kernels::exp, [](double x) { return std::exp(x); }, 80, 8);
  check_forward("softplus", kernels::softplus, [](double x) { return std::log1p(std::exp(x)); }, 30, 8);
  check_forward("gelu", kernels::gelu, gelu_reference, 6, 32, std::ldexp(1.0, -22));
}

TEST_CASE("kernels: exp, tanh, sigmoid and softplus saturate cleanly and pass NaN on") {
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  std::vector<float> x{-1000.0f, -inf, 1000.0f, inf, nan}, y(5);
  kernels::exp(x.data(), y.data(), 5);
  CHECK(y[0] == 0.0f);
  CHECK(y[1] == 0.0f);
  CHECK(std::isfinite(y[2]));
  CHECK(std::isnan(y[4]));
  kernels::tanh(x.data(), y.data(), 5);
  CHECK(std::vector<float>(y.begin(), y.begin() + 4) == std::vector<float>{-1, -1, 1, 1});
  CHECK(std::isnan(y[4]));
  kernels::sigmoid(x.data(), y.data(), 5);
  CHECK(std::vector<float>(y.begin(), y.begin() + 4) == std::vector<float>{0, 0, 1, 1});
  CHECK(std::isnan(y[4]));
  kernels::softplus(x.data(), y.data(), 5);
  CHECK(std::vector<float>(y.begin(), y.begin() + 4) == std::vector<float>{0, 0, 1000, inf});
  CHECK(std::isnan(y[4]));
}

TEST_CASE("kernels: backward products add dy times the derivative") {
  for (int n : kLengths) {
    std::vector<float> x = inputs(n, 3), dy = inputs(n, 2), y(static_cast<size_t>(n));
    for (float& g : dy) g += 0.5f;
    // `terms`: a bound on the size of the terms inside f' (1 for most; GELU's reach ~4 at |x| = 3).
    auto run = [&](auto backward, const std::vector<float>& from, auto derivative, std::string name, double terms = 1) {
      std::vector<float> dx(static_cast<size_t>(n), 0.25f);
      backward(from.data(), dy.data(), dx.data(), n);
      for (int i = 0; i < n; ++i) {
        const double product = static_cast<double>(dy[i]) * derivative(static_cast<double>(from[i]));
        INFO(name, " n=", n, " i=", i);
        // f' is computed from terms of size <= `terms`: a few ulps of those, times |dy|, absolute.
        CHECK(std::fabs(dx[i] - (0.25 + product)) <= 4 * std::ldexp(1.0, -24) * (0.25 + 2 * terms * std::fabs(dy[i])));
      }
    };
    run(kernels::relu_backward, x, [](double v) { return v > 0 ? 1.0 : 0.0; }, "relu");
    run([](const float* a, const float* b, float* c, int m) { kernels::leaky_relu_backward(a, 0.1f, b, c, m); }, x,
        [](double v) { return v > 0 ? 1.0 : static_cast<double>(0.1f); }, "leaky_relu");
    run(kernels::gelu_backward, x, [](double v) {  // a central difference of the reference, step 1e-4
      return (gelu_reference(v + 1e-4) - gelu_reference(v - 1e-4)) / 2e-4;
    }, "gelu", 4);
    kernels::tanh(x.data(), y.data(), n);
    run(kernels::tanh_backward, y, [](double t) { return 1 - t * t; }, "tanh");
    kernels::sigmoid(x.data(), y.data(), n);
    run(kernels::sigmoid_backward, y, [](double s) { return s * (1 - s); }, "sigmoid");
  }
}

TEST_CASE("kernels: softmax rows sum to 1 and match exp(z / T) / sum at any temperature") {
  for (int k : {1, 3, 5, 8, 33}) {
    const int rows = 3;
    std::vector<float> z = inputs(rows * k, 40), y(static_cast<size_t>(rows * k));
    for (float temperature : {0.1f, 1.0f, 7.0f}) {
      kernels::softmax_rows(z.data(), rows, k, temperature, y.data());
      for (int r = 0; r < rows; ++r) {
        double top = -1e30, total = 0, sum_y = 0;
        for (int i = 0; i < k; ++i) top = std::fmax(top, z[r * k + i]);
        for (int i = 0; i < k; ++i) total += std::exp((z[r * k + i] - top) / temperature);
        for (int i = 0; i < k; ++i) {
          const double exponent = (z[r * k + i] - top) / temperature, expected = std::exp(exponent) / total;
          // Rounding the exponent to float alone costs |exponent| * 2^-24 relative; below
          // e^-87.3 (float's smallest normal) the kernel gives 0.
          INFO("k=", k, " T=", temperature, " row ", r, " i=", i);
          const double tolerance = (1e-6 + std::fabs(exponent) * std::ldexp(1.0, -23)) * expected + 2e-38;
          CHECK(std::fabs(y[r * k + i] - expected) <= tolerance);
          sum_y += y[r * k + i];
        }
        CHECK(sum_y == doctest::Approx(1.0).epsilon(1e-6));
      }
    }
  }
}

TEST_CASE("kernels: adam_update follows Kingma and Ba's algorithm step by step") {
  for (int n : kLengths) {
    std::vector<float> g = inputs(n, 1), value = inputs(n, 2), m(static_cast<size_t>(n), 0.0f), v(m);
    std::vector<double> value_ref(value.begin(), value.end()), m_ref(m.begin(), m.end()), v_ref(m_ref);
    const double beta1 = 0.9, beta2 = 0.999, rate = 0.01, epsilon = 1e-8;
    for (int t = 1; t <= 3; ++t) {
      const kernels::AdamStep step{static_cast<float>(rate), static_cast<float>(beta1), static_cast<float>(beta2),
                                   static_cast<float>(epsilon), static_cast<float>(1 / (1 - std::pow(beta1, t))),
                                   static_cast<float>(1 / (1 - std::pow(beta2, t)))};
      kernels::adam_update(step, g.data(), value.data(), m.data(), v.data(), n);
      for (int i = 0; i < n; ++i) {
        m_ref[i] = beta1 * m_ref[i] + (1 - beta1) * g[i];
        v_ref[i] = beta2 * v_ref[i] + (1 - beta2) * g[i] * g[i];
        value_ref[i] -= rate * (m_ref[i] / (1 - std::pow(beta1, t))) /
                        (std::sqrt(v_ref[i] / (1 - std::pow(beta2, t))) + epsilon);
      }
    }
    for (int i = 0; i < n; ++i) {
      INFO("n=", n, " i=", i);
      CHECK(std::fabs(value[i] - value_ref[i]) <= 1e-6);  // |value| <= 2: a few float ulps
      CHECK(std::fabs(m[i] - m_ref[i]) <= 1e-6 * std::fabs(m_ref[i]) + 1e-12);
    }
  }
}
