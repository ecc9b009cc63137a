// Name folding: case, diacritics, tone placement, NFD, white space, invalid UTF-8, and the national list.
#include <localgov/detail/fold.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using localgov::detail::fold_case;
using localgov::detail::fold_name;

// Splits valid UTF-8 into one string per code point.
std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = localgov::detail::utf8_sequence_length(text, i);
    REQUIRE(n != 0);
    out.emplace_back(text.substr(i, n));
    i += n;
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// The names column of data/vn-2025/units.csv (no field there needs quoting).
std::vector<std::string> unit_names() {
  std::ifstream in(LOCALGOV_TEST_DATA_DIR "/vn-2025/units.csv", std::ios::binary);
  REQUIRE(in.good());
  std::vector<std::string> names;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto first = line.find(',');
    const auto second = line.find(',', first + 1);
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    names.push_back(line.substr(first + 1, second - first - 1));
  }
  return names;
}

// A small deterministic generator for the property tests.
struct lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
};

}  // namespace

TEST_CASE("fold: the examples of the specification") {
  CHECK(fold_name("Phường Hòa Bình") == "phuong hoa binh");
  CHECK(fold_name("hoa binh") == "hoa binh");
  CHECK(fold_name("Hoà Bình") == "hoa binh");
  CHECK(fold_name("HÒA BÌNH") == "hoa binh");
  CHECK(fold_name("Thủy") == fold_name("Thuỷ"));
  CHECK(fold_name("Uý") == "uy");
  CHECK(fold_name("Đặc khu Phú Quốc") == "dac khu phu quoc");
  CHECK(fold_name("Thành phố Hồ Chí Minh") == "thanh pho ho chi minh");

  // Level 2: diacritics kept; case and old/new tone placement ignored.
  CHECK(fold_case("Hòa Bình") == "hòa bình");
  CHECK(fold_case("Hoà Bình") == "hòa bình");
  CHECK(fold_case("HÒA BÌNH") == "hòa bình");
  CHECK(fold_case("HOÀ BÌNH") == "hòa bình");
  CHECK(fold_case("Thuỷ") == "thủy");
  CHECK(fold_case("Thủy") == "thủy");
  CHECK(fold_case("Uý") == "úy");
  CHECK(fold_case("Úy") == "úy");
  CHECK(fold_case("Hoa Binh") != fold_case("Hòa Bình"));  // diacritics still count at this level
}

TEST_CASE("fold: tone placement on oa, oe, uy at a syllable's end") {
  const char* pairs[][2] = {
      {"hoà", "hòa"},   {"hoá", "hóa"},   {"hoả", "hỏa"},   {"hoã", "hõa"},   {"hoạ", "họa"},
      {"khoè", "khòe"}, {"khoé", "khóe"}, {"khoẻ", "khỏe"}, {"khoẽ", "khõe"}, {"khoẹ", "khọe"},
      {"tuỳ", "tùy"},   {"tuý", "túy"},   {"thuỷ", "thủy"}, {"luỹ", "lũy"},   {"thuỵ", "thụy"},
  };
  for (const auto& p : pairs) {
    CAPTURE(p[0]);
    CHECK(fold_case(p[0]) == p[1]);
    CHECK(fold_case(p[1]) == p[1]);
  }
  // Followed by punctuation, an apostrophe or the end: still a syllable end.
  CHECK(fold_case("Hoà,") == "hòa,");
  CHECK(fold_case("Hoà-Bình") == "hòa-bình");
  // The syllable goes on: both styles already agree, nothing moves.
  CHECK(fold_case("Hoàng") == "hoàng");
  CHECK(fold_case("Thuyền") == "thuyền");
  CHECK(fold_case("Huỳnh") == "huỳnh");
  CHECK(fold_case("Khoái") == "khoái");
  CHECK(fold_case("Ngoèo") == "ngoèo");
  // qu + y: the u belongs to the initial, the tone sits on the y in both styles.
  CHECK(fold_case("Quý") == "quý");
  CHECK(fold_case("Quỳnh") == "quỳnh");
  CHECK(fold_case("Qúy") == "quý");  // a common misspelling, folded to the standard form
  // Other vowel pairs are untouched.
  CHECK(fold_case("Mía") == "mía");
  CHECK(fold_case("Thuế") == "thuế");
  CHECK(fold_case("Thuở") == "thuở");
}

