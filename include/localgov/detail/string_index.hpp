// An open-addressing hash index from strings to dense row numbers, for the million-row
// tables (proposal ids) where std::unordered_map's node per entry costs too much.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/huge_pages.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// A hash for in-memory tables (never stored: it may change between versions). Keys of up
// to 16 bytes (proposal ids, unit codes, person ids, field slugs mostly) take two loads,
// which overlap when the key is shorter than their sum (together they cover every byte,
// and the length is mixed in), and two multiplies; longer keys eight bytes per multiply.
// The final mix (MurmurHash3's) spreads every input bit over the low bits that pick a slot.
namespace hash_steps {
inline constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
[[gnu::always_inline]] inline std::uint64_t mix(std::uint64_t h, std::uint64_t word) noexcept {
  h = (h ^ word) * k;
  return h ^ (h >> 29);
}
[[gnu::always_inline]] inline std::uint64_t finish(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}
template <class Word>
[[gnu::always_inline]] inline Word load(const char* p) noexcept {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
[[gnu::noinline]] inline std::uint64_t hash_long(const char* p, std::size_t n) noexcept {
  std::uint64_t h = n * k;
  for (; n > 8; p += 8, n -= 8) h = mix(h, load<std::uint64_t>(p));
  return finish(mix(h, load<std::uint64_t>(p + n - 8)));  // the last eight, overlapping
}
}  // namespace hash_steps

[[gnu::always_inline]] inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  using namespace hash_steps;
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = n * k;
  if (n >= 8) {
    if (n > 16) return hash_long(p, n);
    return finish(mix(mix(h, load<std::uint64_t>(p)), load<std::uint64_t>(p + n - 8)));
  }
  if (n >= 4) return finish(mix(h, std::uint64_t{load<std::uint32_t>(p)} << 32 | load<std::uint32_t>(p + n - 4)));
  if (n > 0)
    h = mix(h, std::uint64_t{static_cast<unsigned char>(p[0])} << 16 | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                   static_cast<unsigned char>(p[n - 1]));
  return finish(h);
}

// a == b, without a call to memcmp for keys of 4 to 16 bytes (proposal ids are mostly
// 8 to 16): two loads from each, overlapping for a length between two word sizes.
inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  auto word_equal = [&](auto word, std::size_t at) {
    decltype(word) x, y;
    std::memcpy(&x, a.data() + at, sizeof x);
    std::memcpy(&y, b.data() + at, sizeof y);
    return x == y;
  };
  if (n >= 8 && n <= 16) return word_equal(std::uint64_t{}, 0) && word_equal(std::uint64_t{}, n - 8);
  if (n >= 4 && n < 8) return word_equal(std::uint32_t{}, 0) && word_equal(std::uint32_t{}, n - 4);
  return a == b;
}

// Maps keys to rows; the keys themselves live with the caller, who gives `key_of(row)`.
// 8 bytes per slot, three slots for two rows (load factor at most 2/3: probes stay short,
// most in one cache line, and a million ids take 12 MB). Insert and find O(1) expected.
template <class KeyOf>
class string_index {
 public:
  explicit string_index(KeyOf key_of) : key_of_(std::move(key_of)) {}

  void reserve(std::size_t rows) {
    const std::size_t capacity = std::max<std::size_t>(16, rows + rows / 2);
    if (capacity > slots_.size()) rehash(capacity);
  }

