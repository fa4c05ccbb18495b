#include "engine/ops/linalg.h"

#include <Eigen/Core>
#include <string>

#include "engine/kernels/gemm.h"
#include "engine/ops/elementwise.h"

namespace ops {
namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMajor>;
using ConstMatrixMap = Eigen::Map<const RowMajor>;

ConstMatrixMap as_matrix(const Tensor& t) { return ConstMatrixMap(t.data(), t.dim(0), t.dim(1)); }
MatrixMap as_matrix(Tensor& t) { return MatrixMap(t.data(), t.dim(0), t.dim(1)); }

Var propagate(std::initializer_list<Var> inputs) {
  Tape* tape = tape_of(inputs);
  return tape ? tape->fail("") : Var{};
}

// Sizes around `axis`: outer (product before), length, inner (product after).
struct AxisSplit {
  int outer = 1, length = 1, inner = 1;
  AxisSplit(const Shape& s, int axis) {
    for (int i = 0; i < axis; ++i) outer *= s[i];
    length = s[axis];
    for (int i = axis + 1; i < s.rank; ++i) inner *= s[i];
  }
};

Shape without_axis(const Shape& s, int axis) {
  Shape out;
  for (int i = 0; i < s.rank; ++i)
    if (i != axis) out[out.rank++] = s[i];
  return out;
}

}  // namespace

// C[m, n] = A[m, k] B[k, n];  dA = dC B^T, dB = A^T dC.
Var matmul(Var a, Var b) {
  if (any_failed({a, b})) return propagate({a, b});
  Tape* tape = a.tape;
  const Shape &sa = a.shape(), &sb = b.shape();
  if (sa.rank != 2 || sb.rank != 2 || sa[1] != sb[0])
    return tape->fail("matmul: " + sa.str() + " x " + sb.str() + ": need [m, k] x [k, n]");
  const int m = sa[0], k = sa[1], n = sb[1];
  Tensor out(Shape{m, n});
  kernels::gemm(m, n, k, {a.value().data(), k}, {b.value().data(), n}, out.data(), n, false);
  return tape->record(std::move(out), {a, b}, [a, b, m, k, n](Tape& t, Var c) {
    const float* dc = t.grad(c).data();
    if (t.needs_grad(a))  // dA[m, k] += dC[m, n] B[k, n]^T
      kernels::gemm(m, k, n, {dc, n}, {t.value(b).data(), n, true}, t.grad(a).data(), k, true);
    if (t.needs_grad(b))  // dB[k, n] += A[m, k]^T dC[m, n]
      kernels::gemm(k, n, m, {t.value(a).data(), k, true}, {dc, n}, t.grad(b).data(), n, true);
  });
}

// Y[m, n] = X[m, k] W[k, n] + b[n] per row, as matmul then add but one tape
// node and no broadcasting machinery (a dense layer's whole forward pass):
// dX = dY W^T, dW = X^T dY, db[j] = sum_i dY[i, j] (rows in order, as add's backward).
Var affine(Var x, Var w, Var b) {
  if (any_failed({x, w, b})) return propagate({x, w, b});
  Tape* tape = x.tape;
  const Shape &sx = x.shape(), &sw = w.shape(), &sb = b.shape();
  if (sx.rank != 2 || sw.rank != 2 || sx[1] != sw[0] || sb.rank != 1 || sb[0] != sw[1])
    return tape->fail("affine: " + sx.str() + " x " + sw.str() + " + " + sb.str() + ": need [m, k] x [k, n] + [n]");
  const int m = sx[0], k = sx[1], n = sw[1];
  Tensor out(Shape{m, n});
  affine_values(m, n, k, x.value().data(), w.value().data(), b.value().data(), out.data());
  return tape->record(std::move(out), {x, w, b}, [x, w, b, m, k, n](Tape& t, Var y) {
    const auto grad_if_needed = [&t](Var v) { return t.needs_grad(v) ? t.grad(v).data() : nullptr; };
    float* db = grad_if_needed(b);
    float* dx = grad_if_needed(x);
    float* dw = grad_if_needed(w);
    affine_backward_values(m, n, k, t.value(x).data(), t.value(w).data(), t.grad(y).data(), dx, dw, db);
  });
}

void affine_values(int m, int n, int k, const float* x, const float* w, const float* b, float* y) {
  kernels::gemm(m, n, k, {x, k}, {w, n}, y, n, false);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) y[i * n + j] += b[j];
}

void affine_backward_values(int m, int n, int k, const float* x, const float* w, const float* dy, float* dx,
                            float* dw, float* db) {
  if (db)
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j) db[j] += dy[i * n + j];
  if (dx) kernels::gemm(m, k, n, {dy, n}, {w, n, true}, dx, k, true);
  if (dw) kernels::gemm(k, n, m, {x, k, true}, {dy, n}, dw, n, true);
}

// Y[n, m] = X[m, n]^T;  dX = dY^T.
Var transpose(Var a) {
  if (!a.ok()) return propagate({a});
  if (a.shape().rank != 2) return a.tape->fail("transpose: needs a matrix, got " + a.shape().str());
  Tensor out(Shape{a.shape()[1], a.shape()[0]});
  as_matrix(out) = as_matrix(a.value()).transpose();
  return a.tape->record(std::move(out), {a}, [a](Tape& t, Var y) {
    as_matrix(t.grad(a)) += as_matrix(static_cast<const Tensor&>(t.grad(y))).transpose();
  });
}

Var reshape(Var a, const Shape& shape) {
  if (!a.ok()) return propagate({a});
  if (!shape.valid() || shape.size() != a.value().size())
    return a.tape->fail("reshape: cannot view " + a.shape().str() + " as " + shape.str());
  return a.tape->record(a.value().reshaped(shape), {a}, [a](Tape& t, Var y) {
    Tensor& ga = t.grad(a);
    const Tensor& gy = t.grad(y);
    for (int i = 0, end = ga.size(); i < end; ++i) ga[i] += gy[i];
  });
}

