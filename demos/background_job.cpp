// The job registry, BackgroundTask, and the synchronous fallback used when no
// platform backend is installed (unit tests, tools).
#include "demos/background_job.h"

#include <map>
#include <utility>

namespace {

std::map<std::string, BackgroundJobFactory>& registry() {
  static std::map<std::string, BackgroundJobFactory> factories;
  return factories;
}

BackgroundBackend* g_backend = nullptr;

// Runs the job inside poll(), one step per call: tests drive it by step counts.
class SynchronousTask : public BackgroundTask::Impl {
 public:
  void start(const std::string& kind, Bytes input) override {
    cancel();
    job_ = make_background_job(kind);
    if (!job_) {
      error_ = "unknown background job '" + kind + "'";
      return;
    }
    if (!job_->start(input, &error_)) {
      if (error_.empty()) error_ = "background job '" + kind + "' rejected its input";
      job_.reset();
    }
  }

  void cancel() override {
    job_.reset();
    error_.clear();
  }

  bool poll(Bytes* message) override {
    if (!job_) return false;
    message->clear();
    if (!job_->step(message)) job_.reset();
    return !message->empty();
  }

  bool running() const override { return job_ != nullptr; }
  const std::string& error() const override { return error_; }

 private:
  std::unique_ptr<BackgroundJob> job_;
  std::string error_;
};

}  // namespace

void register_background_job(const std::string& kind, BackgroundJobFactory factory) { registry()[kind] = factory; }

std::unique_ptr<BackgroundJob> make_background_job(const std::string& kind) {
  auto found = registry().find(kind);
  return found == registry().end() ? nullptr : found->second();
}

void set_background_backend(BackgroundBackend* backend) { g_backend = backend; }

BackgroundTask::BackgroundTask() = default;
BackgroundTask::~BackgroundTask() = default;

void BackgroundTask::start(const std::string& kind, Bytes input) {
  if (!impl_) {
    if (g_backend) impl_ = g_backend->make_task();
    else impl_ = std::make_unique<SynchronousTask>();
  }
  impl_->start(kind, std::move(input));
}

void BackgroundTask::cancel() {
  if (impl_) impl_->cancel();
}

bool BackgroundTask::poll(Bytes* message) { return impl_ && impl_->poll(message); }

bool BackgroundTask::running() const { return impl_ && impl_->running(); }

const std::string& BackgroundTask::error() const {
  static const std::string none;
  return impl_ ? impl_->error() : none;
}
