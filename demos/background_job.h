// Long computations off the UI thread (issue 11, part 6).
//
// A job is plain C++ that knows nothing of threads or workers: start() takes
// its input as bytes, and each step() does one slice of work (one Gatys
// iteration, a few training steps) and may emit a progress message as bytes.
// The same job code runs natively on a std::thread and in the browser inside
// a Web Worker with its own wasm instance (app/background_*.cpp); bytes are
// the only thing that crosses, so both paths behave alike.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

using Bytes = std::vector<uint8_t>;

class BackgroundJob {
 public:
  virtual ~BackgroundJob() = default;
  // Parses the input; returns false and sets *error on bad input.
  virtual bool start(const Bytes& input, std::string* error) = 0;
  // One slice of work. Writes zero or one progress message into *message
  // (left empty when there is nothing to say). Returns false when finished.
  virtual bool step(Bytes* message) = 0;
};

// Job kinds by name. Every build (the app natively, the worker wasm, tests)
// calls register_all_background_jobs() (demos/background_jobs.cpp) once.
using BackgroundJobFactory = std::unique_ptr<BackgroundJob> (*)();
void register_background_job(const std::string& kind, BackgroundJobFactory factory);
std::unique_ptr<BackgroundJob> make_background_job(const std::string& kind);  // nullptr if unknown
void register_all_background_jobs();

// What a demo holds: one job at a time, started, polled each frame, cancelled.
// start() while running cancels the old job at once: its later messages are
// dropped, so a restart never shows stale results.
class BackgroundTask {
 public:
  BackgroundTask();
  ~BackgroundTask();
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  void start(const std::string& kind, Bytes input);
  void cancel();
  // Takes the next progress message of the current job, oldest first; false if none.
  bool poll(Bytes* message);
  // Started, not cancelled, and not finished; a job counts as finished once
  // its last message has been polled, so `while (poll) ...; if (!running())`
  // never misses the final result.
  bool running() const;
  const std::string& error() const;  // a failed start or a lost worker; empty otherwise

  // What a backend implements (one per task; see BackgroundBackend below).
  struct Impl {
    virtual ~Impl() = default;
    virtual void start(const std::string& kind, Bytes input) = 0;
    virtual void cancel() = 0;
    virtual bool poll(Bytes* message) = 0;
    virtual bool running() const = 0;
    virtual const std::string& error() const = 0;
  };

 private:
  std::unique_ptr<Impl> impl_;  // made at the first start(), by the backend installed then
};

// A job runs at most this many messages ahead of the demo's polls, then waits:
// a hidden browser tab stops drawing frames but not workers, and unpolled
// images would otherwise pile up.
constexpr size_t kMaxQueuedBackgroundMessages = 16;

// How tasks run: the app installs the thread or worker backend at startup.
// Without one (unit tests, tools) a task runs its job synchronously inside
// poll(), one step per call, so tests are driven by step counts.
struct BackgroundBackend {
  virtual ~BackgroundBackend() = default;
  virtual std::unique_ptr<BackgroundTask::Impl> make_task() = 0;
};
void set_background_backend(BackgroundBackend* backend);
