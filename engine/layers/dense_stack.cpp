#include "engine/layers/dense_stack.h"

#include <utility>

#include "engine/ops/dropout.h"
#include "engine/ops/linalg.h"

namespace {

// A buffer of the given shape; reallocated only when the shape changes.
Tensor& sized(Tensor& t, const Shape& shape) {
  if (t.shape() != shape) t = Tensor(shape);
  return t;
}

// A zeroed gradient buffer, as the tape's grad() hands out on first use.
Tensor& zeroed(Tensor& t, const Shape& shape) {
  if (t.shape() != shape)
    t = Tensor(shape);
  else
    t.zero();
  return t;
}

}  // namespace

DenseStack::DenseStack(std::vector<Linear>* layers, std::vector<Activation> activations)
    : layers_(layers), activations_(std::move(activations)), hidden_(activations_.size()) {}

const Tensor& DenseStack::hidden(int l) const {
  const Hidden& h = hidden_[static_cast<size_t>(l)];
  return h.drop > 0 ? h.dropped : h.active;
}

const Tensor& DenseStack::forward(const Tensor& x, const std::vector<float>& drop, Pcg32* dropout_rng) {
  input_ = x;
  const int batch = x.dim(0);
  const Tensor* in = &input_;
  for (size_t l = 0; l < hidden_.size(); ++l) {
    const Linear& layer = (*layers_)[l];
    Hidden& h = hidden_[l];
    const Shape shape{batch, layer.out_features()};
    ops::affine_values(batch, layer.out_features(), layer.in_features(), in->data(), layer.weight.value.data(),
                       layer.bias.value.data(), sized(h.pre, shape).data());
    activation_forward(activations_[l], h.pre.data(), sized(h.active, shape).data(), h.pre.size());
    h.drop = dropout_rng && l < drop.size() ? drop[l] : 0.0f;
    if (h.drop > 0) {
      ops::dropout_values(h.active.data(), h.active.size(), h.drop, *dropout_rng, sized(h.mask, shape).data(),
                          sized(h.dropped, shape).data());
    } else {
      sized(h.mask, shape).fill(1.0f);
    }
    in = &hidden(static_cast<int>(l));
  }
  const Linear& output = layers_->back();
  ops::affine_values(batch, output.out_features(), output.in_features(), in->data(), output.weight.value.data(),
                     output.bias.value.data(), sized(logits_, Shape{batch, output.out_features()}).data());
  return logits_;
}

// The tape's backward order: the output layer, then each hidden layer's
// dropout, activation and affine from the last to the first. The input is a
// constant, so the first layer computes no dx.
void DenseStack::backward(const Tensor& logits_grad) {
  const int batch = input_.dim(0);
  const Tensor* dy = &logits_grad;
  for (int l = static_cast<int>(layers_->size()) - 1; l >= 0; --l) {
    Linear& layer = (*layers_)[static_cast<size_t>(l)];
    const bool first = l == 0;
    Tensor* dx = nullptr;
    if (!first) {
      Hidden& below = hidden_[static_cast<size_t>(l - 1)];
      dx = &zeroed(below.output_grad, below.active.shape());
    }
    const Tensor& x = first ? input_ : hidden(l - 1);
    ops::affine_backward_values(batch, layer.out_features(), layer.in_features(), x.data(), layer.weight.value.data(),
                                dy->data(), dx ? dx->data() : nullptr, layer.weight.grad.data(),
                                layer.bias.grad.data());
    if (first) break;

    Hidden& h = hidden_[static_cast<size_t>(l - 1)];
    const Tensor* active_grad = &h.output_grad;
    if (h.drop > 0) {
      ops::dropout_backward_values(h.mask.data(), h.drop, h.output_grad.data(),
                                   zeroed(h.active_grad, h.active.shape()).data(), h.active.size());
      active_grad = &h.active_grad;
    }
    activation_backward(activations_[static_cast<size_t>(l - 1)], h.pre.data(), h.active.data(), active_grad->data(),
                        zeroed(h.pre_grad, h.pre.shape()).data(), h.pre.size());
    dy = &h.pre_grad;
  }
}
