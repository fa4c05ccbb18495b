// A whole training run's curve in a bounded number of points. Every
// stride()-th point offered is kept; when the store is full, every other
// kept point is dropped and the stride doubles, so the curve always spans
// the run from its first step, evenly spaced, at whatever resolution fits.
// Its storage is allocated once, at the bound, so a long run's memory is flat
// from its first step (tested in tests/demos/*: the heap stops growing).
#pragma once

#include <cstddef>
#include <vector>

template <typename Point>
class BoundedHistory {
 public:
  explicit BoundedHistory(size_t capacity) : capacity_(capacity < 2 ? 2 : capacity) { points_.reserve(capacity_); }

  void add(const Point& point) {
    if (offers_++ % stride_ != 0) return;
    points_.push_back(point);
    if (points_.size() < capacity_) return;
    for (size_t i = 0; 2 * i < points_.size(); ++i) points_[i] = points_[2 * i];
    points_.resize((points_.size() + 1) / 2);
    stride_ *= 2;
  }

  void clear() {
    points_.clear();
    offers_ = 0;
    stride_ = 1;
  }

  const std::vector<Point>& points() const { return points_; }
  size_t size() const { return points_.size(); }
  bool empty() const { return points_.empty(); }
  const Point& back() const { return points_.back(); }
  typename std::vector<Point>::const_iterator begin() const { return points_.begin(); }
  typename std::vector<Point>::const_iterator end() const { return points_.end(); }
  size_t stride() const { return stride_; }  // offers per kept point

 private:
  size_t capacity_;
  std::vector<Point> points_;
  size_t offers_ = 0;
  size_t stride_ = 1;
};
