// Bodies of detail/fold.hpp: the two folding loops (the per-character helpers stay inline in the header).
#pragma once

#include <localgov/detail/fold.hpp>

#include <cstddef>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

LOCALGOV_DECL void fold_name(std::string_view utf8, std::string& out) {
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

LOCALGOV_DECL void fold_case(std::string_view utf8, std::string& out) {
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

}  // namespace detail
LOCALGOV_NAMESPACE_END
