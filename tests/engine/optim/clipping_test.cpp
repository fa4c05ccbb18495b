// tests/engine/optim/clipping_test.cpp: gradient clipping by global norm and by value.
#include "engine/optim/clipping.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

TEST_CASE("clip_grad_norm scales all gradients to the max norm and returns the norm before clipping") {
  Parameter a("a", Tensor(Shape{2})), b("b", Tensor(Shape{1}));
  a.grad.copy_from(Tensor::from({2}, {3.0f, 0.0f}));
  b.grad[0] = -4.0f;  // global norm sqrt(9 + 16) = 5
  CHECK(clip_grad_norm({&a, &b}, 1.0f) == doctest::Approx(5.0));
  CHECK(a.grad[0] == doctest::Approx(0.6));
  CHECK(a.grad[1] == 0.0f);
  CHECK(b.grad[0] == doctest::Approx(-0.8));
  CHECK(clip_grad_norm({&a, &b}, 1.0f) == doctest::Approx(1.0));
}

TEST_CASE("clip_grad_norm leaves gradients within the max norm unchanged") {
  Parameter a("a", Tensor(Shape{2}));
  a.grad.copy_from(Tensor::from({2}, {0.3f, -0.4f}));
  CHECK(clip_grad_norm({&a}, 1.0f) == doctest::Approx(0.5));
  CHECK(a.grad.to_vector() == std::vector<float>{0.3f, -0.4f});
}

TEST_CASE("clip_grad_norm reports a non-finite norm and leaves the gradients alone") {
  Parameter a("a", Tensor(Shape{2}));
  a.grad.copy_from(Tensor::from({2}, {std::numeric_limits<float>::infinity(), 1.0f}));
  CHECK(std::isinf(clip_grad_norm({&a}, 1.0f)));
  CHECK(a.grad[1] == 1.0f);
}

TEST_CASE("clip_grad_value clamps each gradient element to [-limit, limit]") {
  Parameter a("a", Tensor(Shape{4}));
  a.grad.copy_from(Tensor::from({4}, {-3.0f, -0.5f, 0.25f, 7.0f}));
  clip_grad_value({&a}, 1.0f);
  CHECK(a.grad.to_vector() == std::vector<float>{-1.0f, -0.5f, 0.25f, 1.0f});
  clip_grad_value({&a}, -0.5f);  // the sign of the limit is ignored
  CHECK(a.grad.to_vector() == std::vector<float>{-0.5f, -0.5f, 0.25f, 0.5f});
}
