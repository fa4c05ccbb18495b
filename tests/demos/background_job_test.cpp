// tests/demos/background_job_test.cpp: the job registry and the synchronous
// fallback (no platform backend: poll() runs one step), driven by step counts.
#include "demos/background_job.h"

#include <doctest/doctest.h>

#include "demos/jobs/count_primes_job.h"

namespace {

struct RegisteredJobs {
  RegisteredJobs() {
    register_all_background_jobs();
    set_background_backend(nullptr);
  }
};

CountPrimesProgress decode(const Bytes& bytes) {
  CountPrimesProgress progress;
  std::string error;
  REQUIRE_MESSAGE(decode_count_primes_progress(bytes, &progress, &error), error);
  return progress;
}

}  // namespace

TEST_CASE_FIXTURE(RegisteredJobs, "registry: known kinds make jobs, unknown kinds give nullptr") {
  CHECK(make_background_job("count_primes") != nullptr);
  CHECK(make_background_job("no_such_job") == nullptr);
}

TEST_CASE_FIXTURE(RegisteredJobs, "synchronous task: one poll runs one step, in order, to the exact prime count") {
  BackgroundTask task;
  CHECK_FALSE(task.running());
  task.start("count_primes", encode_count_primes_input({100000, 10000}));
  CHECK(task.running());
  Bytes message;
  uint32_t checked = 0;
  int polls = 0;
  CountPrimesProgress last;
  while (task.poll(&message)) {
    ++polls;
    last = decode(message);
    CHECK(last.limit == 100000);
    CHECK(last.checked_below == checked + 10000);  // one 10000-number segment per poll
    checked = last.checked_below;
  }
  CHECK(polls == 10);
  CHECK(last.finished);
  CHECK(last.primes == 9592);  // pi(10^5)
  CHECK_FALSE(task.running());
  CHECK(task.error().empty());
}

TEST_CASE_FIXTURE(RegisteredJobs, "synchronous task: a restart forgets the old job; cancel stops at once") {
  BackgroundTask task;
  Bytes message;
  task.start("count_primes", encode_count_primes_input({1000000, 1000}));
  REQUIRE(task.poll(&message));
  task.start("count_primes", encode_count_primes_input({50, 7}));
  int polls = 0;
  CountPrimesProgress last;
  while (task.poll(&message)) {
    last = decode(message);
    CHECK(last.limit == 50);
    ++polls;
  }
  CHECK(polls == 8);  // ceil(50 / 7)
  CHECK(last.primes == 15);
  task.start("count_primes", encode_count_primes_input({1000000, 1000}));
  task.cancel();
  CHECK_FALSE(task.running());
  CHECK_FALSE(task.poll(&message));
}

TEST_CASE_FIXTURE(RegisteredJobs, "count_primes matches known prime counts for awkward limits and segment sizes") {
  struct Case {
    uint32_t limit, per_step, primes;
  };
  for (Case c : {Case{2, 1, 0}, Case{3, 1, 1}, Case{10, 3, 4}, Case{100, 1, 25}, Case{1000, 999, 168},
                 Case{7920, 64, 1000}, Case{1000000, 65536, 78498}}) {
    CAPTURE(c.limit);
    CAPTURE(c.per_step);
    BackgroundTask task;
    task.start("count_primes", encode_count_primes_input({c.limit, c.per_step}));
    Bytes message;
    CountPrimesProgress last;
    while (task.poll(&message)) last = decode(message);
    CHECK(last.finished);
    CHECK(last.checked_below == c.limit);
    CHECK(last.primes == c.primes);
  }
}

TEST_CASE_FIXTURE(RegisteredJobs, "bad input and unknown kinds give a message, not a crash") {
  BackgroundTask task;
  task.start("count_primes", Bytes{1, 2, 3});
  CHECK_FALSE(task.running());
  CHECK(task.error().find("8 bytes") != std::string::npos);
  task.start("count_primes", encode_count_primes_input({1, 10}));
  CHECK(task.error().find("limit") != std::string::npos);
  task.start("count_primes", encode_count_primes_input({100, 0}));
  CHECK(task.error().find("per step") != std::string::npos);
  task.start("warp_drive", {});
  CHECK(task.error().find("unknown background job 'warp_drive'") != std::string::npos);
  Bytes message;
  CHECK_FALSE(task.poll(&message));
  // A good start clears the old error.
  task.start("count_primes", encode_count_primes_input({10, 10}));
  CHECK(task.error().empty());
  CHECK(task.running());
}

TEST_CASE("a task that was never started is idle and polls nothing") {
  BackgroundTask task;
  Bytes message;
  CHECK_FALSE(task.poll(&message));
  CHECK_FALSE(task.running());
  CHECK(task.error().empty());
  task.cancel();
}
