// Memory made ready ahead of the large tables, by a thread that would otherwise wait: a
// speed seam for programs that load national files (the CLI), not a domain operation.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/huge_pages.hpp>

#include <atomic>
#include <cstddef>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Maps `bytes` (rounded up to huge pages) for the large tables that follow: the columns
// and id index of a proposal list, a tracker's columns, the loaders' blocks (what
// big_allocator maps), and populates it front to back, `step` bytes at a time,
// until all is done or `stop` is set. The tables then take it in the order they ask for
// memory, before mapping any of their own; what they do not take stays resident unused.
// `stop` is checked between steps: a step of one huge page, the default, takes 1-3 ms.
// Why: the first touch of fresh memory costs a page fault and the kernel's zeroing of the
// page, 1 to 1.8 ms per MB measured on a virtual machine whose host had taken the memory
// back, paid by whichever thread touches it first; a program that has a core idle while
// it prepares (builds an organisation, reads rules) can have that core pay it instead.
// Once per process. False if memory was prepared before, or where it cannot be (a kernel
// before Linux 5.14, not Linux): the tables then map theirs as usual. Thread-safe, and
// safe while the tables use what they took (populating leaves bytes as they are); a hint
// with no effect on any result.
inline bool prepare_memory(std::size_t bytes, const std::atomic<bool>* stop = nullptr,
                           std::size_t step = std::size_t{2} << 20) {
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MADV_POPULATE_WRITE)
  auto& ready = ready_mapping::instance();
  const std::size_t length = mapped_huge_bytes(bytes);
  if (length == 0 || !ready.open(length)) return false;
  step = mapped_huge_bytes(step == 0 ? 1 : step);
  for (std::size_t at = 0; at < length; at += step) {
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) break;
    if (!ready.populate(at, step)) return at > 0;  // the kernel cannot: the tables map it as usual
  }
  return true;
#else
  (void)bytes, (void)stop, (void)step;
  return false;
#endif
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
