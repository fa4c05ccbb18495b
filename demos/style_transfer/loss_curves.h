// The optimisation's loss terms over iterations, drawn on one chart with a
// logarithmic y axis: content, style and total variation fall at very
// different scales, and a log axis shows each one's progress.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

struct LossSeries {
  std::string name;
  ImU32 color;
  std::vector<float> values;  // one per iteration; non-positive values are not drawn
};

class LossCurves {
 public:
  LossCurves();
  void clear();
  // Appends one iteration's terms, each before its weight.
  void add(float content, float style, float tv);
  int iterations() const { return static_cast<int>(series_[0].values.size()); }
  const std::vector<LossSeries>& series() const { return series_; }
  // Fills a size.x x size.y region at the cursor.
  void draw(const char* title, ImVec2 size) const;

 private:
  std::vector<LossSeries> series_;
};
