// Checking text for bytes that are not UTF-8 or are NUL, fast: what every CSV reader does
// to every byte of its input before it parses it.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/utf8.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define LOCALGOV_UTF8_SSSE3 1
#include <immintrin.h>
#else
#define LOCALGOV_UTF8_SSSE3 0
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// The first bad byte (not valid UTF-8, or NUL) in text[from, to), npos if none; and where
// the check stopped: at `to`, or past it when a sequence straddles it.
struct utf8_scan {
  std::size_t bad;
  std::size_t stopped;
};

// One byte after another: runs of ASCII without NUL eight bytes at a time, elsewhere
// utf8_sequence_length decides. The reference for scan_utf8. O(to - from).
inline utf8_scan scan_utf8_bytewise(std::string_view text, std::size_t from, std::size_t to) noexcept {
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL, low_bits = 0x0101010101010101ULL;
  std::size_t i = from;
  while (i < to) {
    if (i + 8 <= to) {
      std::uint64_t chunk;
      std::memcpy(&chunk, text.data() + i, 8);
      const std::uint64_t has_zero_byte = (chunk - low_bits) & ~chunk & high_bits;  // may err only if one is
      if (((chunk & high_bits) | has_zero_byte) == 0) {
        i += 8;
        continue;
      }
    }
    // Byte by byte up to the end of this block of eight (a sequence may run past it).
    for (const std::size_t block_end = std::min(i + 8, to); i < block_end;) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0x80) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return {i, i};
        i += length;
        continue;
      }
      if (byte == 0) return {i, i};
      ++i;
    }
  }
  return {std::string_view::npos, i};
}

#if LOCALGOV_UTF8_SSSE3
// Keiser and Lemire's check ("Validating UTF-8 in less than one instruction per byte",
// 2021): three table lookups classify each byte with the one before it, and two shifted
// comparisons say where a third or fourth byte of a sequence must be. The tables, shared
// by the 16- and 32-byte versions below.
namespace utf8_tables {
// Error classes of a pair of bytes (the one before, this one), one bit each.
inline constexpr std::uint8_t too_short = 1 << 0;       // a lead byte not followed by a continuation
inline constexpr std::uint8_t too_long = 1 << 1;        // ASCII followed by a continuation
inline constexpr std::uint8_t overlong_3 = 1 << 2;      // E0 80..9F
inline constexpr std::uint8_t too_large = 1 << 3;       // F4 90..BF, or F5..FF then a continuation
inline constexpr std::uint8_t surrogate = 1 << 4;       // ED A0..BF
inline constexpr std::uint8_t overlong_2 = 1 << 5;      // C0 or C1 then a continuation
inline constexpr std::uint8_t too_large_1000 = 1 << 6;  // F5..FF 80..8F
inline constexpr std::uint8_t overlong_4 = 1 << 6;      // F0 80..8F
inline constexpr std::uint8_t two_conts = 1 << 7;       // two continuations: right only as a third or fourth byte
inline constexpr std::uint8_t carry = too_short | too_long | two_conts;
using table = std::array<std::uint8_t, 16>;
// By the high nibble of the byte before.
alignas(16) inline constexpr table first_high{
    too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long, two_conts, two_conts, two_conts, two_conts,
    too_short | overlong_2, too_short, too_short | overlong_3 | surrogate, too_short | too_large | too_large_1000 | overlong_4};
// By the low nibble of the byte before.
alignas(16) inline constexpr table first_low{
    carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry, carry | too_large,
    carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
    carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
    carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000 | surrogate,
    carry | too_large | too_large_1000, carry | too_large | too_large_1000};
// By the high nibble of this byte.
alignas(16) inline constexpr table second_high{too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,
                                               too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,
                                               too_long | overlong_2 | two_conts | overlong_3 | too_large,
                                               too_long | overlong_2 | two_conts | surrogate | too_large,
                                               too_long | overlong_2 | two_conts | surrogate | too_large, too_short, too_short,
                                               too_short, too_short};
// Where the character holding byte i - 1 of p starts (its sequence may run past i, unchecked).
inline std::size_t character_before(const char* p, std::size_t i) noexcept {
  if (i == 0) return i;
  std::size_t k = i - 1;
  for (int steps = 0; steps < 3 && k > 0 && (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80; ++steps) --k;
  return k;
}
}  // namespace utf8_tables

// How many of the n bytes at p are valid UTF-8 without NUL, as far as whole blocks of 16
// show, ending at the start of a character: the first block with a bad byte, the
// character before it (which may run into it), and what follows the last whole block
// are left to the caller. O(n).
[[gnu::target("ssse3")]] inline std::size_t utf8_valid_prefix_ssse3(const char* p, std::size_t n) noexcept {
  using namespace utf8_tables;
  const __m128i first_high_classes = _mm_load_si128(reinterpret_cast<const __m128i*>(first_high.data()));
  const __m128i first_low_classes = _mm_load_si128(reinterpret_cast<const __m128i*>(first_low.data()));
  const __m128i second_high_classes = _mm_load_si128(reinterpret_cast<const __m128i*>(second_high.data()));
  const __m128i nibble = _mm_set1_epi8(0x0F), zero = _mm_setzero_si128();
  __m128i previous = zero;
  bool previous_ascii = true;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i input = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i error = _mm_cmpeq_epi8(input, zero);
    const bool ascii = _mm_movemask_epi8(input) == 0;
    if (!ascii || !previous_ascii) {
      const __m128i before1 = _mm_alignr_epi8(input, previous, 15);
      const __m128i classes =
          _mm_and_si128(_mm_and_si128(_mm_shuffle_epi8(first_high_classes, _mm_and_si128(_mm_srli_epi16(before1, 4), nibble)),
                                      _mm_shuffle_epi8(first_low_classes, _mm_and_si128(before1, nibble))),
                        _mm_shuffle_epi8(second_high_classes, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
      // 0x80 where this byte must be a continuation: two before was a lead of 3 or 4 bytes, or three before of 4.
      const __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
      const __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
      const __m128i must_continue = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
      error = _mm_or_si128(error, _mm_xor_si128(must_continue, classes));
    }
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(error, zero)) != 0xFFFF) return character_before(p, i);
    previous = input;
    previous_ascii = ascii;
  }
  return previous_ascii ? i : character_before(p, i);
}

