// UTF-8 validation and code-point counting, for precise input errors.
#pragma once

#include <localgov/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  const std::size_t n = text.size();
  auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Code points in valid UTF-8 text (continuation bytes are not counted).
inline std::size_t count_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Whether text[i] starts a control character: C0 (tab and line breaks included), DEL,
// C1 (U+0080-U+009F), or an invisible direction control (U+061C, U+200E-U+200F,
// U+202A-U+202E, U+2066-U+2069) that can make a name read other than it is stored. Its
// length in bytes when it does, else 0. Valid UTF-8 text.
inline std::size_t control_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned b0 = byte(i);
  if (b0 < 0x20 || b0 == 0x7F) return 1;
  if (b0 == 0xC2) return byte(i + 1) <= 0x9F ? 2 : 0;
  if (b0 == 0xD8) return byte(i + 1) == 0x9C ? 2 : 0;
  if (b0 == 0xE2) {
    const unsigned b1 = byte(i + 1), b2 = byte(i + 2);
    if (b1 == 0x80) return b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE) ? 3 : 0;
    if (b1 == 0x81) return b2 >= 0xA6 && b2 <= 0xA9 ? 3 : 0;
  }
  return 0;
}

// The offset of the first control character (control_length) in valid UTF-8 text, or
// npos. Eight bytes of printable ASCII at a time: ids and codes are read by the million.
inline std::size_t first_control(std::string_view text) noexcept {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    // A byte below 0x20, or 0x7F (0x7F + 1 sets the high bit), or with the high bit: look closer.
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    const std::uint64_t del_or_high = ((w & ~highs) + ones) | w;
    if (((below_space | del_or_high) & highs) != 0) break;
  }
  for (; i < text.size(); ++i)
    if (control_length(text, i) != 0) return i;
  return std::string_view::npos;
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
