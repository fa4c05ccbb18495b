// The one interface every demo implements.
//
// A demo is a model + controls + a drawing + an explanation. It never knows
// whether it runs natively or in a browser: the shell calls these methods once
// a frame, inside an ImGui frame.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "demos/state_fields.h"

// Time the demo may spend in step() this frame, so training never freezes the UI.
// A demo asks expired() before each unit of work and stops at the first "yes".
struct StepBudget {
  double frame_seconds;  // wall time since the previous frame (for speed-limited demos)
  double deadline;       // stop working when now_seconds() passes this
  // Tests count work, not time, so a slow machine sees the same frames as a fast one:
  // a budget from for_checks(n) answers "no" to its first n checks, then "yes".
  int checks_allowed = -1;                 // -1: the clock decides
  mutable int checks_made = 0;             // every expired() call
  mutable int expired_answers = 0;         // "yes" answers: each one should end a loop
  bool expired() const;
  static StepBudget for_checks(int checks, double frame_seconds = 1.0 / 60);
};
double now_seconds();  // monotonic clock, seconds

// Numbers a demo reports to window.playgroundStatus() (step, train_loss, ...).
// Numbers are flat keys; a list becomes a JSON array ("probabilities": [...]);
// a group becomes a nested object ("plain": {"step": 10, ...}). A group may
// also hold text, lists and lists of lists ("caption": {"text": "a red bag",
// "attention": [[...], ...]}), written after its numbers.
struct DemoReport {
  using Numbers = std::vector<std::pair<std::string, double>>;
  Numbers numbers;
  std::vector<std::pair<std::string, std::vector<double>>> lists;
  std::vector<std::pair<std::string, Numbers>> groups;
  struct GroupValue {
    std::string group, key;
    bool is_text = false;
    std::string text;                       // when is_text
    std::vector<std::vector<double>> rows;  // otherwise; one row is written as a flat list
    bool nested = false;                    // rows as a list of lists (even with one row)
  };
  std::vector<GroupValue> group_values;

  void set(const char* key, double value) { numbers.emplace_back(key, value); }
  void set_list(const char* key, std::vector<double> values) { lists.emplace_back(key, std::move(values)); }
  void set_in(const char* group, const char* key, double value) {
    if (groups.empty() || groups.back().first != group) groups.emplace_back(group, Numbers{});
    groups.back().second.emplace_back(key, value);
  }
  void set_text_in(const char* group, const char* key, std::string text) {
    group_values.push_back({group, key, true, std::move(text), {}, false});
  }
  void set_list_in(const char* group, const char* key, std::vector<double> values) {
    group_values.push_back({group, key, false, {}, {std::move(values)}, false});
  }
  void set_rows_in(const char* group, const char* key, std::vector<std::vector<double>> rows) {
    group_values.push_back({group, key, false, {}, std::move(rows), true});
  }
};

class Demo {
 public:
  virtual ~Demo() = default;

  virtual const char* name() const = 0;         // URL id, [a-z0-9_]+
  virtual const char* title() const = 0;        // shown in the side panel
  virtual const char* explanation() const = 0;  // one paragraph for the explanation panel

  // Binds the demo's member variables to URL keys; called once, at startup.
  // Training demos declare a boolean `run` (playing or paused).
  virtual void declare_state(StateFields& fields) = 0;
  // The fields just changed wholesale (URL loaded, reset): rebuild data and model.
  virtual void state_loaded() {}

  virtual void controls() = 0;                    // ImGui widgets, in the controls panel
  virtual void step(const StepBudget& budget) { (void)budget; }  // advance the computation
  virtual void draw() = 0;                        // the main view; fills the current ImGui region
  virtual void report(DemoReport& out) const { (void)out; }
};
