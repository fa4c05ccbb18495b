// tests/engine/autodiff_test.cpp: the tape itself.
#include "engine/autodiff.h"

#include <doctest/doctest.h>

#include <memory>

#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

TEST_CASE("a parameter's gradient accumulates across backward passes until zeroed") {
  Parameter w("w", Tensor::from({2}, {1, 2}));
  Tape tape;
  for (int pass = 0; pass < 2; ++pass) {
    tape.clear();
    Var x = tape.constant(Tensor::from({2}, {3, 4}));
    Var loss = ops::sum(ops::mul(tape.param(w), x));  // dL/dw = x
    REQUIRE(tape.backward(loss));
  }
  CHECK(w.grad[0] == 6);
  CHECK(w.grad[1] == 8);
  w.grad.zero();
  CHECK(w.grad[0] == 0);
}

TEST_CASE("a value used twice gets both gradient contributions") {
  Tape tape;
  Var x = tape.variable(Tensor::scalar(3));
  Var y = ops::mul(x, x);  // dy/dx = 2x
  REQUIRE(tape.backward(y));
  CHECK(tape.grad(x).item() == 6);
}

TEST_CASE("no-grad mode records nothing for backward") {
  Tape tape;
  Var x = tape.variable(Tensor::scalar(2));
  {
    NoGradScope scope(tape);
    Var y = ops::mul(x, x);
    CHECK_FALSE(tape.needs_grad(y));
  }
  Var z = ops::mul(x, x);
  CHECK(tape.needs_grad(z));
}

TEST_CASE("shape errors name the op and both shapes, and poison later ops") {
  Tape tape;
  Var a = tape.constant(Tensor(Shape{2, 3}));
  Var b = tape.constant(Tensor(Shape{4, 5}));
  Var c = ops::matmul(a, b);
  CHECK_FALSE(c.ok());
  CHECK(tape.error() == "matmul: [2, 3] x [4, 5]: need [m, k] x [k, n]");
  Var d = ops::add(c, a);  // keeps the first message
  CHECK_FALSE(d.ok());
  CHECK(tape.error().find("matmul") == 0);
  CHECK_FALSE(tape.backward(d));

  tape.clear();
  CHECK_FALSE(tape.failed());
  Var e = ops::add(tape.constant(Tensor(Shape{2, 3})), tape.constant(Tensor(Shape{4})));
  CHECK_FALSE(e.ok());
  CHECK(tape.error() == "add: shapes [2, 3] and [4] do not broadcast");
}

TEST_CASE("backward refuses a loss that is not one element") {
  Tape tape;
  Var x = tape.variable(Tensor(Shape{3}));
  CHECK_FALSE(tape.backward(ops::scale(x, 2)));
  CHECK(tape.error().find("one element") != std::string::npos);
}

TEST_CASE("clearing the tape between steps keeps memory flat over thousands of steps") {
  Parameter w("w", Tensor(Shape{8, 8}, 0.1f));
  Tape tape;
  int nodes_after_first = 0;
  long floats_after_warm_up = 0;
  for (int step = 0; step < 3000; ++step) {
    tape.clear();
    Var x = tape.constant(Tensor(Shape{4, 8}, 1.0f));
    Var loss = ops::mean(ops::square(ops::matmul(x, tape.param(w))));
    REQUIRE(tape.backward(loss));
    if (step == 0) nodes_after_first = tape.node_count();
    REQUIRE(tape.node_count() == nodes_after_first);
    // Memory itself, not just the node count: the floats every tensor buffer holds.
    if (step == 10) floats_after_warm_up = tensor_floats_allocated();
    if (step > 10) REQUIRE(tensor_floats_allocated() == floats_after_warm_up);
  }
}

TEST_CASE("clear() releases the nodes' values and closures, and the next step reuses the buffers") {
  Tape tape;
  auto shared = std::make_shared<int>(0);
  const auto step = [&tape, &shared](float x0) {
    Var x = tape.variable(Tensor(Shape{64}, x0));
    Var y = ops::scale(x, 2.0f);
    tape.record(Tensor(Shape{1}), {x}, [shared](Tape&, Var) {});  // a closure holding a resource
    REQUIRE(tape.backward(ops::sum(y)));
    CHECK(tape.grad(x)[0] == 2.0f);
    CHECK(y.value()[63] == 2.0f * x0);
  };
  step(1.0f);
  CHECK(shared.use_count() == 2);
  tape.clear();
  CHECK(shared.use_count() == 1);  // dropped by clear(), not kept until the node is reused
  CHECK(tape.node_count() == 0);
  // The buffers went back to the pool (which counts them as allocated still):
  // the same step again takes them instead of allocating more.
  const long floats_after_clear = tensor_floats_allocated();
  step(3.0f);
  CHECK(tensor_floats_allocated() == floats_after_clear);
}

TEST_CASE("a shape or value read from a Var stays valid while more ops are recorded") {
  Tape tape;
  Var a = tape.constant(Tensor::from({1, 3}, {1, 2, 3}));
  const Shape& shape = a.shape();
  const Tensor& value = a.value();
  for (int i = 0; i < 5000; ++i) ops::scale(a, 2.0f);  // would move a vector's elements many times
  CHECK(shape == Shape{1, 3});
  CHECK(value[2] == 3);
}

TEST_CASE("an op mixing Vars of two tapes fails with a message instead of writing gradients into the wrong tape") {
  Tape a, b;
  Var x = a.variable(Tensor::from({2}, {1, 2}));
  Var y = b.variable(Tensor::from({2}, {3, 4}));
  Var product = ops::mul(x, y);
  CHECK_FALSE(product.ok());
  CHECK(a.error().find("two tapes") != std::string::npos);
  CHECK_FALSE(a.backward(ops::sum(product)));
  CHECK(b.node_count() == 1);  // nothing was recorded on the other tape
}

TEST_CASE("a Var kept across clear() is stale: ops and backward refuse it with a message, never reading freed nodes") {
  Tape tape;
  Var x = tape.variable(Tensor::from({3}, {1, 2, 3}));
  Var loss = ops::sum(ops::square(x));
  tape.clear();
  CHECK_FALSE(x.ok());
  CHECK(x.value().empty());
  for (int i = 0; i < 4; ++i) tape.constant(Tensor(Shape{1}));  // new nodes where the old ids pointed
  Var again = ops::scale(x, 2.0f);
  CHECK_FALSE(again.ok());
  CHECK(tape.error().find("stale") != std::string::npos);
  CHECK_FALSE(tape.backward(loss));
}
