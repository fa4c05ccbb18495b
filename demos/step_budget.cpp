#include <chrono>

#include "demos/demo.h"

double now_seconds() {
  using clock = std::chrono::steady_clock;
  static const clock::time_point start = clock::now();
  return std::chrono::duration<double>(clock::now() - start).count();
}

bool StepBudget::expired() const { return now_seconds() >= deadline; }
