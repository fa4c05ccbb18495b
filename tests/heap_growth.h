// tests/heap_growth.h: how much the heap grows over many steps of a loop once
// it is warm (issue 13, "memory over time"). Warm-up covers what a loop
// allocates once (optimizer state, buffers reaching their high-water mark);
// after it, a leak of even one small tensor per step adds up. The peaks are
// compared, not two single readings, because a loop's heap rises and falls
// within its cycle (an evaluation pass allocates while it runs).
#pragma once

#include <algorithm>

#include "engine/heap_in_use.h"

struct HeapGrowth {
  long long warm_peak = 0;  // the most in use after any warm-up step
  long long late_peak = 0;  // the most in use after any measured step
  long long grown() const { return late_peak - warm_peak; }
};

template <class Step>
HeapGrowth heap_growth(int warm_steps, int measured_steps, Step&& step) {
  HeapGrowth growth;
  for (int i = 0; i < warm_steps; ++i) {
    step();
    growth.warm_peak = std::max(growth.warm_peak, heap_bytes_in_use());
  }
  for (int i = 0; i < measured_steps; ++i) {
    step();
    growth.late_peak = std::max(growth.late_peak, heap_bytes_in_use());
  }
  return growth;
}
