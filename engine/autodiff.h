// Reverse-mode automatic differentiation over a tape.
//
// A training step builds a graph by calling ops on Vars (handles into the
// tape), then calls backward(loss) once: each recorded op's backward closure
// runs in reverse order and adds its inputs' gradients. clear() drops every
// intermediate buffer, so memory does not grow over thousands of steps.
// Parameters live outside the tape; their gradients accumulate in place until
// an optimizer zeroes them.
//
// Errors do not abort: the first op that gets bad shapes records a message
// naming itself and the shapes, and every later op returns a failed Var.
#pragma once

#include <deque>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/random.h"
#include "engine/small_function.h"
#include "engine/tensor.h"

struct Parameter {
  std::string name;
  Tensor value;
  Tensor grad;  // same shape as value

  Parameter() = default;
  Parameter(std::string parameter_name, Tensor initial_value);
};

class Tape;

// A handle to one value on a tape. Cheap to copy.
// A Var kept across its tape's clear() is stale: ok() is then false, so every
// op refuses it through the usual error path instead of reading freed nodes.
// (ok() asks the tape, so a Var must not outlive its Tape object.)
struct Var {
  Tape* tape = nullptr;
  int id = -1;
  unsigned generation = 0;  // the tape's generation when recorded (clear() starts a new one)

  bool ok() const;
  const Tensor& value() const;
  const Shape& shape() const { return value().shape(); }
};

class Tape {
 public:
  // Runs during backward(); `out` is the op's result, whose gradient is ready.
  using Backward = SmallFunction<void(Tape& tape, Var out)>;

  explicit Tape(uint64_t seed = 1) : rng(seed) {}

  Var constant(Tensor value);  // an input; no gradient
  Var variable(Tensor value);  // a leaf whose gradient is kept until clear()
  Var param(Parameter& p);     // a leaf whose gradient accumulates into p.grad

  // For op implementations: records `value`, computed from `inputs`. The
  // backward closure is kept only if some input needs a gradient.
  Var record(Tensor value, std::initializer_list<Var> inputs, Backward backward);
  Var record(Tensor value, const std::vector<Var>& inputs, Backward backward);

  const Tensor& value(Var v) const { return nodes_[v.id].value; }
  // True if v was recorded on this tape since the last clear().
  bool holds(Var v) const {
    return v.tape == this && v.generation == generation_ && v.id >= 0 && v.id < count_;
  }
  Tensor& grad(Var v);  // zeros on first use
  bool needs_grad(Var v) const { return v.ok() && nodes_[v.id].needs_grad; }

  // Seeds d(loss)/d(loss) = 1 and runs every backward closure in reverse.
  // Returns false (and records an error) if loss is failed or not one element.
  bool backward(Var loss);
  void clear();  // drops all nodes' values and the error; parameters keep their gradients
  int node_count() const { return count_; }

  Var fail(const std::string& message);  // records the first error; returns a failed Var
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  bool grad_enabled = true;  // false: nothing is recorded for backward (inference)
  bool training = true;      // false: evaluation mode (dropout is the identity)
  Pcg32 rng;                 // randomness inside ops (dropout masks)

 private:
  struct Node {
    Tensor value;
    Tensor grad;
    bool needs_grad = false;
    Backward backward;
  };
  // A deque, not a vector: recording a node never moves the others, so a
  // reference from value(), grad() or Var::shape() stays valid until clear().
  // clear() empties the first count_ nodes but keeps them, so the next step
  // records into them without allocating the deque's blocks again.
  std::deque<Node> nodes_;
  int count_ = 0;
  std::string error_;
  unsigned generation_ = 0;

  Var push(Tensor value, Tensor grad, bool needs_grad, Backward&& backward);
  Var record_range(Tensor value, const Var* begin, const Var* end, Backward&& backward);  // both record()s
  // Refuses inputs from another tape (or stale ones): their gradients would land on the wrong nodes.
  bool inputs_belong_here(const Var* begin, const Var* end);
};

inline bool Var::ok() const { return tape != nullptr && tape->holds(*this); }

// What a failed Var reads as: an empty tensor.
const Tensor& no_value();
// Inline: ops read their inputs' values several times each (issue 15's profile).
inline const Tensor& Var::value() const { return ok() ? tape->value(*this) : no_value(); }

// Within its scope, ops record nothing for backward.
class NoGradScope {
 public:
  explicit NoGradScope(Tape& tape) : tape_(tape), saved_(tape.grad_enabled) { tape.grad_enabled = false; }
  ~NoGradScope() { tape_.grad_enabled = saved_; }
  NoGradScope(const NoGradScope&) = delete;
  NoGradScope& operator=(const NoGradScope&) = delete;

 private:
  Tape& tape_;
  bool saved_;
};

// For op implementations: the tape of the first usable input, or nullptr.
Tape* tape_of(std::initializer_list<Var> inputs);
// True (after recording nothing) if any input is failed; ops then return a failed Var.
bool any_failed(std::initializer_list<Var> inputs);
