// tests/engine/ops/elementwise_test.cpp: broadcasting arithmetic.
#include "engine/ops/elementwise.h"

#include <doctest/doctest.h>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

void check_binary(Var (*op)(Var, Var), const Shape& a, const Shape& b, float lo = -1, float hi = 1) {
  CAPTURE(a.str());
  CAPTURE(b.str());
  GradCheckResult r = gradcheck([op](Tape&, const std::vector<Var>& x) { return op(x[0], x[1]); },
                                {random_tensor(a, 1, lo, hi), random_tensor(b, 2, lo, hi)});
  CHECK_MESSAGE(r.ok, r.report);
}

}  // namespace

TEST_CASE("broadcast add sums the gradient over broadcast axes") {
  Tape tape;
  Var a = tape.variable(Tensor(Shape{2, 3}, 1.0f));
  Var b = tape.variable(Tensor::from({3}, {10, 20, 30}));
  Var c = ops::add(a, b);
  CHECK(c.shape() == Shape{2, 3});
  CHECK(c.value()[4] == 21);
  REQUIRE(tape.backward(ops::sum(c)));
  CHECK(tape.grad(b)[0] == 2);  // each b broadcast over 2 rows
}

TEST_CASE("gradients of add, sub, mul, div match finite differences, with broadcasting") {
  const Shape pairs[][2] = {{{3, 4}, {3, 4}}, {{2, 3, 4}, {4}}, {{2, 1, 4}, {3, 1}}, {{1}, {2, 2, 2, 2}}, {{}, {5}}};
  for (const auto& p : pairs) {
    check_binary(ops::add, p[0], p[1]);
    check_binary(ops::sub, p[0], p[1]);
    check_binary(ops::mul, p[0], p[1]);
    check_binary(ops::div, p[0], p[1], 0.5f, 2.0f);  // keep denominators away from 0
  }
}

TEST_CASE("gradients of scalar and unary maps match finite differences") {
  auto check = [](GradCheckFunction f, float lo, float hi) {
    GradCheckResult r = gradcheck(f, {random_tensor({3, 5}, 4, lo, hi)});
    CHECK_MESSAGE(r.ok, r.report);
  };
  check([](Tape&, const std::vector<Var>& x) { return ops::scale(x[0], -2.5f); }, -1, 1);
  check([](Tape&, const std::vector<Var>& x) { return ops::add_scalar(x[0], 3); }, -1, 1);
  check([](Tape&, const std::vector<Var>& x) { return ops::square(x[0]); }, -1, 1);
  check([](Tape&, const std::vector<Var>& x) { return ops::exp(x[0]); }, -1, 1);
  check([](Tape&, const std::vector<Var>& x) { return ops::log(x[0]); }, 0.5f, 2);
  check([](Tape&, const std::vector<Var>& x) { return ops::abs(x[0]); }, 0.1f, 1);
}