  // Inserts `row` under its key, or returns the row that already has that key. The
  // overload with `h` takes the key's hash(), when the caller has it already.
  std::optional<std::uint32_t> insert(std::uint32_t row) { return insert(row, hash_bytes(key_of_(row))); }
  std::optional<std::uint32_t> insert(std::uint32_t row, std::uint64_t h) {
    if ((size_ + 1) * 3 > slots_.size() * 2) rehash(std::max<std::size_t>(16, slots_.size() * 2));
    const auto key = key_of_(row);
    const auto tag = tag_of(h);
    for (std::size_t i = slot_of(h);; i = next(i)) {
      auto& s = slots_[i];
      if (s.tag == 0) {
        s = {tag, row};
        ++size_;
        return std::nullopt;
      }
      if (s.tag == tag && same_bytes(key_of_(s.row), key)) return s.row;
    }
  }

  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const { return find(key, hash_bytes(key)); }
  // find(key) for a caller that has the key's hash() already.
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return std::nullopt;
    const auto tag = tag_of(h);
    for (std::size_t i = slot_of(h);; i = next(i)) {
      const auto& s = slots_[i];
      if (s.tag == 0) return std::nullopt;
      if (s.tag == tag && same_bytes(key_of_(s.row), key)) return s.row;
    }
  }

  // A lookup in steps, for callers that overlap the memory waits of many lookups (see
  // io::read_events): hash the key, start loading its slot, and once it is loaded, probe
  // it for the row that probably holds the key (the first whose tag matches, unverified)
  // and start loading that row's data. Hints: find() and insert() give the same results
  // without them. O(1) each.
  // prefetch_slot starts loading the slot where a key of hash `h` is or would go, so that
  // a find or insert a little later does not wait for memory (a million-row index is far
  // bigger than the caches). Always inlined: otherwise GCC finds that a function which
  // only prefetches has no effect, and drops the call.
  [[nodiscard]] static std::uint64_t hash(std::string_view key) noexcept { return hash_bytes(key); }
  [[gnu::always_inline]] void prefetch_slot(std::uint64_t h) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot_of(h)]);
#else
    (void)h;
#endif
  }
  [[nodiscard]] std::optional<std::uint32_t> probe(std::uint64_t h) const noexcept {
    if (slots_.empty()) return std::nullopt;
    const auto tag = tag_of(h);
    for (std::size_t i = slot_of(h);; i = next(i)) {
      const auto& s = slots_[i];
      if (s.tag == 0) return std::nullopt;
      if (s.tag == tag) return s.row;
    }
  }

  // Reads keys through `key_of` from now on, e.g. after the owner of the keys was copied
  // or moved: the slots stay valid, only where the keys live has changed. O(1).
  void rebind(KeyOf key_of) noexcept { key_of_ = std::move(key_of); }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t memory_bytes() const noexcept { return slots_.size() * sizeof(slot); }

 private:
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t row = 0;
  };
  // Any number of slots, not only powers of two, so that the index is one and a half
  // times the rows it was sized for and no more (a power of two would make it up to
  // three times, and ten times the rows up to sixteen times the memory): the slot is the
  // hash's high bits scaled to the table ("fastrange"), the tag its low bits, never 0 (0
  // marks an empty slot), so that the two do not repeat each other.
  [[nodiscard]] std::size_t slot_of(std::uint64_t h) const noexcept {
    __extension__ typedef unsigned __int128 wide;  // GCC and Clang; __extension__ for -Wpedantic
    return static_cast<std::size_t>((static_cast<wide>(h) * slots_.size()) >> 64);
  }
  [[nodiscard]] std::size_t next(std::size_t i) const noexcept { return i + 1 == slots_.size() ? 0 : i + 1; }
  [[nodiscard]] static std::uint32_t tag_of(std::uint64_t h) noexcept { return static_cast<std::uint32_t>(h) | 1u; }
  void rehash(std::size_t capacity) {
    big_vector<slot> old(capacity);  // probed at random: huge pages spare TLB misses
    old.swap(slots_);
    for (const auto& s : old) {
      if (s.tag == 0) continue;
      const auto h = hash_bytes(key_of_(s.row));
      for (std::size_t i = slot_of(h);; i = next(i))
        if (slots_[i].tag == 0) {
          slots_[i] = s;
          break;
        }
    }
  }

  KeyOf key_of_;
  big_vector<slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace detail
LOCALGOV_NAMESPACE_END
