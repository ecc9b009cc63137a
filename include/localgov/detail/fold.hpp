// Folding of Vietnamese names for lookup: ignore case and tone-mark placement, or diacritics too.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Three match levels for ranked name search, strictest first:
//   1. the exact bytes;
//   2. fold_case(a) == fold_case(b): case, NFC/NFD, spacing, apostrophes and the old/new
//      tone placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ", "Úy"/"Uý") are ignored, diacritics kept;
//   3. fold_name(a) == fold_name(b): diacritics ignored too ("hoa binh" finds "Hòa Bình").
// Both folds are idempotent, and fold_name(fold_case(x)) == fold_name(x) for valid UTF-8.
// Each invalid UTF-8 byte becomes U+FFFD. Copying it through would not be idempotent: once
// an ignorable character between two stray bytes is dropped, they can join into a valid
// letter ("\xC3 U+036A \xAA" would fold to "\xC3\xAA", which is "ê").
inline constexpr std::string_view fold_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Base letter of a precomposed Latin letter, or '.' where there is none. Indexed by
// code point minus the first of each block; "data not code", generated from the
// Unicode decompositions.
inline constexpr std::string_view fold_latin1_base =  // U+00C0..U+00FF
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";
inline constexpr std::string_view fold_latin_ext_a_base =  // U+0100..U+017F
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll..llnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuu"
    "uuuwwyyyzzzzzzs";
inline constexpr std::string_view fold_vietnamese_base =  // U+1EA0..U+1EF9
    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

// The twelve Vietnamese vowel letters (lowercase) in their six tones:
// none, huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot below).
struct fold_vowel {
  enum : int { a, a_breve, a_circ, e, e_circ, i, o, o_circ, o_horn, u, u_horn, y, count };
};
inline constexpr int fold_vowel_count = fold_vowel::count;
inline constexpr char32_t fold_vowel_forms[fold_vowel_count][6] = {
    {0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1},  // a à á ả ã ạ
    {0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7},  // ă ằ ắ ẳ ẵ ặ
    {0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD},  // â ầ ấ ẩ ẫ ậ
    {0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9},  // e è é ẻ ẽ ẹ
    {0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7},  // ê ề ế ể ễ ệ
    {0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB},  // i ì í ỉ ĩ ị
    {0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD},  // o ò ó ỏ õ ọ
    {0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9},  // ô ồ ố ổ ỗ ộ
    {0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3},  // ơ ờ ớ ở ỡ ợ
    {0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5},  // u ù ú ủ ũ ụ
    {0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1},  // ư ừ ứ ử ữ ự
    {0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5},  // y ỳ ý ỷ ỹ ỵ
};

struct fold_vowel_split {
  int vowel = -1;  // a fold_vowel value, or -1 when the code point is no Vietnamese vowel
  int tone = 0;
};

// Which vowel and tone a lowercase code point is. 72 comparisons at worst; only called
// for combining marks and at syllable ends, so it stays off the hot path.
constexpr fold_vowel_split fold_split_vowel(char32_t cp) noexcept {
  if (cp < 0x61) return {};
  for (int v = 0; v < fold_vowel_count; ++v)
    for (int t = 0; t < 6; ++t)
      if (fold_vowel_forms[v][t] == cp) return {v, t};
  return {};
}

// Code points produced for "one letter that cannot be rewritten" (a base letter carrying
// a combining mark the fold does not compose): a letter, but no vowel.
inline constexpr char32_t fold_opaque_letter = 0xFFFFFFFF;

// Lowercase of the Latin letters the fold knows (Basic Latin, Latin-1, Latin Extended-A,
// Ơ/Ư, Latin Extended Additional); other code points are returned unchanged.
constexpr char32_t fold_lower(char32_t cp) noexcept {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return U'i';  // İ: its plain lowercase is i with a dot, i.e. i
    if (cp == 0x178) return 0xFF;  // Ÿ
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_capitals) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;  // ĸ ŉ ſ: lowercase only
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp == 0x1A0 || cp == 0x1AF) return cp + 1;  // Ơ Ư
  if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF)) return (cp % 2 == 0) ? cp + 1 : cp;
  if (cp == 0x1E9E) return 0xDF;  // ẞ
  return cp;
}

