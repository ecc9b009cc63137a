// A hint that a large array be backed by huge pages, for the arrays indexed at random by
// proposal (the id index, per-proposal columns): with 4 KiB pages a table of 10 million
// proposals spans ~100,000 pages, and the TLB misses, dear under virtualisation, then
// cost more than the work (measured: `localgov report` on 10 million proposals 34 s with
// 4 KiB pages, 19 s with huge pages).
#pragma once

#include <localgov/config.hpp>

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Advises the kernel to use transparent huge pages for the 2 MiB-aligned part of
// [data, data + bytes), when the system allows it (THP "madvise" or "always"); a hint,
// with no effect on results, and none elsewhere. Call it before the memory is first
// written: pages are chosen when first touched. O(1).
inline void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (bytes < 2 * huge) return;  // too small to hold an aligned huge page worth having
  const auto first = reinterpret_cast<std::uintptr_t>(data);
  const auto begin = (first + huge - 1) & ~(huge - 1);
  const auto end = (first + bytes) & ~(huge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data, (void)bytes;
#endif
}

// v.reserve(n) (a std::vector or std::string), with the new storage advised as above.
template <class Container>
void reserve_huge(Container& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  advise_huge_pages(v.data(), v.capacity() * sizeof(*v.data()));
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
