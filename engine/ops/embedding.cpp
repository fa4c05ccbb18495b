#include "engine/ops/embedding.h"

#include <algorithm>
#include <string>

namespace ops {

// out[T, D] = table[V, D] gathered at ids[T];  dtable[ids[t], :] += dout[t, :].
Var embedding(Var table, const std::vector<int>& ids) {
  if (!table.ok()) return table.tape ? table.tape->fail("") : Var{};
  Tape* tape = table.tape;
  const Shape& s = table.shape();
  if (s.rank != 2) return tape->fail("embedding: the table must be [V, D], got " + s.str());
  if (ids.empty()) return tape->fail("embedding: no ids to look up in table " + s.str());
  const int vocabulary = s[0], width = s[1];
  for (size_t t = 0; t < ids.size(); ++t)
    if (ids[t] < 0 || ids[t] >= vocabulary)
      return tape->fail("embedding: id " + std::to_string(ids[t]) + " (position " + std::to_string(t) +
                        ") is outside [0, V) for V = " + std::to_string(vocabulary) + ", table " + s.str());

  const int count = static_cast<int>(ids.size());
  Tensor out(Shape{count, width});
  const float* rows = table.value().data();
  for (int t = 0; t < count; ++t)
    std::copy_n(rows + static_cast<size_t>(ids[t]) * width, width, out.data() + static_cast<size_t>(t) * width);
  return tape->record(std::move(out), {table}, [table, ids, width](Tape& t, Var y) {
    const Tensor& gy = t.grad(y);
    float* gtable = t.grad(table).data();
    for (size_t position = 0; position < ids.size(); ++position) {
      float* row = gtable + static_cast<size_t>(ids[position]) * width;
      const float* g = gy.data() + position * width;
      for (int d = 0; d < width; ++d) row[d] += g[d];
    }
  });
}

}  // namespace ops
