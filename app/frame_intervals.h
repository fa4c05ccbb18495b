// The longest frame interval over the last second: the UI must never block
// for more than a frame, even while a background job computes (issue 11).
// The shell reports it as playgroundStatus().longest_frame_ms.
#pragma once

#include <deque>

class FrameIntervals {
 public:
  // A frame began at `now` (seconds), `interval` seconds after the previous one.
  void add(double now, double interval);
  // The longest interval among frames that began within the last second before `now`, in ms.
  double longest_ms(double now) const;

 private:
  struct Frame {
    double start, interval;
  };
  std::deque<Frame> recent_;  // oldest first; at most a second's worth
};