// ASCII base letter of a Latin letter ('a'..'z'), or 0 when it has none.
constexpr char fold_base_letter(char32_t cp) noexcept {
  auto from = [](std::string_view table, std::size_t index) -> char {
    const char c = table[index];
    return c == '.' ? '\0' : c;
  };
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp + 32);
    if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
    return '\0';
  }
  if (cp >= 0xC0 && cp <= 0xFF) return from(fold_latin1_base, cp - 0xC0);
  if (cp >= 0x100 && cp <= 0x17F) return from(fold_latin_ext_a_base, cp - 0x100);
  if (cp == 0x1A0 || cp == 0x1A1) return 'o';
  if (cp == 0x1AF || cp == 0x1B0) return 'u';
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return from(fold_vietnamese_base, cp - 0x1EA0);
  return '\0';
}

// Ligatures folded to two ASCII letters by fold_name; nullptr when cp is none.
constexpr const char* fold_ligature(char32_t cp) noexcept {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDF: case 0x1E9E: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return nullptr;
  }
}

// Unicode white space (Zs, line and paragraph separators, ASCII controls \t..\r, NEL).
constexpr bool fold_is_space(char32_t cp) noexcept {
  return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Invisible format characters (soft hyphen, zero-width space/joiners, BOM): dropped, so a
// name pasted from a web page still matches.
constexpr bool fold_is_ignorable(char32_t cp) noexcept {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Apostrophe look-alikes ("Ea H'Leo" is also written with U+2019, sometimes U+2018 or U+02BC).
constexpr bool fold_is_apostrophe(char32_t cp) noexcept {
  return cp == 0x27 || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC;
}

constexpr bool fold_is_combining_mark(char32_t cp) noexcept { return cp >= 0x300 && cp <= 0x36F; }

// One decoded step of the input: a code point and its byte length, or an invalid byte
// (valid == false, length 1) that the folds replace with U+FFFD.
struct fold_step {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = true;
};

inline fold_step fold_decode(std::string_view text, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  const std::size_t n = utf8_sequence_length(text, i);
  switch (n) {
    case 1: return {b(0), 1, true};
    case 2: return {((b(0) & 0x1F) << 6) | (b(1) & 0x3F), 2, true};
    case 3: return {((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3, true};
    case 4: return {((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4, true};
    default: return {b(0), 1, false};
  }
}

inline void fold_append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// fold_name into `out` (cleared first; its capacity is reused, so a loop over many names
// allocates only when a name is longer than any before). Linear in the input.
LOCALGOV_DECL void fold_name(std::string_view utf8, std::string& out);

// Lowercase ASCII-only form for diacritic-insensitive lookup: every Latin letter with
// diacritics becomes its base letter (đ → d), white space runs become one space and
// are trimmed, apostrophe look-alikes become ', NFD combining marks and invisible
// format characters are dropped; anything else is kept (ASCII lowercased).
// "Phường Hòa Bình", "HOÀ BÌNH" → "phuong hoa binh", "hoa binh".
inline std::string fold_name(std::string_view utf8) {
  std::string out;
  fold_name(utf8, out);
  return out;
}

// fold_case into `out` (cleared first, capacity reused). Linear in the input.
LOCALGOV_DECL void fold_case(std::string_view utf8, std::string& out);

// Lowercase form that keeps diacritics but ignores case, NFC/NFD, spacing, apostrophe
// look-alikes and the old/new tone placement: "Hoà" and "HÒA" give "hòa", "Thuỷ" gives
// "thủy", "Uý" gives "úy" (the official list's placement: on the first vowel of a final
// oa, oe, uy; "quý" keeps its tone on the y). White space is collapsed and trimmed as in
// fold_name. Only Latin letters are lowercased; NFD marks are composed onto Vietnamese
// vowels (other marks are kept as written).
inline std::string fold_case(std::string_view utf8) {
  std::string out;
  fold_case(utf8, out);
  return out;
}

}  // namespace detail
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/detail/impl/fold.ipp>
#endif
