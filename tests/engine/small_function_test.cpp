// tests/engine/small_function_test.cpp: the tape's backward callable keeps
// small closures inline, boxes large ones, and destroys each exactly once.
#include "engine/small_function.h"

#include <doctest/doctest.h>

#include <array>
#include <memory>
#include <vector>

namespace {

// Counts live copies: a closure that leaks or is destroyed twice shows here.
struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  Counted(const Counted&) { ++alive; }
  Counted(Counted&&) noexcept { ++alive; }
  ~Counted() { --alive; }
};

}  // namespace

TEST_CASE("a small closure runs inline, moves with its state and is destroyed once") {
  Counted::alive = 0;
  {
    int calls = 0;
    Counted token;
    SmallFunction<int(int)> f = [&calls, token, offset = 10](int x) {
      ++calls;
      return x + offset;
    };
    CHECK(static_cast<bool>(f));
    CHECK(f(5) == 15);
    SmallFunction<int(int)> g = std::move(f);
    CHECK_FALSE(static_cast<bool>(f));
    CHECK(g(1) == 11);
    CHECK(calls == 2);
    CHECK(Counted::alive == 2);  // `token` and the one copy inside g
    g.reset();
    CHECK(Counted::alive == 1);
  }
  CHECK(Counted::alive == 0);
}

TEST_CASE("a closure larger than the inline buffer is boxed and still works, moves and frees") {
  Counted::alive = 0;
  {
    std::array<double, 32> big{};  // 256 bytes, more than kInlineBytes
    big[31] = 2.5;
    Counted token;
    SmallFunction<double()> f = [big, token] { return big[31]; };
    SmallFunction<double()> g;
    g = std::move(f);
    CHECK(g() == 2.5);
    CHECK(Counted::alive == 2);
  }
  CHECK(Counted::alive == 0);
}

TEST_CASE("a move-only closure is accepted (a std::function would refuse it)") {
  auto owned = std::make_unique<std::vector<int>>(std::vector<int>{1, 2, 3});
  SmallFunction<int()> f = [v = std::move(owned)] { return (*v)[2]; };
  CHECK(f() == 3);
  SmallFunction<int()> none = nullptr;
  CHECK_FALSE(static_cast<bool>(none));
}
