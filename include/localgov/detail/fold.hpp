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
inline void fold_name(std::string_view utf8, std::string& out) {
  out.clear();
  out.reserve(utf8.size());  // longer only where invalid bytes become U+FFFD
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {  // ASCII fast path
      if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
        pending_space = !out.empty();
      } else {
        put((byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    const fold_step s = fold_decode(utf8, i);
    if (!s.valid) {
      for (const char c : fold_replacement) put(c);
    } else if (fold_is_space(s.cp)) {
      pending_space = !out.empty();
    } else if (fold_is_combining_mark(s.cp) || fold_is_ignorable(s.cp)) {
      // dropped: NFD diacritics and invisible characters
    } else if (const char base = fold_base_letter(s.cp)) {
      put(base);
    } else if (fold_is_apostrophe(s.cp)) {
      put('\'');
    } else if (const char* pair = fold_ligature(s.cp)) {
      put(pair[0]);
      put(pair[1]);
    } else {
      for (std::size_t k = 0; k < s.length; ++k) put(utf8[i + k]);
    }
    i += s.length;
  }
}

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
inline void fold_case(std::string_view utf8, std::string& out) {
  out.clear();
  out.reserve(utf8.size());  // lowercasing, composing and moving tones never lengthen it

  // The last three code points written since the last white space, for composing NFD
  // marks onto the previous letter and for moving tone marks at a syllable's end.
  struct written {
    std::size_t offset = 0;
    char32_t cp = 0;  // 0: nothing (start, or after white space)
  };
  written h0, h1, h2;  // h2 is the latest
  bool pending_space = false;

  auto is_letter = [](char32_t cp) { return cp == fold_opaque_letter || fold_base_letter(cp) != '\0'; };
  auto push = [&](char32_t cp, char32_t recorded) {
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    h0 = h1;
    h1 = h2;
    h2 = {out.size(), recorded};
    fold_append_utf8(out, cp);
  };
  auto rewrite_pair = [&](char32_t first, char32_t second) {
    out.resize(h1.offset);
    fold_append_utf8(out, first);
    h1.cp = first;
    h2 = {out.size(), second};
    fold_append_utf8(out, second);
  };
  // At a syllable's end (h1 h2 are its last two letters), put the tone where the
  // official list does: on the first vowel of a final oa/oe/uy ("hòa", "thủy", "úy"),
  // but on the y of "quy", whose u belongs to the initial ("quý").
  auto end_syllable = [&]() {
    if (h1.cp != U'o' && h1.cp != U'u' && h0.cp != U'q') return;  // cheap reject
    if (h1.cp == 0 || h2.cp == 0) return;
    const fold_vowel_split first = fold_split_vowel(h1.cp);
    const fold_vowel_split second = fold_split_vowel(h2.cp);
    if (first.vowel < 0 || second.vowel < 0) return;
    if (h0.cp == U'q') {
      if (first.vowel == fold_vowel::u && first.tone != 0 && second.vowel == fold_vowel::y && second.tone == 0)
        rewrite_pair(U'u', fold_vowel_forms[fold_vowel::y][first.tone]);
      return;
    }
    if (h0.cp != 0 && fold_split_vowel(h0.cp).vowel >= 0) return;  // a longer vowel cluster
    using fv = fold_vowel;
    const bool pair = (first.vowel == fv::o && (second.vowel == fv::a || second.vowel == fv::e)) ||
                      (first.vowel == fv::u && second.vowel == fv::y);
    if (pair && first.tone == 0 && second.tone != 0)
      rewrite_pair(fold_vowel_forms[first.vowel][second.tone], fold_vowel_forms[second.vowel][0]);
  };
  auto boundary = [&]() {
    if (h2.cp != 0 && is_letter(h2.cp)) end_syllable();
  };
  // A combining mark after a vowel composes with it where Vietnamese has the result.
  auto compose = [&](char32_t mark) -> bool {
    if (pending_space || h2.cp == 0 || h2.cp == fold_opaque_letter) return false;
    fold_vowel_split v = fold_split_vowel(h2.cp);
    if (v.vowel < 0) return false;
    int tone = 0;
    switch (mark) {
      case 0x300: case 0x340: tone = 1; break;
      case 0x301: case 0x341: tone = 2; break;
      case 0x309: tone = 3; break;
      case 0x303: tone = 4; break;
      case 0x323: tone = 5; break;
      default: break;
    }
    if (tone != 0) {
      if (v.tone != 0) return false;
      v.tone = tone;
    } else {
      int to = -1;
      using fv = fold_vowel;
      if (mark == 0x302)  // circumflex: â ê ô
        to = v.vowel == fv::a ? fv::a_circ : v.vowel == fv::e ? fv::e_circ : v.vowel == fv::o ? fv::o_circ : -1;
      if (mark == 0x306 && v.vowel == fv::a) to = fv::a_breve;  // breve: ă
      if (mark == 0x31B) to = v.vowel == fv::o ? fv::o_horn : v.vowel == fv::u ? fv::u_horn : -1;  // horn: ơ ư
      if (to < 0) return false;
      v.vowel = to;
    }
    const char32_t composed = fold_vowel_forms[v.vowel][v.tone];
    out.resize(h2.offset);
    fold_append_utf8(out, composed);
    h2.cp = composed;
    return true;
  };

  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {  // ASCII fast path
      if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
        boundary();
        pending_space = !out.empty();
        h0 = h1 = h2 = {};
      } else if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
        const char32_t lower = byte | 0x20;
        push(lower, lower);
      } else {
        boundary();
        push(byte, byte);
      }
      ++i;
      continue;
    }
    const fold_step s = fold_decode(utf8, i);
    if (!s.valid) {
      boundary();
      push(0xFFFD, 0xFFFD);
    } else if (fold_is_space(s.cp)) {
      boundary();
      pending_space = !out.empty();
      h0 = h1 = h2 = {};
    } else if (fold_is_ignorable(s.cp)) {
      // dropped
    } else if (fold_is_combining_mark(s.cp)) {
      if (!compose(s.cp)) {
        // Kept as written; the letter it sits on can no longer be rewritten.
        if (pending_space) {
          out += ' ';
          pending_space = false;
        }
        out.append(utf8.substr(i, s.length));
        if (h2.cp != 0 && is_letter(h2.cp)) h2.cp = fold_opaque_letter;
      }
    } else if (fold_is_apostrophe(s.cp)) {
      boundary();
      push(U'\'', U'\'');
    } else {
      char32_t lower = fold_lower(s.cp);
      if (lower == 0xF0) lower = 0x111;  // ð (U+00D0/U+00F0) is a common stand-in for đ
      if (!is_letter(lower)) boundary();
      push(lower, lower);
    }
    i += s.length;
  }
  boundary();
}

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
