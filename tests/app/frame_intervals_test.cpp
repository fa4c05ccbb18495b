// tests/app/frame_intervals_test.cpp: the longest frame over the last second.
#include "app/frame_intervals.h"

#include <doctest/doctest.h>

TEST_CASE("longest_ms is the longest interval among the frames of the last second") {
  FrameIntervals frames;
  CHECK(frames.longest_ms(0) == 0);
  double t = 0;
  for (int i = 0; i < 60; ++i) frames.add(t += 0.016, 0.016);
  CHECK(frames.longest_ms(t) == doctest::Approx(16));
  frames.add(t += 0.250, 0.250);  // one stalled frame
  for (int i = 0; i < 30; ++i) frames.add(t += 0.016, 0.016);
  CHECK(frames.longest_ms(t) == doctest::Approx(250));
  // A second of smooth frames later, the stall has left the window.
  for (int i = 0; i < 70; ++i) frames.add(t += 0.016, 0.016);
  CHECK(frames.longest_ms(t) == doctest::Approx(16));
  // Nothing for two seconds: no frame of the last second remains.
  CHECK(frames.longest_ms(t + 2) == 0);
}
