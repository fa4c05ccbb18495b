#include "engine/ops/broadcast.h"

bool broadcast_shape(const Shape& a, const Shape& b, Shape* out) {
  Shape result;
  result.rank = a.rank > b.rank ? a.rank : b.rank;
  for (int i = 0; i < result.rank; ++i) {
    int da = i < result.rank - a.rank ? 1 : a[i - (result.rank - a.rank)];
    int db = i < result.rank - b.rank ? 1 : b[i - (result.rank - b.rank)];
    if (da != db && da != 1 && db != 1) return false;
    result[i] = da > db ? da : db;
  }
  *out = result;
  return true;
}

BroadcastIndex::BroadcastIndex(const Shape& in, const Shape& out) {
  std::array<int, 4> in_dims{};
  for (int i = 0; i < 4; ++i) {
    int out_axis = i - (4 - out.rank), in_axis = i - (4 - in.rank);
    out_dims[i] = out_axis >= 0 ? out[out_axis] : 1;
    in_dims[i] = in_axis >= 0 ? in[in_axis] : 1;
  }
  int stride = 1;
  for (int i = 3; i >= 0; --i) {
    in_strides[i] = in_dims[i] == 1 ? 0 : stride;
    stride *= in_dims[i];
  }
}

void accumulate_unbroadcast(const Tensor& grad, Tensor& into) {
  if (grad.shape() == into.shape()) {
    for (int i = 0, end = grad.size(); i < end; ++i) into[i] += grad[i];
    return;
  }
  BroadcastIndex index(into.shape(), grad.shape());
  const auto& d = index.out_dims;
  const auto& s = index.in_strides;
  int k = 0;
  for (int i0 = 0; i0 < d[0]; ++i0)
    for (int i1 = 0; i1 < d[1]; ++i1)
      for (int i2 = 0; i2 < d[2]; ++i2)
        for (int i3 = 0; i3 < d[3]; ++i3) into[i0 * s[0] + i1 * s[1] + i2 * s[2] + i3 * s[3]] += grad[k++];
}
