// tests/app/background_native_test.cpp: the desktop thread backend. Waits
// spin on poll() with yields, never on the clock.
#ifndef __EMSCRIPTEN__
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/background_backend.h"
#include "demos/jobs/count_primes_job.h"

namespace {

struct ThreadBackendInstalled {
  ThreadBackendInstalled() {
    register_all_background_jobs();
    set_background_backend(background_backend::get());
  }
  ~ThreadBackendInstalled() { set_background_backend(nullptr); }
};

std::vector<CountPrimesProgress> drain(BackgroundTask& task) {
  std::vector<CountPrimesProgress> all;
  Bytes message;
  while (task.running()) {
    if (!task.poll(&message)) {
      std::this_thread::yield();
      continue;
    }
    CountPrimesProgress progress;
    std::string error;
    REQUIRE_MESSAGE(decode_count_primes_progress(message, &progress, &error), error);
    all.push_back(progress);
  }
  return all;
}

}  // namespace

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: every progress message arrives, in order, with the exact count") {
  BackgroundTask task;
  task.start("count_primes", encode_count_primes_input({2000000, 50000}));
  CHECK(task.running());
  std::vector<CountPrimesProgress> all = drain(task);
  REQUIRE(all.size() == 40);
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].limit == 2000000);
    CHECK(all[i].checked_below == 50000 * (i + 1));
    CHECK(all[i].finished == (i + 1 == all.size()));
  }
  CHECK(all.back().primes == 148933);  // pi(2 * 10^6)
  CHECK(task.error().empty());
}

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: a restart drops every stale message of the old job") {
  BackgroundTask task;
  for (int round = 0; round < 20; ++round) {
    // A long job, interrupted at once or after its first message.
    task.start("count_primes", encode_count_primes_input({100000000, 1000}));
    Bytes message;
    if (round % 2 == 1)
      while (!task.poll(&message)) std::this_thread::yield();
    task.start("count_primes", encode_count_primes_input({10000, 1000}));
    std::vector<CountPrimesProgress> all = drain(task);
    CAPTURE(round);
    REQUIRE(all.size() == 10);
    for (const CountPrimesProgress& p : all) CHECK(p.limit == 10000);
    CHECK(all.back().primes == 1229);
  }
}

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: cancel stops at once and nothing arrives afterwards") {
  BackgroundTask task;
  task.start("count_primes", encode_count_primes_input({2000000000, 1000}));
  Bytes message;
  while (!task.poll(&message)) std::this_thread::yield();
  task.cancel();
  CHECK_FALSE(task.running());
  for (int i = 0; i < 1000; ++i) {
    CHECK_FALSE(task.poll(&message));
    std::this_thread::yield();
  }
}

namespace {
// Counts its steps in a global, so the test can see how far it ran unpolled.
std::atomic<int> g_counter_steps{0};
struct CounterJob : BackgroundJob {
  bool start(const Bytes&, std::string*) override { return true; }
  bool step(Bytes* message) override {
    ++g_counter_steps;
    *message = Bytes{1};
    return g_counter_steps < 1000000;
  }
};
}  // namespace

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: an unpolled job waits once the queue limit is reached") {
  register_background_job("test_counter", [] { return std::unique_ptr<BackgroundJob>(new CounterJob); });
  g_counter_steps = 0;
  BackgroundTask task;
  task.start("test_counter", {});
  while (g_counter_steps < static_cast<int>(kMaxQueuedBackgroundMessages)) std::this_thread::yield();
  for (int i = 0; i < 20000; ++i) std::this_thread::yield();
  // The queue's worth, plus the one message waiting for room.
  CHECK(g_counter_steps <= static_cast<int>(kMaxQueuedBackgroundMessages) + 1);
  Bytes message;
  CHECK(task.poll(&message));
  while (g_counter_steps < static_cast<int>(kMaxQueuedBackgroundMessages) + 2) std::this_thread::yield();
  task.cancel();
}

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: bad input reports the job's message; the task can start again") {
  BackgroundTask task;
  task.start("count_primes", Bytes{9});
  drain(task);
  CHECK(task.error().find("8 bytes") != std::string::npos);
  task.start("no_such_job", {});
  drain(task);
  CHECK(task.error().find("unknown background job") != std::string::npos);
  task.start("count_primes", encode_count_primes_input({1000, 100}));
  std::vector<CountPrimesProgress> all = drain(task);
  CHECK(task.error().empty());
  REQUIRE(!all.empty());
  CHECK(all.back().primes == 168);
}

TEST_CASE_FIXTURE(ThreadBackendInstalled, "thread task: destroying a running task cancels and joins its thread") {
  for (int i = 0; i < 5; ++i) {
    BackgroundTask task;
    task.start("count_primes", encode_count_primes_input({2000000000, 1000}));
  }
  CHECK(true);
}
#endif
