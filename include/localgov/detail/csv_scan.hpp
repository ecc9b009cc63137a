// Finding where an unquoted CSV field's text ends, sixty-four bytes at a time: what the
// CSV reader does between every two fields of its input.
#pragma once

#include <localgov/config.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if (defined(__GNUC__) || defined(__clang__)) && defined(__SSE2__)
#define LOCALGOV_CSV_SSE2 1
#include <emmintrin.h>
#else
#define LOCALGOV_CSV_SSE2 0
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Whether a byte ends a run of an unquoted field's text: ',', '"', '\n' or '\r'.
[[nodiscard]] constexpr bool is_csv_delimiter(char c) noexcept { return c == ',' || c == '"' || c == '\n' || c == '\r'; }

// Bit i set when byte i of the 64 at `p` is a delimiter. One byte after another: the
// reference for csv_delimiter_bits, and the way on machines without SSE2.
[[nodiscard]] inline std::uint64_t csv_delimiter_bits_bytewise(const char* p) noexcept {
  std::uint64_t bits = 0;
  for (unsigned i = 0; i < 64; ++i) bits |= std::uint64_t{is_csv_delimiter(p[i])} << i;
  return bits;
}

// The same, sixteen bytes to a compare (four compares and a movemask per sixteen).
[[nodiscard]] inline std::uint64_t csv_delimiter_bits(const char* p) noexcept {
#if LOCALGOV_CSV_SSE2
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    bits |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(hit))) << (16 * k);
  }
  return bits;
#else
  return csv_delimiter_bits_bytewise(p);
#endif
}

// Finds the first delimiter at or after a position of a text, from a window of 64 bytes'
// delimiter bits that it keeps: the fields of a record mostly lie in one window, so
// finding the end of each costs a shift and a count of trailing zeros, and no branch per
// byte. The text must stay the same between calls (reset() when it changes); reads no
// byte past its end. O(distance / 64 + 1).
class csv_delimiter_finder {
 public:
  void reset() noexcept { begin_ = end_ = 0; }

  // The offset of the first delimiter in text[pos, size), or text.size() if none.
  [[nodiscard]] std::size_t find(std::string_view text, std::size_t pos) noexcept {
    for (;;) {
      if (pos >= begin_ && pos < end_) {
        if (const std::uint64_t bits = bits_ >> (pos - begin_); bits != 0)
          return pos + static_cast<std::size_t>(std::countr_zero(bits));
        pos = end_;
      }
      if (pos >= text.size()) return text.size();
      load(text, pos);
    }
  }

 private:
  void load(std::string_view text, std::size_t at) noexcept {
    begin_ = at;
    end_ = at + 64;
    if (text.size() - at >= 64) {
      bits_ = csv_delimiter_bits(text.data() + at);
      return;
    }
    std::array<char, 64> tail{};  // the last bytes, padded with NUL (not a delimiter)
    std::memcpy(tail.data(), text.data() + at, text.size() - at);
    bits_ = csv_delimiter_bits(tail.data());
  }

  std::size_t begin_ = 0, end_ = 0;  // the window: bits_ has a bit per byte of [begin_, end_)
  std::uint64_t bits_ = 0;
};

}  // namespace detail
LOCALGOV_NAMESPACE_END
