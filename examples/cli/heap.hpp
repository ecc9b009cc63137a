// The program's heap in huge pages: a choice for the whole process, so it is made here and
// not in the library. Why: loading the national organisation makes some 100,000 small
// allocations (graph edges, names, posts), 30 MB of 4 KiB pages first touched one fault
// at a time, and a page fault costs 10-16 us under this kind of hypervisor against
// well under 1 us per 4 KiB of a 2 MiB page (see detail/huge_pages.hpp). glibc's own
// switch for this (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) is read only from the
// environment at start-up; this does the same from inside the program.
#pragma once

#include <cstddef>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#endif

namespace cli {

// Grows the heap by `bytes` at once and advises it, whole 2 MiB pages only, as huge
// pages; memory is still only resident where it is touched (by the 2 MiB). A hint: does
// nothing where it cannot (not glibc on Linux, no transparent huge pages).
inline void heap_in_huge_pages(std::size_t bytes) {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  mallopt(M_TOP_PAD, static_cast<int>(bytes));  // every growth of the heap at least this much
  // Makes the heap grow now: blocks below the size malloc maps on its own (128 KiB),
  // until one no longer fits in what the heap has left.
  void* blocks[8] = {};
  const void* const start = sbrk(0);
  for (auto& b : blocks)
    if (sbrk(0) == start) b = std::malloc(std::size_t{96} << 10);
  for (auto* b : blocks) std::free(b);
  const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const auto base = top - mallinfo2().arena;  // the heap's first byte
  const auto from = (base + huge - 1) & ~(huge - 1), to = top & ~(huge - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#else
  (void)bytes;
#endif
}

}  // namespace cli
