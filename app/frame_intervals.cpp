#include "app/frame_intervals.h"

#include <algorithm>

namespace {
constexpr double kWindowSeconds = 1.0;
}  // namespace

void FrameIntervals::add(double now, double interval) {
  recent_.push_back(Frame{now, interval});
  while (!recent_.empty() && recent_.front().start < now - kWindowSeconds) recent_.pop_front();
}

double FrameIntervals::longest_ms(double now) const {
  double longest = 0;
  for (const Frame& f : recent_)
    if (f.start >= now - kWindowSeconds) longest = std::max(longest, f.interval);
  return longest * 1000.0;
}
