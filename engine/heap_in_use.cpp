#include "engine/heap_in_use.h"

#include <malloc.h>

long long heap_bytes_in_use() {
#ifdef __EMSCRIPTEN__
  return static_cast<long long>(mallinfo().uordblks);  // emscripten's dlmalloc: all of the heap
#else
  // glibc 2.33+: uordblks counts the arena's chunks; large blocks are mmapped and counted apart.
  const struct mallinfo2 info = mallinfo2();
  return static_cast<long long>(info.uordblks + info.hblkhd);
#endif
}
