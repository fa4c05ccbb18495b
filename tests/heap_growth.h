// tests/heap_growth.h: how much the heap grows over many steps of a loop once
// it is warm (issue 13, "memory over time"). Warm-up covers what a loop
// allocates once (optimizer state, buffers reaching their high-water mark);
// after it, a leak of even one small tensor per step adds up. The peaks are
// compared, not two single readings, because a loop's heap rises and falls
// within its cycle (an evaluation pass allocates while it runs).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "demos/background_job.h"
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

// What a loop may still add once warm: a leak of one small tensor per step
// over hundreds of steps is far more.
constexpr long long kWarmHeapSlack = 16 * 1024;

// A background job, started on `input` and stepped `warm_steps` then
// `measured_steps` times (it must not finish sooner), as the tests drive jobs.
inline HeapGrowth job_heap_growth(BackgroundJob& job, const Bytes& input, int warm_steps, int measured_steps) {
  std::string error;
  REQUIRE_MESSAGE(job.start(input, &error), error);
  Bytes message;
  const HeapGrowth growth = heap_growth(warm_steps, measured_steps, [&] {
    message.clear();
    REQUIRE(job.step(&message));
  });
  MESSAGE("heap: " << growth.warm_peak << " bytes at the warm-up's peak, " << growth.grown() << " more at the peak of the next "
                   << measured_steps << " steps");
  return growth;
}