TEST_CASE("fold: every letter of the Vietnamese alphabet, lower and upper case") {
  const std::string_view lower =
      "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
      "bcdghklmnpqrstvxđ";
  const std::string_view upper =
      "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ"
      "BCDGHKLMNPQRSTVXĐ";
  const std::string_view bases =
      "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy"
      "bcdghklmnpqrstvxd";
  const auto lo = code_points(lower);
  const auto up = code_points(upper);
  REQUIRE(lo.size() == bases.size());
  REQUIRE(up.size() == bases.size());
  for (std::size_t i = 0; i < bases.size(); ++i) {
    CAPTURE(lo[i]);
    CAPTURE(up[i]);
    const std::string base(1, bases[i]);
    CHECK(fold_name(lo[i]) == base);
    CHECK(fold_name(up[i]) == base);
    CHECK(fold_case(up[i]) == lo[i]);
    CHECK(fold_case(lo[i]) == lo[i]);
  }
  // A whole word in capitals, and the Latin-1 letters other sources bring in.
  CHECK(fold_case("NGUYỄN ĐỨC THỊNH") == "nguyễn đức thịnh");
  CHECK(fold_name("NGUYỄN ĐỨC THỊNH") == "nguyen duc thinh");
  CHECK(fold_name("Ñandú Çà Ö Ü ÿ Ÿ Ø") == "nandu ca o u y y o");
  CHECK(fold_name("Æ œ ß") == "ae oe ss");
  CHECK(fold_name("Ðà Nẵng") == "da nang");     // U+00D0, a look-alike of Đ
  CHECK(fold_case("Ðà Nẵng") == "đà nẵng");
}

TEST_CASE("fold: NFD input (decomposed marks) folds like NFC") {
  // "Phường Hòa Bình" decomposed: ư = u + U+031B, ờ = o + U+031B + U+0300, ...
  const std::string nfd = "Phu\u031Bo\u031B\u0300ng Ho\u0300a Bi\u0300nh";
  CHECK(fold_name(nfd) == "phuong hoa binh");
  CHECK(fold_case(nfd) == fold_case("Phường Hòa Bình"));
  CHECK(fold_case(nfd) == "phường hòa bình");
  // New placement, decomposed: the tone mark follows the a, and still moves.
  CHECK(fold_case("Hoa\u0300") == "hòa");
  CHECK(fold_case("Thuy\u0309") == "thủy");
  // Canonical order puts the dot below before the circumflex or breve.
  CHECK(fold_case("Nguye\u0302\u0303n") == "nguyễn");
  CHECK(fold_case("\u0110a\u0323\u0306ng") == "đặng");
  CHECK(fold_case("tha\u0323\u0302t") == "thật");
  CHECK(fold_name("\u0110a\u0323\u0306ng") == "dang");
  // Marks the fold does not compose are kept by fold_case and dropped by fold_name.
  CHECK(fold_case("n\u0303") == "n\u0303");
  CHECK(fold_name("n\u0303") == "n");
  CHECK(fold_case("a\u0301\u0301") == "á\u0301");  // a second tone cannot be composed
}

TEST_CASE("fold: apostrophes, white space and invisible characters") {
  CHECK(fold_name("Xã Ea H'Leo") == "xa ea h'leo");
  CHECK(fold_name("Xã Ea H\u2019Leo") == "xa ea h'leo");
  CHECK(fold_case("Xã Ea H\u2019Leo") == fold_case("Xã Ea H'Leo"));
  CHECK(fold_case("Xã Ea H\u2019Leo") == "xã ea h'leo");
  CHECK(fold_name("Xã Cư M\u02BCgar") == "xa cu m'gar");

  CHECK(fold_name("  Phường \t Hòa\u00A0 Bình \r\n") == "phuong hoa binh");
  CHECK(fold_case("  Phường \t Hòa\u00A0 Bình \r\n") == "phường hòa bình");
  CHECK(fold_name("Hòa\u2003\u3000Bình") == "hoa binh");
  CHECK(fold_name("") == "");
  CHECK(fold_name(" \t ") == "");
  CHECK(fold_case(" \u00A0 ") == "");
  CHECK(fold_name("Hòa\u200BBình\u00AD") == "hoabinh");  // zero-width space and soft hyphen vanish
  CHECK(fold_name("\xEF\xBB\xBFHà Nội") == "ha noi");      // a BOM pasted in front

  // Digits and punctuation are kept (ASCII lowercased).
  CHECK(fold_name("Phường 12, Quận 3 (CŨ)") == "phuong 12, quan 3 (cu)");
  CHECK(fold_case("Phường 12, Quận 3 (CŨ)") == "phường 12, quận 3 (cũ)");
  // Other scripts are kept byte for byte.
  CHECK(fold_name("Hà Nội 河内") == "ha noi 河内");
}

