// tests/engine/ops/embedding_test.cpp: table lookup and its scatter-add gradient.
#include "engine/ops/embedding.h"

#include <doctest/doctest.h>

#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

TEST_CASE("embedding gathers the table rows named by the ids, in order") {
  Tape tape;
  Var table = tape.constant(Tensor::from({3, 2}, {0, 1, 10, 11, 20, 21}));
  Var out = ops::embedding(table, {2, 0, 2});
  REQUIRE(out.ok());
  CHECK(out.shape() == Shape{3, 2});
  CHECK(out.value().to_vector() == std::vector<float>{20, 21, 0, 1, 20, 21});
}

TEST_CASE("embedding gradient adds into the table rows and accumulates for a repeated id") {
  Tape tape;
  Var table = tape.variable(Tensor(Shape{4, 3}));
  Var out = ops::embedding(table, {1, 3, 1, 1});
  REQUIRE(tape.backward(ops::sum(out)));
  CHECK(tape.grad(table).to_vector() == std::vector<float>{0, 0, 0, 3, 3, 3, 0, 0, 0, 1, 1, 1});
}

TEST_CASE("embedding gradient with respect to the table matches finite differences") {
  GradCheckResult r = gradcheck([](Tape&, const std::vector<Var>& x) { return ops::embedding(x[0], {4, 0, 2, 2, 4}); },
                                {random_tensor({5, 3}, 31)});
  CHECK_MESSAGE(r.ok, r.report);
}

TEST_CASE("embedding reports an id outside [0, V), a table that is not a matrix, and no ids") {
  Tape tape;
  Var table = tape.constant(Tensor(Shape{5, 2}));
  CHECK_FALSE(ops::embedding(table, {0, 5}).ok());
  CHECK(tape.error() == "embedding: id 5 (position 1) is outside [0, V) for V = 5, table [5, 2]");
  tape.clear();
  table = tape.constant(Tensor(Shape{5, 2}));
  CHECK_FALSE(ops::embedding(table, {-1}).ok());
  CHECK(tape.error().find("id -1") != std::string::npos);
  tape.clear();
  CHECK_FALSE(ops::embedding(tape.constant(Tensor(Shape{5})), {0}).ok());
  CHECK(tape.error() == "embedding: the table must be [V, D], got [5]");
  tape.clear();
  CHECK_FALSE(ops::embedding(tape.constant(Tensor(Shape{5, 2})), {}).ok());
  CHECK(tape.error() == "embedding: no ids to look up in table [5, 2]");
  tape.clear();
  Var failed = tape.fail("earlier");
  CHECK_FALSE(ops::embedding(failed, {0}).ok());
  CHECK(tape.error() == "earlier");
}