Var concat(const std::vector<Var>& parts, int axis) {
  if (parts.empty()) return Var{};
  for (Var p : parts)
    if (!p.ok()) return propagate({p});
  Tape* tape = parts[0].tape;
  Shape out_shape = parts[0].shape();
  if (axis < 0 || axis >= out_shape.rank)
    return tape->fail("concat: axis " + std::to_string(axis) + " out of range for " + out_shape.str());
  out_shape[axis] = 0;
  for (Var p : parts) {
    Shape s = p.shape();
    bool compatible = s.rank == out_shape.rank;
    for (int i = 0; compatible && i < s.rank; ++i) compatible = i == axis || s[i] == out_shape[i];
    if (!compatible)
      return tape->fail("concat: " + parts[0].shape().str() + " and " + s.str() + " differ off axis " +
                        std::to_string(axis));
    out_shape[axis] += s[axis];
  }
  Tensor out(out_shape);
  AxisSplit o(out_shape, axis);
  int offset = 0;  // along axis
  for (Var p : parts) {
    AxisSplit s(p.shape(), axis);
    const Tensor& v = p.value();
    for (int i = 0; i < s.outer; ++i)
      for (int j = 0; j < s.length * s.inner; ++j)
        out[(i * o.length + offset) * o.inner + j] = v[i * s.length * s.inner + j];
    offset += s.length;
  }
  return tape->record(std::move(out), parts, [parts, axis](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    AxisSplit whole(gy.shape(), axis);
    int at = 0;
    for (Var p : parts) {
      AxisSplit s(t.value(p).shape(), axis);
      if (t.needs_grad(p)) {
        Tensor& gp = t.grad(p);
        for (int i = 0; i < s.outer; ++i)
          for (int j = 0; j < s.length * s.inner; ++j) gp[i * s.length * s.inner + j] += gy[(i * whole.length + at) * whole.inner + j];
      }
      at += s.length;
    }
  });
}

Var slice(Var a, int axis, int begin, int end) {
  if (!a.ok()) return propagate({a});
  const Shape& s = a.shape();
  if (axis < 0 || axis >= s.rank || begin < 0 || end > s[axis] || begin >= end)
    return a.tape->fail("slice: [" + std::to_string(begin) + ", " + std::to_string(end) + ") on axis " +
                        std::to_string(axis) + " of " + s.str());
  Shape out_shape = s;
  out_shape[axis] = end - begin;
  Tensor out(out_shape);
  AxisSplit in(s, axis);
  int len = end - begin;
  const Tensor& v = a.value();
  for (int i = 0; i < in.outer; ++i)
    for (int j = 0; j < len * in.inner; ++j) out[i * len * in.inner + j] = v[(i * in.length + begin) * in.inner + j];
  return a.tape->record(std::move(out), {a}, [a, axis, begin, len](Tape& t, Var y) {
    AxisSplit split(t.value(a).shape(), axis);
    const Tensor& gy = t.grad(y);
    Tensor& ga = t.grad(a);
    for (int i = 0; i < split.outer; ++i)
      for (int j = 0; j < len * split.inner; ++j)
        ga[(i * split.length + begin) * split.inner + j] += gy[i * len * split.inner + j];
  });
}

// s = sum_i a_i (accumulated in double);  da_i = ds.
Var sum(Var a) {
  if (!a.ok()) return propagate({a});
  const Tensor& v = a.value();
  double total = 0;
  for (int i = 0, end = v.size(); i < end; ++i) total += v[i];
  return a.tape->record(Tensor::scalar(static_cast<float>(total)), {a}, [a](Tape& t, Var y) {
    float g = t.grad(y).item();
    Tensor& ga = t.grad(a);
    for (int i = 0, end = ga.size(); i < end; ++i) ga[i] += g;
  });
}

Var mean(Var a) {
  if (!a.ok()) return propagate({a});
  return scale(sum(a), 1.0f / static_cast<float>(a.value().size()));
}

// y[outer, inner] = sum_j a[outer, j, inner];  da[outer, j, inner] = dy[outer, inner].
Var sum(Var a, int axis) {
  if (!a.ok()) return propagate({a});
  const Shape& s = a.shape();
  if (axis < 0 || axis >= s.rank) return a.tape->fail("sum: axis " + std::to_string(axis) + " out of range for " + s.str());
  AxisSplit in(s, axis);
  Tensor out(without_axis(s, axis));
  const Tensor& v = a.value();
  for (int i = 0; i < in.outer; ++i)
    for (int k = 0; k < in.inner; ++k) {
      double total = 0;
      for (int j = 0; j < in.length; ++j) total += v[(i * in.length + j) * in.inner + k];
      out[i * in.inner + k] = static_cast<float>(total);
    }
  return a.tape->record(std::move(out), {a}, [a, axis](Tape& t, Var y) {
    AxisSplit split(t.value(a).shape(), axis);
    const Tensor& gy = t.grad(y);
    Tensor& ga = t.grad(a);
    for (int i = 0; i < split.outer; ++i)
      for (int j = 0; j < split.length; ++j)
        for (int k = 0; k < split.inner; ++k) ga[(i * split.length + j) * split.inner + k] += gy[i * split.inner + k];
  });
}

Var mean(Var a, int axis) {
  if (!a.ok()) return propagate({a});
  if (axis < 0 || axis >= a.shape().rank) return sum(a, axis);  // reports the error
  return scale(sum(a, axis), 1.0f / static_cast<float>(a.shape()[axis]));
}

}  // namespace ops
