#include "engine/autodiff.h"

#include <utility>

Parameter::Parameter(std::string parameter_name, Tensor initial_value)
    : name(std::move(parameter_name)), value(std::move(initial_value)), grad(value.shape()) {}

const Tensor& no_value() {
  static const Tensor kEmpty;
  return kEmpty;
}

Var Tape::push(Tensor value, Tensor grad, bool needs_grad, Backward&& backward) {
  if (count_ < static_cast<int>(nodes_.size())) {
    Node& node = nodes_[count_];  // emptied by clear()
    node.value = std::move(value);
    node.grad = std::move(grad);
    node.needs_grad = needs_grad;
    node.backward = std::move(backward);
  } else {
    nodes_.push_back(Node{std::move(value), std::move(grad), needs_grad, std::move(backward)});
  }
  return Var{this, count_++, generation_};
}

Var Tape::constant(Tensor value) { return push(std::move(value), Tensor(), false, nullptr); }

Var Tape::variable(Tensor value) { return push(std::move(value), Tensor(), grad_enabled, nullptr); }

// Shares p's buffers: backward adds straight into p.grad.
Var Tape::param(Parameter& p) { return push(p.value, p.grad, grad_enabled, nullptr); }

bool Tape::inputs_belong_here(const Var* begin, const Var* end) {
  for (const Var* v = begin; v != end; ++v) {
    if (v->tape == nullptr) continue;  // an unset optional input (a conv without bias)
    if (v->tape != this) {
      fail("an op mixed Vars of two tapes; gradients cannot cross tapes");
      return false;
    }
    if (!holds(*v)) {
      fail("an op got a stale Var, kept across its tape's clear()");
      return false;
    }
  }
  return true;
}

Var Tape::record(Tensor value, std::initializer_list<Var> inputs, Backward backward) {
  return record_range(std::move(value), inputs.begin(), inputs.end(), std::move(backward));
}

Var Tape::record(Tensor value, const std::vector<Var>& inputs, Backward backward) {
  return record_range(std::move(value), inputs.data(), inputs.data() + inputs.size(), std::move(backward));
}

Var Tape::record_range(Tensor value, const Var* begin, const Var* end, Backward&& backward) {
  if (!inputs_belong_here(begin, end)) return Var{this, -1, generation_};
  bool needs = false;
  if (grad_enabled)
    for (const Var* v = begin; v != end; ++v) needs = needs || needs_grad(*v);
  if (!needs) backward.reset();
  return push(std::move(value), Tensor(), needs, std::move(backward));
}

Tensor& Tape::grad(Var v) {
  Node& node = nodes_[v.id];
  if (node.grad.empty()) node.grad = Tensor(node.value.shape());
  return node.grad;
}

bool Tape::backward(Var loss) {
  if (!loss.ok()) {
    fail("backward: the loss is a failed value (" + (error_.empty() ? std::string("no error recorded") : error_) + ")");
    return false;
  }
  if (value(loss).size() != 1) {
    fail("backward: the loss must hold one element, not " + value(loss).shape().str());
    return false;
  }
  grad(loss).fill(1.0f);
  for (int i = loss.id; i >= 0; --i) {
    Node& node = nodes_[i];
    if (node.backward && !node.grad.empty()) node.backward(*this, Var{this, i, generation_});
  }
  return true;
}

void Tape::clear() {
  // Values and gradients go back to the buffer pool now, not at the next step.
  for (int i = 0; i < count_; ++i) {
    Node& node = nodes_[i];
    node.value.reset();
    node.grad.reset();
    node.backward.reset();
  }
  count_ = 0;
  error_.clear();
  ++generation_;  // every Var recorded so far is now stale
}

Var Tape::fail(const std::string& message) {
  if (error_.empty())
    error_ = message.empty() ? "an input had already failed, was kept across clear() (stale) or belongs to another tape"
                             : message;
  return Var{this, -1, generation_};
}

Tape* tape_of(std::initializer_list<Var> inputs) {
  for (Var v : inputs)
    if (v.tape) return v.tape;
  return nullptr;
}

bool any_failed(std::initializer_list<Var> inputs) {
  for (Var v : inputs)
    if (!v.ok()) return true;
  return false;
}
