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

class Mode : public Demo {
 public:
  void bind_running(bool* running) { running_ = running; }
  void bind_switcher(std::function<void(const char* mode_name)> switcher) { switcher_ = std::move(switcher); }

 protected:
  bool running() const { return running_ != nullptr && *running_; }
  void set_running(bool on) {
    if (running_) *running_ = on;
  }
  // Shows another mode, e.g. "add a hidden layer" from the perceptron on XOR.
  void switch_to(const char* mode_name) {
    if (switcher_) switcher_(mode_name);
  }

 private:
  bool* running_ = nullptr;
  std::function<void(const char*)> switcher_;
};
