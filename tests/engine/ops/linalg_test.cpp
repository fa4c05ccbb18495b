// tests/engine/ops/linalg_test.cpp: products, shape changes, reductions.
#include "engine/ops/linalg.h"

#include <doctest/doctest.h>

#include "engine/ops/elementwise.h"
#include "tests/engine/gradcheck.h"

namespace {

void expect_gradients(const GradCheckFunction& f, const std::vector<Tensor>& inputs) {
  GradCheckResult r = gradcheck(f, inputs);
  CHECK_MESSAGE(r.ok, r.report);
}

}  // namespace

TEST_CASE("matmul computes the product and its gradients") {
  Tape tape;
  Var a = tape.constant(Tensor::from({2, 3}, {1, 2, 3, 4, 5, 6}));
  Var b = tape.constant(Tensor::from({3, 2}, {7, 8, 9, 10, 11, 12}));
  Var c = ops::matmul(a, b);
  CHECK(c.value().to_vector() == std::vector<float>{58, 64, 139, 154});
  for (Shape sa : {Shape{1, 1}, Shape{7, 13}, Shape{4, 1}}) {
    Shape sb{sa[1], 5};
    expect_gradients([](Tape&, const std::vector<Var>& x) { return ops::matmul(x[0], x[1]); },
                     {random_tensor(sa, 1), random_tensor(sb, 2)});
  }
}

TEST_CASE("affine is matmul plus a row-broadcast bias, to the bit, with the same gradients") {
  for (Shape sx : {Shape{1, 1}, Shape{10, 8}, Shape{7, 13}, Shape{33, 40}}) {
    Shape sw{sx[1], 5}, sb{5};
    Tape tape;
    Var x = tape.variable(random_tensor(sx, 1)), w = tape.variable(random_tensor(sw, 2)),
        b = tape.variable(random_tensor(sb, 3));
    Var fused = ops::affine(x, w, b), separate = ops::add(ops::matmul(x, w), b);
    CHECK(fused.value().to_vector() == separate.value().to_vector());
    expect_gradients([](Tape&, const std::vector<Var>& v) { return ops::affine(v[0], v[1], v[2]); },
                     {random_tensor(sx, 1), random_tensor(sw, 2), random_tensor(sb, 3)});
  }
  Tape tape;
  Var bad = ops::affine(tape.constant(Tensor({2, 3})), tape.constant(Tensor({3, 4})), tape.constant(Tensor({5})));
  CHECK_FALSE(bad.ok());
  CHECK(tape.error() == "affine: [2, 3] x [3, 4] + [5]: need [m, k] x [k, n] + [n]");
}

TEST_CASE("transpose, reshape, concat and slice pass gradients through") {
  expect_gradients([](Tape&, const std::vector<Var>& x) { return ops::transpose(x[0]); }, {random_tensor({3, 5}, 3)});
  expect_gradients([](Tape&, const std::vector<Var>& x) { return ops::reshape(x[0], {5, 3}); },
                   {random_tensor({3, 5}, 3)});
  for (int axis = 0; axis < 3; ++axis) {
    Shape a{2, 3, 4}, b{2, 3, 4};
    b[axis] = 1;
    expect_gradients([axis](Tape&, const std::vector<Var>& x) { return ops::concat({x[0], x[1], x[0]}, axis); },
                     {random_tensor(a, 4), random_tensor(b, 5)});
    expect_gradients([axis](Tape&, const std::vector<Var>& x) { return ops::slice(x[0], axis, 1, 2); },
                     {random_tensor(a, 6)});
  }
}

TEST_CASE("sum and mean, whole and along an axis") {
  Tape tape;
  Var a = tape.constant(Tensor::from({2, 3}, {1, 2, 3, 4, 5, 6}));
  CHECK(ops::sum(a).value().item() == 21);
  CHECK(ops::mean(a).value().item() == 3.5f);
  CHECK(ops::sum(a, 0).value().to_vector() == std::vector<float>{5, 7, 9});
  CHECK(ops::mean(a, 1).value().to_vector() == std::vector<float>{2, 5});
  for (int axis = 0; axis < 3; ++axis) {
    expect_gradients([axis](Tape&, const std::vector<Var>& x) { return ops::sum(x[0], axis); },
                     {random_tensor({2, 3, 4}, 7)});
    expect_gradients([axis](Tape&, const std::vector<Var>& x) { return ops::mean(x[0], axis); },
                     {random_tensor({2, 3, 4}, 7)});
  }
  expect_gradients([](Tape&, const std::vector<Var>& x) { return ops::mean(x[0]); }, {random_tensor({3, 3}, 8)});
}

TEST_CASE("bad shapes and ranges are reported, not crashed on") {
  Tape tape;
  Var a = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::reshape(a, {4, 2}).ok());
  CHECK(tape.error() == "reshape: cannot view [2, 3] as [4, 2]");
  tape.clear();
  a = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::slice(a, 1, 2, 5).ok());
  CHECK(tape.error() == "slice: [2, 5) on axis 1 of [2, 3]");
  tape.clear();
  a = tape.constant(Tensor(Shape{2, 3}));
  CHECK_FALSE(ops::concat({a, tape.constant(Tensor(Shape{3, 3}))}, 1).ok());
  CHECK(tape.error() == "concat: [2, 3] and [3, 3] differ off axis 1");
}
