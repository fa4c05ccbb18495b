#include "engine/ops/elementwise.h"

#include <cmath>
#include <string>

#include "engine/det_math.h"
#include "engine/ops/broadcast.h"

namespace ops {
namespace {

// out[i] = f(a[ia], b[ib]) over the broadcast shape.
template <typename F>
Tensor broadcast_apply(const Tensor& a, const Tensor& b, const Shape& out_shape, F f) {
  Tensor out(out_shape);
  if (a.shape() == out_shape && b.shape() == out_shape) {
    for (int i = 0, end = out.size(); i < end; ++i) out[i] = f(a[i], b[i]);
    return out;
  }
  BroadcastIndex ia(a.shape(), out_shape), ib(b.shape(), out_shape);
  const auto& d = ia.out_dims;
  int k = 0;
  for (int i0 = 0; i0 < d[0]; ++i0)
    for (int i1 = 0; i1 < d[1]; ++i1)
      for (int i2 = 0; i2 < d[2]; ++i2)
        for (int i3 = 0; i3 < d[3]; ++i3) {
          int oa = i0 * ia.in_strides[0] + i1 * ia.in_strides[1] + i2 * ia.in_strides[2] + i3 * ia.in_strides[3];
          int ob = i0 * ib.in_strides[0] + i1 * ib.in_strides[1] + i2 * ib.in_strides[2] + i3 * ib.in_strides[3];
          out[k++] = f(a[oa], b[ob]);
        }
  return out;
}

// The value of `t` read at every index of the broadcast shape (a copy).
Tensor expand(const Tensor& t, const Shape& out_shape) {
  if (t.shape() == out_shape) return t;
  return broadcast_apply(t, t, out_shape, [](float x, float) { return x; });
}

// Shared shape handling of the four binary ops.
template <typename Forward, typename BackwardFn>
Var binary(const char* name, Var a, Var b, Forward forward, BackwardFn backward) {
  Tape* tape = tape_of({a, b});
  if (any_failed({a, b})) return tape ? tape->fail("") : Var{};
  Shape out_shape;
  if (!broadcast_shape(a.shape(), b.shape(), &out_shape))
    return tape->fail(std::string(name) + ": shapes " + a.shape().str() + " and " + b.shape().str() +
                      " do not broadcast");
  Tensor out = broadcast_apply(a.value(), b.value(), out_shape, forward);
  return tape->record(std::move(out), {a, b}, [a, b, backward](Tape& t, Var y) { backward(t, a, b, y); });
}

template <typename Forward, typename Derivative>
Var unary(Var a, Forward forward, Derivative derivative) {
  Tape* tape = tape_of({a});
  if (!a.ok()) return tape ? tape->fail("") : Var{};
  const Tensor& x = a.value();
  Tensor out(x.shape());
  for (int i = 0, end = x.size(); i < end; ++i) out[i] = forward(x[i]);
  return tape->record(std::move(out), {a}, [a, derivative](Tape& t, Var y) {
    const Tensor &xv = t.value(a), &yv = t.value(y), &gy = t.grad(y);
    Tensor& ga = t.grad(a);
    for (int i = 0, end = xv.size(); i < end; ++i) ga[i] += gy[i] * derivative(xv[i], yv[i]);
  });
}

}  // namespace

// y = a + b: dy/da = 1, dy/db = 1, summed over broadcast axes.
Var add(Var lhs, Var rhs) {
  return binary("add", lhs, rhs, [](float x, float z) { return x + z; }, [](Tape& t, Var a, Var b, Var y) {
    if (t.needs_grad(a)) accumulate_unbroadcast(t.grad(y), t.grad(a));
    if (t.needs_grad(b)) accumulate_unbroadcast(t.grad(y), t.grad(b));
  });
}

// y = a - b
Var sub(Var lhs, Var rhs) {
  return binary("sub", lhs, rhs, [](float x, float z) { return x - z; }, [](Tape& t, Var a, Var b, Var y) {
    if (t.needs_grad(a)) accumulate_unbroadcast(t.grad(y), t.grad(a));
    if (t.needs_grad(b)) {
      Tensor negated = t.grad(y).clone();
      for (int i = 0, end = negated.size(); i < end; ++i) negated[i] = -negated[i];
      accumulate_unbroadcast(negated, t.grad(b));
    }
  });
}

// y = a * b: dy/da = b, dy/db = a.
Var mul(Var lhs, Var rhs) {
  return binary("mul", lhs, rhs, [](float x, float z) { return x * z; }, [](Tape& t, Var a, Var b, Var y) {
    const Shape& shape = t.value(y).shape();
    const Tensor& gy = t.grad(y);
    if (t.needs_grad(a)) {
      Tensor bx = expand(t.value(b), shape), g(shape);
      for (int i = 0, end = g.size(); i < end; ++i) g[i] = gy[i] * bx[i];
      accumulate_unbroadcast(g, t.grad(a));
    }
    if (t.needs_grad(b)) {
      Tensor ax = expand(t.value(a), shape), g(shape);
      for (int i = 0, end = g.size(); i < end; ++i) g[i] = gy[i] * ax[i];
      accumulate_unbroadcast(g, t.grad(b));
    }
  });
}

// y = a / b: dy/da = 1 / b, dy/db = -a / b^2.
Var div(Var lhs, Var rhs) {
  return binary("div", lhs, rhs, [](float x, float z) { return x / z; }, [](Tape& t, Var a, Var b, Var y) {
    const Shape& shape = t.value(y).shape();
    const Tensor& gy = t.grad(y);
    Tensor bx = expand(t.value(b), shape);
    if (t.needs_grad(a)) {
      Tensor g(shape);
      for (int i = 0, end = g.size(); i < end; ++i) g[i] = gy[i] / bx[i];
      accumulate_unbroadcast(g, t.grad(a));
    }
    if (t.needs_grad(b)) {
      Tensor ax = expand(t.value(a), shape), g(shape);
      for (int i = 0, end = g.size(); i < end; ++i) g[i] = -gy[i] * ax[i] / (bx[i] * bx[i]);
      accumulate_unbroadcast(g, t.grad(b));
    }
  });
}

Var scale(Var a, float factor) {
  return unary(a, [factor](float x) { return factor * x; }, [factor](float, float) { return factor; });
}

Var add_scalar(Var a, float term) {
  return unary(a, [term](float x) { return x + term; }, [](float, float) { return 1.0f; });
}

Var square(Var a) {
  return unary(a, [](float x) { return x * x; }, [](float x, float) { return 2.0f * x; });
}

Var exp(Var a) {
  return unary(a, [](float x) { return static_cast<float>(det_math::exp(x)); }, [](float, float y) { return y; });
}

Var log(Var a) {
  return unary(a, [](float x) { return static_cast<float>(det_math::log(x)); }, [](float x, float) { return 1.0f / x; });
}

Var abs(Var a) {
  return unary(a, [](float x) { return std::fabs(x); },
               [](float x, float) { return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f); });
}

}  // namespace ops
