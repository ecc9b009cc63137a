// Memory for the arrays that grow with the data (a column per proposal, per event; the id
// index): large blocks are mapped on their own, aligned to 2 MiB and advised as huge
// pages. Why: such arrays are first written once, front to back, and then read at random
// by proposal. With 4 KiB pages both are dear under virtualisation: a first touch costs a
// page fault each (measured here: 16 us per 4 KiB page, 0.35 us per 4 KiB of a huge
// page), and random reads miss the TLB (`localgov report` on 10 million proposals took
// 34 s with 4 KiB pages, 19 s with huge ones). A hint with no effect on results; where
// the system has no huge pages (THP "never", not Linux) the memory is ordinary.
#pragma once

#include <localgov/config.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

#if defined(__linux__) && defined(MADV_HUGEPAGE)
inline constexpr bool maps_huge_pages = true;

// Memory for `bytes` (at least huge_from, below), aligned to a huge page, in a mapping of
// its own of `mapped_huge_bytes(bytes)`: one let go of before with the same length (see
// kept_mappings), else a new one. Its whole huge pages are advised as such; so is the
// partial last one when rounding it up wastes at most an eighth (a full last huge page is
// resident as a whole), else that tail stays in 4 KiB pages. Throws std::bad_alloc when
// the system has no room.
[[nodiscard]] inline std::size_t mapped_huge_bytes(std::size_t bytes) noexcept {
  return (bytes + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
}

// Mappings let go of, kept (up to 32 MiB) for the next request of the same length:
// memory a process has touched is cheap to use again, where a fresh page costs a fault
// and its zeroing, and on a virtual machine that hands free memory back to its host
// (free page reporting), the host's fault too: 184 ms per 100 MB measured here against 7
// for memory touched before. What it saves: the blocks of one loader reused by the next
// (`localgov report` reads its proposals, then its events, in blocks of a megabyte).
class kept_mappings {
 public:
  kept_mappings() = default;
  kept_mappings(const kept_mappings&) = delete;
  kept_mappings& operator=(const kept_mappings&) = delete;
  // Never destroyed (the system takes the mappings back at exit), so that containers
  // destroyed at exit, after it would have been, can still give theirs.
  static kept_mappings& instance() noexcept {
    static auto* all = new kept_mappings;
    return *all;
  }
  // A kept mapping of `length` bytes, or nullptr.
  [[nodiscard]] void* take(std::size_t length) noexcept {
    const std::lock_guard lock(mutex_);
    for (auto& m : kept_)
      if (m.length == length) {
        void* data = m.data;
        bytes_ -= length;
        m = kept_.back();
        kept_.pop_back();
        return data;
      }
    return nullptr;
  }
  // Keeps the mapping if there is room; false if not (the caller unmaps it).
  [[nodiscard]] bool give(void* data, std::size_t length) noexcept {
    const std::lock_guard lock(mutex_);
    if (bytes_ + length > capacity || kept_.size() == kept_.capacity()) return false;
    kept_.push_back({data, length});
    bytes_ += length;
    return true;
  }
  static constexpr std::size_t capacity = std::size_t{32} << 20;

 private:
  struct mapping {
    void* data;
    std::size_t length;
  };
  std::mutex mutex_;
  std::vector<mapping> kept_ = [] {
    std::vector<mapping> v;
    v.reserve(capacity / huge_page_bytes);  // give() never allocates
    return v;
  }();
  std::size_t bytes_ = 0;
};

// A mapping of `length` bytes (whole huge pages) aligned to a huge page, or nullptr.
inline void* map_aligned(std::size_t length) noexcept {
  const std::size_t span = length + huge_page_bytes;  // room to align
  void* raw = ::mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto first = reinterpret_cast<std::uintptr_t>(raw);
  const auto begin = (first + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  if (begin > first) ::munmap(raw, begin - first);
  if (const auto end = begin + length; first + span > end) ::munmap(reinterpret_cast<void*>(end), first + span - end);
  return reinterpret_cast<void*>(begin);
}

// Memory made ready ahead (see detail::prepare_memory): one mapping, advised as huge
// pages and populated front to back by a thread that would otherwise be idle, from which
// big_allocator carves the tables' memory in the order they ask, before it maps any.
// Pieces are carved to the cache line, not to the huge page: the whole mapping is
// populated, so rounding each piece up would populate (and zero) memory no table uses,
// 9 MiB of the 80 that `localgov report` takes for a million proposals.
class ready_mapping {
 public:
  static constexpr std::size_t piece_align = 64;
  [[nodiscard]] static constexpr std::size_t piece_bytes(std::size_t bytes) noexcept {
    return (bytes + piece_align - 1) & ~(piece_align - 1);
  }
  static ready_mapping& instance() noexcept {
    static auto* one = new ready_mapping;  // never destroyed, as kept_mappings
    return *one;
  }
  // Makes a mapping of `length` (whole huge pages) the one to carve from; false if there
  // is one already, or no room.
  [[nodiscard]] bool open(std::size_t length) noexcept {
    const std::lock_guard lock(mutex_);
    if (begin_ != nullptr) return false;
    void* at = map_aligned(length);
    if (at == nullptr) return false;
    ::madvise(at, length, MADV_HUGEPAGE);
    begin_ = next_ = static_cast<char*>(at);
    end_ = begin_ + length;
    return true;
  }
  // Populates [from, from + length) of the mapping, as if written but leaving its bytes as
  // they are (so that memory already carved and in use is safe): false when that is past
  // its end or the kernel cannot (before Linux 5.14).
  [[nodiscard]] bool populate(std::size_t from, std::size_t length) noexcept {
    char *begin = nullptr, *end = nullptr;
    {
      const std::lock_guard lock(mutex_);
      begin = begin_, end = end_;
    }
    if (begin == nullptr || from >= static_cast<std::size_t>(end - begin)) return false;
    length = std::min(length, static_cast<std::size_t>(end - begin) - from);
#if defined(MADV_POPULATE_WRITE)
    return ::madvise(begin + from, length, MADV_POPULATE_WRITE) == 0;
#else
    return false;
#endif
  }
  // Whether there is a mapping (room in it or not).
  [[nodiscard]] bool opened() noexcept {
    const std::lock_guard lock(mutex_);
    return begin_ != nullptr;
  }
  // Whether `p` lies in the mapping.
  [[nodiscard]] bool contains(const void* p) noexcept {
    const std::lock_guard lock(mutex_);
    return begin_ != nullptr && static_cast<const char*>(p) >= begin_ && static_cast<const char*>(p) < end_;
  }
  // The next `length` bytes of the mapping (a multiple of piece_align), or nullptr when
  // fewer are left.
  [[nodiscard]] void* take(std::size_t length) noexcept {
    const std::lock_guard lock(mutex_);
    if (static_cast<std::size_t>(end_ - next_) < length) return nullptr;
    void* at = next_;
    next_ += length;
    return at;
  }

 private:
  std::mutex mutex_;
  char* begin_ = nullptr;
  char* next_ = nullptr;
  char* end_ = nullptr;
};

// A piece of the ready mapping for `bytes`, one let go of before with the same length or
// a new one, or nullptr when the mapping has no room (or is not there).
inline void* take_ready_piece(std::size_t bytes) noexcept {
  const std::size_t length = ready_mapping::piece_bytes(bytes);
  if (void* kept = kept_mappings::instance().take(length)) return kept;
  return ready_mapping::instance().take(length);
}
// Lets go of a piece of the ready mapping (see take_ready_piece), keeping it for reuse if
// there is room. Else the whole huge pages inside it are emptied, not unmapped: its
// addresses stay the mapping's, so that nothing else is ever mapped where a thread may
// still be populating it; the partial pages at its ends may hold other pieces.
inline void give_back_ready_piece(void* data, std::size_t bytes) noexcept {
  const std::size_t length = ready_mapping::piece_bytes(bytes);
  if (kept_mappings::instance().give(data, length)) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const auto first = (begin + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  const auto last = (begin + length) & ~(huge_page_bytes - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

inline void* map_huge_pages(std::size_t bytes) {
  const std::size_t length = mapped_huge_bytes(bytes);
  if (void* kept = kept_mappings::instance().take(length)) return kept;
  if (void* ready = take_ready_piece(bytes)) return ready;
  void* begin = map_aligned(length);
  if (begin == nullptr) throw std::bad_alloc();
  const std::size_t advised = (length - bytes) * 8 <= bytes ? length : bytes & ~(huge_page_bytes - 1);
  ::madvise(begin, advised, MADV_HUGEPAGE);
  return begin;
}
inline void unmap_huge_pages(void* data, std::size_t bytes) noexcept {
  if (ready_mapping::instance().contains(data)) return give_back_ready_piece(data, bytes);
  const auto length = mapped_huge_bytes(bytes);
  if (kept_mappings::instance().give(data, length)) return;
  ::munmap(data, length);
}
#else
inline constexpr bool maps_huge_pages = false;
#endif

// A std::allocator that takes blocks from memory made ready ahead when there is (pieces of
// a quarter of a megabyte and more, see ready_mapping), else maps blocks of seven eighths
// of a huge page and more as huge pages (above): no more resident memory than the
// ordinary heap, give or take an eighth of the last huge page, and the blocks let go of
// that it keeps for reuse (32 MiB at most). Stateless, so containers using it copy, move and swap as with std::allocator.
template <class T>
class big_allocator {
 public:
  using value_type = T;
  // From seven eighths of a huge page: a block that size is one huge page, fully advised.
  static constexpr std::size_t huge_from = huge_page_bytes - huge_page_bytes / 8;

  big_allocator() noexcept = default;
  template <class U>
  big_allocator(const big_allocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor): rebinding

  // From a quarter of a megabyte, blocks are carved from memory made ready, when there
  // is (see detail::prepare_memory): the size from which malloc would map them in 4
  // KiB pages of their own.
  static constexpr std::size_t ready_from = std::size_t{256} << 10;

  [[nodiscard]] T* allocate(std::size_t n) {
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= huge_from) return static_cast<T*>(map_huge_pages(bytes));
    if (bytes >= ready_from)
      if (void* piece = take_ready_piece(bytes)) return static_cast<T*>(piece);
#endif
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* data, std::size_t n) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= huge_from) return unmap_huge_pages(data, bytes);
    if (bytes >= ready_from && ready_mapping::instance().contains(data)) return give_back_ready_piece(data, bytes);
#endif
    std::allocator<T>().deallocate(data, n);
  }

  friend bool operator==(const big_allocator&, const big_allocator&) noexcept { return true; }
};

// The containers of the large tables.
template <class T>
using big_vector = std::vector<T, big_allocator<T>>;

// big_allocator, except that elements made without a value are default-initialised (as
// by `new T`: left as the memory has them, for the trivial types of columns): resize()
// makes room without writing it, so that threads filling their parts of a column are
// the first to touch them, and share the page faults (see basic_tracker::sync).
template <class T>
class big_allocator_for_overwrite : public big_allocator<T> {
 public:
  big_allocator_for_overwrite() noexcept = default;
  template <class U>
  big_allocator_for_overwrite(const big_allocator_for_overwrite<U>&) noexcept {}  // NOLINT(google-explicit-constructor): rebinding
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// A column whose resize() leaves the new elements unwritten (see big_allocator_for_overwrite).
template <class T>
using big_column = std::vector<T, big_allocator_for_overwrite<T>>;

using big_string = std::basic_string<char, std::char_traits<char>, big_allocator<char>>;

// Gives an empty big_vector room for `bytes` of elements, for the blocks a loader fills
// again and again with the rows of `bytes` of text: as many bytes of rows as of text is
// room to spare for the usual files (a proposal's row takes 48 bytes for some 116 of
// text, an event's 36 for 46), and a block that needs more grows. Reserved once, so that
// a block is never grown from nothing, which would touch twice its size in 4 KiB pages, a
// page fault each (measured: 10,000 faults for the events file of a million proposals).
// Sized to the text when memory was made ready ahead, whose pieces are made ready whether
// rows fill them or not; else to a huge page at least, mapped whole with one fault. O(1).
template <class T>
void reserve_block(big_vector<T>& v, std::size_t bytes) {
  if (v.capacity() != 0) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (!ready_mapping::instance().opened()) bytes = std::max(bytes, huge_page_bytes);
#endif
  v.reserve(std::max<std::size_t>(bytes / sizeof(T), 1));
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
