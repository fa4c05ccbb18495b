// One mode of the perceptron demo (perceptron, logic gates, ReLU fit, MLP).
//
// A mode is a Demo in its own right (state fields, controls, step, draw,
// report); the host demo (perceptron_demo.h) shows one at a time and owns the
// shared play/pause flag, which is the URL's `run`. Each mode prefixes its URL
// keys (p_, g_, r_) so that all modes' fields live in one hash; MLP mode, the
// default, uses TensorFlow Playground's plain names.
#pragma once

#include <functional>

#include "demos/demo.h"
#include "demos/i18n/tr.h"

class Mode : public Demo {
 public:
  void bind_running(bool* running) { running_ = running; }
  void bind_switcher(std::function<void(const char* mode_name, const char* request)> switcher) {
    switcher_ = std::move(switcher);
  }
  // Another mode sent this mode to the front with a request, e.g. "xor_by_hand".
  virtual void handle_request(const char* request) { (void)request; }

 protected:
  bool running() const { return running_ != nullptr && *running_; }
  void set_running(bool on) {
    if (running_) *running_ = on;
  }
  // Shows another mode, e.g. "add a hidden layer" from the perceptron on XOR,
  // with an optional request that mode understands.
  void switch_to(const char* mode_name, const char* request = "") {
    if (switcher_) switcher_(mode_name, request);
  }

 private:
  bool* running_ = nullptr;
  std::function<void(const char*, const char*)> switcher_;
};
