// Embedding lookup: each integer id selects one row of a learned table, the
// dense word vectors of skip-gram and of every sequence model's input layer.
#pragma once

#include <vector>

#include "engine/autodiff.h"

namespace ops {

// out[t, :] = table[ids[t], :];  table [V, D], out [ids.size(), D].
// Each id must lie in [0, V); a repeated id adds all its rows' gradients.
Var embedding(Var table, const std::vector<int>& ids);

}  // namespace ops
