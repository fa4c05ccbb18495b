#include <chrono>

#include "demos/demo.h"

double now_seconds() {
  using clock = std::chrono::steady_clock;
  static const clock::time_point start = clock::now();
  return std::chrono::duration<double>(clock::now() - start).count();
}

bool StepBudget::expired() const {
  bool answer = checks_allowed >= 0 ? checks_made >= checks_allowed : now_seconds() >= deadline;
  ++checks_made;
  if (answer) ++expired_answers;
  return answer;
}

StepBudget StepBudget::for_checks(int checks, double frame_seconds) {
  StepBudget budget{frame_seconds, 0.0};
  budget.checks_allowed = checks;
  return budget;
}
