// A memory budget for one image decode. stb_image's inflate grows its output
// without limit (a 389 KB PNG declaring 1 x 1 pixels inflated to 400 MB), so
// image_loader.cpp routes stb's STBI_MALLOC / STBI_REALLOC_SIZED / STBI_FREE
// here: while a DecodeBudgetScope is alive, allocations on this thread that
// would take the bytes in use past the budget are refused (stb then fails
// with "outofmem"). thread_local: decodes run on worker threads too.
#pragma once

#include <cstddef>
#include <cstdint>

struct DecodeMemoryStats {
  uint64_t budget_bytes = 0;  // the limit the decode ran under
  uint64_t peak_bytes = 0;    // most bytes held at once (payloads, without our size headers)
  bool refused = false;       // an allocation was refused for the budget
};

class DecodeBudgetScope {
 public:
  explicit DecodeBudgetScope(uint64_t budget_bytes);
  ~DecodeBudgetScope();
  DecodeBudgetScope(const DecodeBudgetScope&) = delete;
  DecodeBudgetScope& operator=(const DecodeBudgetScope&) = delete;
  DecodeMemoryStats stats() const;

 private:
  bool outer_active_;  // scopes nest (info, then decode); the inner one's counts are its own
  DecodeMemoryStats outer_stats_;
  uint64_t outer_in_use_;
};

// The hooks. Outside any scope they allocate without a limit.
void* decode_budget_malloc(size_t size);
void* decode_budget_realloc(void* block, size_t new_size);
void decode_budget_free(void* block);
