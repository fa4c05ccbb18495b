// Native background tasks: one std::thread per running job. The thread and
// the UI share a Channel (mutex-protected message queue, atomic cancel flag
// checked between steps). A restart gives the new job a new Channel, so the
// old job's late messages land where nobody reads them; its thread is joined
// later, once it has noticed the cancel, so the UI never waits for a step.
#include "app/background_backend.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace {

struct Channel {
  std::mutex mutex;
  std::condition_variable room;  // signalled when the UI takes a message or cancels
  std::deque<Bytes> messages;
  std::string error;
  bool job_done = false;           // the job returned from its last step (or failed to start)
  std::atomic<bool> cancel{false};
  std::atomic<bool> exited{false};  // the thread function has returned
};

void run_job(std::shared_ptr<Channel> channel, std::string kind, Bytes input) {
  auto finish = [&channel](std::string error) {
    std::lock_guard<std::mutex> lock(channel->mutex);
    channel->error = std::move(error);
    channel->job_done = true;
  };
  std::unique_ptr<BackgroundJob> job = make_background_job(kind);
  std::string error;
  if (!job) {
    finish("unknown background job '" + kind + "'");
  } else if (!job->start(input, &error)) {
    finish(error.empty() ? "background job '" + kind + "' rejected its input" : error);
  } else {
    bool more = true;
    while (more && !channel->cancel) {
      Bytes message;
      more = job->step(&message);
      if (message.empty()) continue;
      std::unique_lock<std::mutex> lock(channel->mutex);
      channel->room.wait(lock, [&] {
        return channel->cancel || channel->messages.size() < kMaxQueuedBackgroundMessages;
      });
      channel->messages.push_back(std::move(message));
    }
    finish("");
  }
  channel->exited = true;
}

class ThreadTask : public BackgroundTask::Impl {
 public:
  // Waits for a cancelled step to end: only at exit, when demos are destroyed.
  ~ThreadTask() override {
    cancel();
    for (Running& old : retired_) old.thread.join();
  }

  void start(const std::string& kind, Bytes input) override {
    cancel();
    current_.channel = std::make_shared<Channel>();
    current_.thread = std::thread(run_job, current_.channel, kind, std::move(input));
  }

  void cancel() override {
    join_exited();
    if (!current_.channel) return;
    {
      std::lock_guard<std::mutex> lock(current_.channel->mutex);
      current_.channel->cancel = true;
    }
    current_.channel->room.notify_all();
    retired_.push_back(std::move(current_));
    current_ = Running{};
    error_.clear();
  }

  bool poll(Bytes* message) override {
    join_exited();
    if (!current_.channel) return false;
    Channel& channel = *current_.channel;
    {
      std::lock_guard<std::mutex> lock(channel.mutex);
      if (!channel.messages.empty()) {
        *message = std::move(channel.messages.front());
        channel.messages.pop_front();
      } else {
        return false;
      }
    }
    channel.room.notify_all();
    return true;
  }

  bool running() const override {
    if (!current_.channel) return false;
    std::lock_guard<std::mutex> lock(current_.channel->mutex);
    return !(current_.channel->job_done && current_.channel->messages.empty());
  }

  const std::string& error() const override {
    // The thread writes its error under the lock; copy it out for the caller.
    if (current_.channel) {
      std::lock_guard<std::mutex> lock(current_.channel->mutex);
      if (current_.channel->job_done) error_ = current_.channel->error;
    }
    return error_;
  }

 private:
  struct Running {
    std::shared_ptr<Channel> channel;
    std::thread thread;
  };

  // Joins cancelled threads that have already returned (never waits on a running step).
  void join_exited() {
    for (size_t i = 0; i < retired_.size();) {
      if (retired_[i].channel->exited) {
        retired_[i].thread.join();
        retired_.erase(retired_.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  Running current_;
  std::vector<Running> retired_;  // cancelled, still finishing their step
  mutable std::string error_;
};

struct ThreadBackend : BackgroundBackend {
  std::unique_ptr<BackgroundTask::Impl> make_task() override { return std::make_unique<ThreadTask>(); }
};

}  // namespace

namespace background_backend {

BackgroundBackend* get() {
  static ThreadBackend backend;
  return &backend;
}

void init() {
  register_all_background_jobs();
  set_background_backend(get());
}

}  // namespace background_backend
