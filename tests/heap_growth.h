// tests/heap_growth.h: how much the heap grows over many steps of a loop once
// it is warm (issue 13, "memory over time"). Warm-up covers what a loop
// allocates once (optimizer state, buffers reaching their high-water mark);
// after it, a leak of even one small tensor per step adds up.
#pragma once

#include "engine/heap_in_use.h"

struct HeapGrowth {
  long long warm_bytes = 0;  // in use after the warm-up
  long long late_bytes = 0;  // in use after the measured steps
  long long grown() const { return late_bytes - warm_bytes; }
};

template <class Step>
HeapGrowth heap_growth(int warm_steps, int measured_steps, Step&& step) {
  HeapGrowth growth;
  for (int i = 0; i < warm_steps; ++i) step();
  growth.warm_bytes = heap_bytes_in_use();
  for (int i = 0; i < measured_steps; ++i) step();
  growth.late_bytes = heap_bytes_in_use();
  return growth;
}
