// The one container for training curves: bounded, evenly spaced, the whole run.
#include <doctest/doctest.h>

#include "demos/bounded_history.h"

TEST_CASE("a bounded history keeps the whole run evenly spaced, from the first point, in fewer than its capacity") {
  for (int offered : {1, 7, 8, 9, 100, 1000, 4097}) {
    BoundedHistory<int> history(8);
    for (int i = 0; i < offered; ++i) history.add(i);
    CAPTURE(offered);
    REQUIRE(!history.empty());
    CHECK(history.size() < 8);
    const size_t stride = history.stride();
    CHECK((stride & (stride - 1)) == 0);  // a power of two
    for (size_t i = 0; i < history.size(); ++i) CHECK(history.points()[i] == static_cast<int>(i * stride));
    // The last point kept is within one stride of the newest offered.
    CHECK(offered - 1 - history.back() < static_cast<int>(stride) * 2);
  }
}

TEST_CASE("a bounded history starts over on clear()") {
  BoundedHistory<int> history(4);
  for (int i = 0; i < 50; ++i) history.add(i);
  CHECK(history.stride() > 1);
  history.clear();
  CHECK(history.empty());
  CHECK(history.stride() == 1);
  history.add(5);
  history.add(6);
  CHECK(history.points() == std::vector<int>{5, 6});
}