TEST_CASE("fold: each invalid UTF-8 byte becomes U+FFFD") {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(fold_name("A\xFF" "B") == "a" + r + "b");
  CHECK(fold_case("A\xFF" "B") == "a" + r + "b");
  CHECK(fold_name("Ho\xC3") == "ho" + r);           // truncated at the end
  CHECK(fold_case("Ho\xC3") == "ho" + r);
  CHECK(fold_name("\xE1\xBA") == r + r);           // truncated three-byte sequence
  CHECK(fold_name("\xC0\xAF") == r + r);           // overlong
  CHECK(fold_name("\xED\xA0\x80") == r + r + r);  // surrogate
  CHECK(fold_name("\x80\x80Hà") == r + r + "ha");  // stray continuation bytes
  CHECK(fold_case("Hoa\xFF") == "hoa" + r);
  CHECK(fold_case("Hoa\xFF" "\xCC\x80") == "hoa" + r + "\xCC\x80");  // a mark on U+FFFD stays
  const std::string with_nul("H\0\xC3", 3);
  CHECK(fold_name(with_nul) == std::string("h\0", 2) + r);

  // Found by fuzz_name_search: two stray bytes around a dropped mark (U+036A) or an
  // invisible character must not join into a letter ("\xC3\xAA" is "ê") on a second fold.
  for (const std::string& input : {std::string("p\xC3\xCD\xAA\xAA"), std::string("p\xC3\xE2\x80\x8B\xAA")}) {
    CAPTURE(input);
    CHECK(fold_name(fold_name(input)) == fold_name(input));
    CHECK(fold_case(fold_case(input)) == fold_case(input));
    CHECK(fold_name(input).find("\xC3\xAA") == std::string::npos);
  }

  // Random bytes: never crash; both folds are idempotent, and grow only by U+FFFD (3 bytes
  // for 1).
  lcg rng{12345};
  std::string input, out;
  for (int round = 0; round < 20000; ++round) {
    input.clear();
    const auto length = rng.next() % 24;
    for (std::uint32_t k = 0; k < length; ++k) {
      // Bias towards bytes that start or continue multi-byte sequences.
      const auto r = rng.next();
      const auto low = (r >> 8) % 0x80;
      input += static_cast<char>(r % 3 == 0 ? 0x80 + low : r % 3 == 1 ? 0xC0 + low % 0x40 : low);
    }
    fold_name(input, out);
    CHECK(out.size() <= 3 * input.size());
    CHECK(fold_name(out) == out);
    fold_case(input, out);
    CHECK(out.size() <= 3 * input.size());
    CHECK(fold_case(out) == out);
  }
}

TEST_CASE("fold: properties over random Vietnamese text") {
  // Pieces: letters in both cases and both tone placements, NFD marks, spaces, apostrophes.
  const std::vector<std::string> pieces = {
      "a", "o", "u", "y", "e", "i", "q", "h", "n", "g", "Q", "O", "U", "Y",
      "à", "á", "ả", "ã", "ạ", "è", "ẻ", "ỳ", "ý", "ỷ", "ỹ", "ỵ", "ò", "ủ", "ú",
      "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ", "đ", "Ỳ", "Ý", "À", "Ò",
      "\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302", "\u0306", "\u031B", "\u0304",
      " ", "  ", "\t", "\u00A0", "'", "\u2019", "-", ",", "1",
  };
  lcg rng{987654321};
  std::string input;
  for (int round = 0; round < 20000; ++round) {
    input.clear();
    const auto length = rng.next() % 12;
    for (std::uint32_t k = 0; k < length; ++k) input += pieces[rng.next() % pieces.size()];
    CAPTURE(input);
    const std::string name = fold_name(input);
    const std::string folded = fold_case(input);
    CHECK(fold_name(name) == name);
    CHECK(fold_case(folded) == folded);
    CHECK(fold_name(folded) == name);
    CHECK(is_ascii(name));
    CHECK(name.size() <= input.size());
    CHECK(folded.size() <= input.size());
  }
}

TEST_CASE("fold: every name of the national list") {
  const auto names = unit_names();
  REQUIRE(names.size() == 3355);
  std::string a, b;
  for (const auto& name : names) {
    CAPTURE(name);
    fold_name(name, a);
    CHECK(is_ascii(a));
    CHECK(!a.empty());
    fold_name(a, b);
    CHECK(b == a);                 // idempotent
    CHECK(fold_name(fold_case(name)) == a);
    fold_case(name, b);
    CHECK(fold_case(b) == b);      // idempotent
    CHECK(a.size() <= name.size());
  }
  // The official list itself mixes placements; fold_case makes them meet.
  CHECK(fold_case("Phường Hoà Bình") == fold_case("Phường Hòa Bình"));
}

TEST_CASE("fold: the buffer overloads reuse their output") {
  std::string out = "left over";
  fold_name("Hà Nội", out);
  CHECK(out == "ha noi");
  fold_case("HÀ NỘI", out);
  CHECK(out == "hà nội");
  out.reserve(256);
  const auto capacity = out.capacity();
  const auto* data = out.data();
  fold_name("Thành phố Hồ Chí Minh", out);
  CHECK(out.capacity() == capacity);
  CHECK(out.data() == data);
}
