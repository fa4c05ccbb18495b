#include "engine/data/decode_budget.h"

#include <cstdlib>
#include <cstring>

namespace {

struct BudgetState {
  bool active = false;
  uint64_t in_use = 0;
  DecodeMemoryStats stats;
};
thread_local BudgetState state;

// Each block starts with its payload size, so free() can give the bytes back
// to the budget; the header is max_align_t-sized to keep payloads aligned.
constexpr size_t kHeader = alignof(std::max_align_t) > sizeof(size_t) ? alignof(std::max_align_t) : sizeof(size_t);

size_t payload_size(void* block) {
  size_t size = 0;
  std::memcpy(&size, static_cast<char*>(block) - kHeader, sizeof size);
  return size;
}

// Whether `extra` more bytes fit; records the refusal or the new peak.
bool reserve(uint64_t extra) {
  if (!state.active) return true;
  if (state.in_use + extra > state.stats.budget_bytes) {
    state.stats.refused = true;
    return false;
  }
  state.in_use += extra;
  if (state.in_use > state.stats.peak_bytes) state.stats.peak_bytes = state.in_use;
  return true;
}

void release(uint64_t bytes) {
  if (state.active) state.in_use = bytes > state.in_use ? 0 : state.in_use - bytes;
}

}  // namespace

DecodeBudgetScope::DecodeBudgetScope(uint64_t budget_bytes)
    : outer_active_(state.active), outer_stats_(state.stats), outer_in_use_(state.in_use) {
  state.active = true;
  state.in_use = 0;
  state.stats = DecodeMemoryStats{budget_bytes, 0, false};
}

DecodeBudgetScope::~DecodeBudgetScope() {
  state.active = outer_active_;
  state.stats = outer_stats_;
  state.in_use = outer_in_use_;
}

DecodeMemoryStats DecodeBudgetScope::stats() const { return state.stats; }

void* decode_budget_malloc(size_t size) {
  if (size > SIZE_MAX - kHeader || !reserve(size)) return nullptr;
  char* raw = static_cast<char*>(std::malloc(kHeader + size));
  if (!raw) {
    release(size);
    return nullptr;
  }
  std::memcpy(raw, &size, sizeof size);
  return raw + kHeader;
}

void* decode_budget_realloc(void* block, size_t new_size) {
  if (!block) return decode_budget_malloc(new_size);
  const size_t old_size = payload_size(block);
  if (new_size > SIZE_MAX - kHeader) return nullptr;
  if (new_size > old_size && !reserve(new_size - old_size)) return nullptr;
  char* raw = static_cast<char*>(std::realloc(static_cast<char*>(block) - kHeader, kHeader + new_size));
  if (!raw) {
    if (new_size > old_size) release(new_size - old_size);
    return nullptr;  // the old block is still valid, as with realloc
  }
  if (new_size < old_size) release(old_size - new_size);
  std::memcpy(raw, &new_size, sizeof new_size);
  return raw + kHeader;
}

void decode_budget_free(void* block) {
  if (!block) return;
  release(payload_size(block));
  std::free(static_cast<char*>(block) - kHeader);
}