// The same check 32 bytes at a time (AVX2): the byte before each, and the two and three
// before, come from the previous block across the two 128-bit lanes (a lane swap, then
// alignr); the tables, looked up per lane, are in both. Nonzero bytes where `input`,
// after `previous`, is not UTF-8 (NUL aside).
[[gnu::target("avx2"), gnu::always_inline]] inline __m256i utf8_errors_avx2(__m256i input, __m256i previous) noexcept {
  using namespace utf8_tables;
  const __m256i first_high_classes = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(first_high.data())));
  const __m256i first_low_classes = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(first_low.data())));
  const __m256i second_high_classes = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(second_high.data())));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  // [previous's high lane, input's low lane]: what alignr needs to reach back across lanes.
  const __m256i straddle = _mm256_permute2x128_si256(previous, input, 0x21);
  const __m256i before1 = _mm256_alignr_epi8(input, straddle, 15);
  const __m256i classes = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(first_high_classes, _mm256_and_si256(_mm256_srli_epi16(before1, 4), nibble)),
                       _mm256_shuffle_epi8(first_low_classes, _mm256_and_si256(before1, nibble))),
      _mm256_shuffle_epi8(second_high_classes, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble)));
  // 0x80 where this byte must be a continuation: two before was a lead of 3 or 4 bytes, or three before of 4.
  const __m256i third = _mm256_subs_epu8(_mm256_alignr_epi8(input, straddle, 14), _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(_mm256_alignr_epi8(input, straddle, 13), _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, classes);
}

// utf8_valid_prefix_ssse3, 64 bytes a step and then 32: a step checks two blocks at once
// and, but for NUL, skips both when they and the byte before are ASCII. Why: in text that
// mixes ASCII and Vietnamese (ids, codes, dates, then a title) whether a block of 32 is
// ASCII is a branch mispredicted often; checking both blocks in full costs less (9.8 ->
// 15 GB/s on a proposals file, measured alone). A step that finds a bad byte is checked
// again a block at a time, so that the answer is the one a block at a time gives. O(n).
[[gnu::target("avx2")]] inline std::size_t utf8_valid_prefix_avx2(const char* p, std::size_t n) noexcept {
  const __m256i zero = _mm256_setzero_si256();
  __m256i previous = zero;
  bool previous_ascii = true;
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32));
    __m256i error = _mm256_cmpeq_epi8(_mm256_min_epu8(low, high), zero);  // a NUL in either
    if (!previous_ascii || _mm256_movemask_epi8(_mm256_or_si256(low, high)) != 0)
      error = _mm256_or_si256(error, _mm256_or_si256(utf8_errors_avx2(low, previous), utf8_errors_avx2(high, low)));
    if (!_mm256_testz_si256(error, error)) break;
    previous = high;
    previous_ascii = _mm256_movemask_epi8(high) == 0;
  }
  for (; i + 32 <= n; i += 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i error = _mm256_cmpeq_epi8(input, zero);
    const bool ascii = _mm256_movemask_epi8(input) == 0;
    if (!ascii || !previous_ascii) error = _mm256_or_si256(error, utf8_errors_avx2(input, previous));
    if (!_mm256_testz_si256(error, error)) return utf8_tables::character_before(p, i);
    previous = input;
    previous_ascii = ascii;
  }
  return previous_ascii ? i : utf8_tables::character_before(p, i);
}

inline bool has_ssse3() noexcept {
  static const bool has = __builtin_cpu_supports("ssse3");
  return has;
}
inline bool has_avx2() noexcept {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// scan_utf8_bytewise's result, with the valid prefix found a block at a time first.
inline utf8_scan scan_utf8_ssse3(std::string_view text, std::size_t from, std::size_t to) noexcept {
  if (to > from) from += utf8_valid_prefix_ssse3(text.data() + from, to - from);
  return scan_utf8_bytewise(text, from, to);
}
inline utf8_scan scan_utf8_avx2(std::string_view text, std::size_t from, std::size_t to) noexcept {
  if (to > from) from += utf8_valid_prefix_avx2(text.data() + from, to - from);
  return scan_utf8_bytewise(text, from, to);
}
#endif

// scan_utf8_bytewise's result, 32 or 16 bytes at a time where the processor can (AVX2,
// else SSSE3, every x86-64 of the last fifteen years): the part shown valid a block at a
// time is skipped, the rest checked byte by byte, which finds the bad byte and its exact
// place. O(to - from).
inline utf8_scan scan_utf8(std::string_view text, std::size_t from, std::size_t to) noexcept {
#if LOCALGOV_UTF8_SSSE3
  if (has_avx2()) return scan_utf8_avx2(text, from, to);
  if (has_ssse3()) return scan_utf8_ssse3(text, from, to);
#endif
  return scan_utf8_bytewise(text, from, to);
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
