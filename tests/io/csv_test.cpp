// The strict CSV reader: RFC 4180 as files really come (BOM, CRLF, LF, both, quoted
// fields over several lines), and every malformed input with its exact message, stable
// id and FILE:LINE:COLUMN, the column counted in code points.
#include "../test_support.hpp"

#include <localgov/detail/csv_scan.hpp>
#include <localgov/detail/csv_chunks.hpp>
#include <localgov/detail/huge_pages.hpp>
#include <localgov/detail/pipeline.hpp>
#include <localgov/detail/string_index.hpp>
#include <localgov/detail/utf8_scan.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/reports/table.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace localgov;
using namespace std::string_literals;

namespace {

using rows = std::vector<std::vector<std::string>>;

// Every record after the header, fields in header order.
rows read_all(std::string_view text) {
  io::csv_reader csv(text, "t.csv");
  rows out;
  while (csv.next()) {
    out.emplace_back();
    for (std::size_t i = 0; i < csv.size(); ++i) out.back().emplace_back(csv.field(i));
  }
  return out;
}

// The line each record starts on.
std::vector<std::uint32_t> record_lines(std::string_view text) {
  io::csv_reader csv(text, "t.csv");
  std::vector<std::uint32_t> out;
  while (csv.next()) out.push_back(csv.line());
  return out;
}

// The error reading all of `text` throws.
input_error failure(std::string_view text) {
  return test::expect_throw<input_error>([&] { (void)read_all(text); });
}

// "41 C3 A0": the bytes of `text` in hex, for failure messages.
std::string hex_bytes(std::string_view text) {
  std::string out;
  for (const char c : text) {
    constexpr char digits[] = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += digits[b >> 4], out += digits[b & 15];
  }
  return out;
}

// Checks what() and id() of the error reading `text`.
void check_failure(std::string_view text, const std::string& what, const std::string& id) {
  const auto e = failure(text);
  CHECK(std::string(e.what()) == what);
  CHECK(e.id() == id);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Good paths

// The reader views its text, so it refuses a temporary string (which would dangle).
static_assert(std::is_constructible_v<io::csv_reader, std::string_view, std::string>);
static_assert(std::is_constructible_v<io::csv_reader, const std::string&, std::string>);
static_assert(std::is_constructible_v<io::csv_reader, const char*, std::string>);
static_assert(!std::is_constructible_v<io::csv_reader, std::string, std::string>);
static_assert(!std::is_constructible_v<io::csv_reader, std::string&&, std::string>);

TEST_CASE("csv: LF, CRLF and both mixed read the same, with or without a last line end") {
  const rows expected{{"1", "2"}, {"3", "4"}, {"5", "6"}};
  for (const std::string text : {"a,b\n1,2\n3,4\n5,6\n", "a,b\n1,2\n3,4\n5,6", "a,b\r\n1,2\r\n3,4\r\n5,6\r\n",
                                 "a,b\r\n1,2\r\n3,4\r\n5,6", "a,b\r\n1,2\n3,4\r\n5,6\n", "a,b\n1,2\r\n3,4\n5,6"}) {
    INFO(text);
    CHECK(read_all(text) == expected);
    CHECK(record_lines(text) == std::vector<std::uint32_t>{2, 3, 4});
  }
}

TEST_CASE("csv: a UTF-8 BOM is skipped and columns on line 1 count from after it") {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string text = bom + "code,name\r\n25,Tỉnh Phú Thọ\r\n";
  io::csv_reader csv(text, "t.csv");
  CHECK(csv.header() == std::vector<std::string>{"code", "name"});
  CHECK(csv.require_column("code") == 0);
  REQUIRE(csv.next());
  CHECK(csv.field(1) == "Tỉnh Phú Thọ");
  CHECK(csv.location(1).to_string() == "t.csv:2:4");
  check_failure(bom + "code,,name\n", "t.csv:1:6: empty column name in header", "csv.empty_column_name");
  // Only one BOM, and only at the start: a second one is part of the first name.
  const std::string doubled = bom + bom + "code\n1\n";
  io::csv_reader twice(doubled, "t.csv");
  CHECK(twice.header().front() == bom + "code");
  CHECK_FALSE(twice.find_column("code").has_value());
}

TEST_CASE("csv: quoted fields hold commas, doubled quotes and line ends verbatim") {
  const std::string text =
      "name,note\n"
      "\"Xã Thịnh Minh, Phú Thọ\",\"say \"\"xin chào\"\"\"\n"
      "\"two\nlines\",\"crlf\r\ninside\"\n"
      "\"\",\"\"\"\"\n"
      "plain,\"\"\"quoted\"\" at the start\"\n";
  CHECK(read_all(text) == rows{{"Xã Thịnh Minh, Phú Thọ", "say \"xin chào\""},
                               {"two\nlines", "crlf\r\ninside"},
                               {"", "\""},
                               {"plain", "\"quoted\" at the start"}});
}

TEST_CASE("csv: line numbers and columns after a quoted field over several lines") {
  const std::string text =
      "code,note,kind\n"
      "1,\"line two\nline three\r\nline four\",x\n"
      "\n"
      "2,\"\",y\n";
  io::csv_reader csv(text, "t.csv");
  REQUIRE(csv.next());
  CHECK(csv.line() == 2);
  CHECK(csv.location(0).to_string() == "t.csv:2:1");
  CHECK(csv.location(1).to_string() == "t.csv:2:3");
  CHECK(csv.location(2).to_string() == "t.csv:4:12");  // after "line four",
  CHECK(csv.position(2) == std::pair<std::uint32_t, std::uint32_t>{4, 12});
  const auto e = test::expect_throw<input_error>([&] { csv.fail(2, "test.kind", "bad kind"); });
  CHECK(std::string(e.what()) == "t.csv:4:12: bad kind");
  CHECK(e.id() == "test.kind");
  CHECK(e.where().line == 4);
  CHECK(e.message() == "bad kind");
  REQUIRE(csv.next());
  CHECK(csv.line() == 6);  // line 5 is blank
  CHECK(csv.location(2).to_string() == "t.csv:6:6");
  CHECK_FALSE(csv.next());
  // An error on the next record counts every line before it.
  check_failure(text + "3,\"a\"b,z\n", "t.csv:7:6: text after a closing quote (expected ',' or the end of the line)",
                "csv.text_after_quote");
}

TEST_CASE("csv: columns are found by name, in any order, extra ones ignored") {
  for (const std::string text :
       {"code,name,kind\n25,Tỉnh Phú Thọ,province\n", "kind,extra,name,code\nprovince,x,Tỉnh Phú Thọ,25\n",
        "name,code,kind,note,other\nTỉnh Phú Thọ,25,province,\"a, b\",\n"}) {
    INFO(text);
    io::csv_reader csv(text, "t.csv");
    const auto code = csv.require_column("code");
    const auto name = csv.require_column("name");
    const auto kind = csv.require_column("kind");
    CHECK_FALSE(csv.find_column("parent_code").has_value());
    CHECK_FALSE(csv.find_column("Code").has_value());  // names are exact
    REQUIRE(csv.next());
    CHECK(csv.field(code) == "25");
    CHECK(csv.field(name) == "Tỉnh Phú Thọ");
    CHECK(csv.field(kind) == "province");
    CHECK_FALSE(csv.next());
  }
}

TEST_CASE("csv: blank lines are skipped wherever they are, and still counted") {
  const std::string text = "\n\r\na,b\n\n1,2\r\n\r\n\n3,4\n\n\r\n";
  CHECK(read_all(text) == rows{{"1", "2"}, {"3", "4"}});
  CHECK(record_lines(text) == std::vector<std::uint32_t>{5, 8});
  io::csv_reader csv(text, "t.csv");
  CHECK(csv.header() == std::vector<std::string>{"a", "b"});
  const auto missing = test::expect_throw<input_error>([&] { (void)csv.require_column("c"); });
  CHECK(std::string(missing.what()) == "t.csv:3:1: missing column 'c' (header is: a,b)");
  // A line of spaces is not blank: it is a record of one field.
  check_failure("a,b\n \n", "t.csv:2:1: expected 2 fields as in the header, got 1", "csv.field_count");
}

TEST_CASE("csv: empty fields, including the last one on a line and at the end of the text") {
  CHECK(read_all("a,b,c\n,,\n1,,\n,2,\n,,3") == rows{{"", "", ""}, {"1", "", ""}, {"", "2", ""}, {"", "", "3"}});
  CHECK(read_all("a,b\n1,") == rows{{"1", ""}});
  CHECK(read_all("a,b\n1,\"\"") == rows{{"1", ""}});
  CHECK(read_all("a,b\r\n1,\r\n") == rows{{"1", ""}});
  CHECK(read_all("a\nx") == rows{{"x"}});
  CHECK(read_all("a,b\n") == rows{});
  CHECK(read_all("a,b") == rows{});
}

TEST_CASE("csv: append_csv_field quotes only what needs it, and reads back the same") {
  auto written = [](std::string_view v) {
    std::string out;
    io::append_csv_field(out, v);
    return out;
  };
  CHECK(written("Tỉnh Phú Thọ") == "Tỉnh Phú Thọ");
  CHECK(written("") == "");
  CHECK(written(" spaces kept ") == " spaces kept ");
  CHECK(written("a,b") == "\"a,b\"");
  CHECK(written("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(written("two\nlines") == "\"two\nlines\"");
  CHECK(written("cr\ronly") == "\"cr\ronly\"");

  const std::vector<std::string> values{
      "Tỉnh Phú Thọ", "",           "a,b", "\"", "\"\"", "say \"hi\", then go", "two\nlines", "crlf\r\nline",
      "cr\ronly",     "trailing\r", "\n",  ",",  " x ",  "Phường Hòa Bình",     "=1+1",       std::string(10000, 'q')};
  std::string text = "value,index\r\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    io::append_csv_field(text, values[i]);
    text += ',';
    io::append_csv_field(text, std::to_string(i));
    text += i % 2 ? "\r\n" : "\n";
  }
  const auto back = read_all(text);
  REQUIRE(back.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO(i);
    CHECK(back[i] == std::vector<std::string>{values[i], std::to_string(i)});
  }
}

TEST_CASE("csv: a 1 MB field and a line of many fields are read whole") {
  const std::string big(1 << 20, 'x');
  CHECK(read_all("a,b\n" + big + ",1\n") == rows{{big, "1"}});
  CHECK(read_all("a,b\n\"" + big + "\",1\n") == rows{{big, "1"}});
  std::string quoted_big;
  for (int i = 0; i < (1 << 18); ++i) quoted_big += "\"\"ư\n";  // quotes, 2-byte text and line ends
  const auto back = read_all("a,b\n\"" + quoted_big + "\",1\n2,3\n");
  REQUIRE(back.size() == 2);
  std::string unescaped;
  for (int i = 0; i < (1 << 18); ++i) unescaped += "\"ư\n";
  CHECK(back[0][0] == unescaped);
  CHECK(record_lines("a,b\n\"" + quoted_big + "\",1\n2,3\n") == std::vector<std::uint32_t>{2, 2 + (1 << 18) + 1});

  // A header of 200,000 columns (1.4 MB on one line) is checked for duplicates in
  // linear time (comparing each name with all before it took minutes).
  std::string header, row;
  for (int i = 0; i < 200000; ++i) {
    header += (i ? ",c" : "c") + std::to_string(i);
    row += (i ? "," : "") + std::to_string(i);
  }
  const std::string text = header + "\n" + row + "\n";
  io::csv_reader csv(text, "t.csv");
  CHECK(csv.header().size() == 200000);
  CHECK(csv.require_column("c199999") == 199999);
  REQUIRE(csv.next());
  CHECK(csv.field(199999) == "199999");
  check_failure(header + ",c17\n", "t.csv:1:1488891: duplicate column 'c17' (also column 18)", "csv.duplicate_column");
}

TEST_CASE("csv: excerpt keeps error messages short and on one line") {
  CHECK(io::excerpt("Phường Hòa Bình") == "Phường Hòa Bình");
  CHECK(io::excerpt(std::string(64, 'x')) == std::string(64, 'x'));
  CHECK(io::excerpt(std::string(65, 'x')) == std::string(64, 'x') + "…");
  std::string viet;
  for (int i = 0; i < 100; ++i) viet += "ư";
  std::string viet64;
  for (int i = 0; i < 64; ++i) viet64 += "ư";
  CHECK(io::excerpt(viet) == viet64 + "…");  // cut between code points, never inside one
  CHECK(io::excerpt("a\nb\r\tc\x01\x7F") == "a\\nb\\r\\tc\\x01\\x7F");
  CHECK(io::excerpt("\357\273\277code") == "\\uFEFFcode");  // U+FEFF, EF BB BF in octal
  CHECK(io::excerpt("abcdef", 3) == "abc…");
  CHECK(io::excerpt("") == "");
}

// ---------------------------------------------------------------------------------------
// Bad paths: each with its exact message and stable id

TEST_CASE("csv: no header") {
  for (const auto& text : {""s, "\xEF\xBB\xBF"s, "\n"s, "\r\n\n\r\n"s}) {
    INFO(text.size());
    check_failure(text, "t.csv:1:1: empty file (expected a header line)", "csv.empty");
  }
}

TEST_CASE("csv: a header and no rows, where the loader needs rows") {
  CHECK(read_all("code,name,kind,parent_code\n").empty());  // fine for the reader itself
  for (const std::string text :
       {"code,name,kind,parent_code\n", "code,name,kind,parent_code", "code,name,kind,parent_code\r\n\r\n"}) {
    organization org(presets::vietnam_vocabulary());
    const auto e = test::expect_throw<input_error>([&] { io::read_units(org, text, "units.csv"); });
    CHECK(std::string(e.what()) == "units.csv:1:1: no units (expected at least one row after the header)");
    CHECK(e.id() == "units.empty");
  }
}

TEST_CASE("csv: a missing, duplicated or empty column name") {
  io::csv_reader csv("code,name\n1,x\n", "t.csv");
  const auto missing = test::expect_throw<input_error>([&] { (void)csv.require_column("kind"); });
  CHECK(std::string(missing.what()) == "t.csv:1:1: missing column 'kind' (header is: code,name)");
  CHECK(missing.id() == "csv.missing_column");
  // Separators other than ',' make one column; the header is shown with tabs escaped.
  io::csv_reader tabs("code\tname\n", "t.csv");
  CHECK(std::string(test::expect_throw<input_error>([&] { (void)tabs.require_column("code"); }).what()) ==
        "t.csv:1:1: missing column 'code' (header is: code\\tname)");

  check_failure("code,name,code\n", "t.csv:1:11: duplicate column 'code' (also column 1)", "csv.duplicate_column");
  check_failure("Mã,Tên,Tên\n", "t.csv:1:8: duplicate column 'Tên' (also column 2)", "csv.duplicate_column");
  check_failure(",name\n", "t.csv:1:1: empty column name in header", "csv.empty_column_name");
  check_failure("code,,name\n", "t.csv:1:6: empty column name in header", "csv.empty_column_name");
  check_failure("code,name,\n1,x,\n", "t.csv:1:11: empty column name in header", "csv.empty_column_name");
  check_failure("code,\"\"\n", "t.csv:1:6: empty column name in header", "csv.empty_column_name");
}

TEST_CASE("csv: an unterminated quote is reported where it opens") {
  const std::string message = "unterminated quoted field (no closing quote)";
  check_failure("a,b\n1,\"abc\n2,3\n", "t.csv:2:3: " + message, "csv.unterminated_quote");
  check_failure("\"a,b\n1,2\n", "t.csv:1:1: " + message, "csv.unterminated_quote");
  check_failure("a,b\n1,\"", "t.csv:2:3: " + message, "csv.unterminated_quote");
  check_failure("a,b\n1,\"ends with a doubled quote\"\"", "t.csv:2:3: " + message, "csv.unterminated_quote");
  check_failure("a,b\n1,\"x\ny\"\n2,\"Phường\nHòa Bình", "t.csv:4:3: " + message, "csv.unterminated_quote");
}

TEST_CASE("csv: text after a closing quote, and a quote inside an unquoted field") {
  const std::string after = "text after a closing quote (expected ',' or the end of the line)";
  check_failure("a,b\n1,\"abc\"d\n", "t.csv:2:8: " + after, "csv.text_after_quote");
  check_failure("a,b\n\"x\" ,2\n", "t.csv:2:4: " + after, "csv.text_after_quote");
  check_failure("a,b\n1,\"Hòa\"\"Bình\"x\n", "t.csv:2:14: " + after, "csv.text_after_quote");
  const std::string inside =
      "quote inside an unquoted field (expected the whole field in quotes, with \"\" for a quote)";
  check_failure("a,b\n1,ab\"c\n", "t.csv:2:5: " + inside, "csv.quote_in_unquoted_field");
  check_failure("a,b\n1, \"c\"\n", "t.csv:2:4: " + inside, "csv.quote_in_unquoted_field");
  check_failure("a,b\"\n", "t.csv:1:4: " + inside, "csv.quote_in_unquoted_field");
}

TEST_CASE("csv: a carriage return without a line feed") {
  const std::string message = "carriage return not followed by a line feed";
  check_failure("a,b\n1,a\rb\n", "t.csv:2:4: " + message, "csv.stray_carriage_return");
  check_failure("a,b\n1,2\r", "t.csv:2:4: " + message, "csv.stray_carriage_return");
  check_failure("a,b\r1,2\r", "t.csv:1:4: " + message, "csv.stray_carriage_return");  // old Mac line ends
  check_failure("a,b\n1,2\n\r", "t.csv:3:1: " + message, "csv.stray_carriage_return");
  check_failure("a,b\n1,2\n\r\r\n", "t.csv:3:1: " + message, "csv.stray_carriage_return");
  // After a closing quote too (this was reported as "text after a closing quote").
  check_failure("a,b\n1,\"x\"\r", "t.csv:2:6: " + message, "csv.stray_carriage_return");
  check_failure("a,b\n1,\"x\"\r2,3\n", "t.csv:2:6: " + message, "csv.stray_carriage_return");
  // Inside quotes a lone CR is data.
  CHECK(read_all("a,b\n1,\"x\ry\"\n") == rows{{"1", "x\ry"}});
}

TEST_CASE("csv: invalid UTF-8 is reported at its first byte, wherever it is") {
  const std::string expected = " (expected UTF-8 text)";
  struct bad {
    std::string text;
    std::string where_and_byte;
  };
  const std::vector<bad> cases{
      {"a,b\n1,x\x80y\n", "t.csv:2:4: invalid UTF-8 byte 0x80"},            // lone continuation byte
      {"a,b\n1,\xBF\n", "t.csv:2:3: invalid UTF-8 byte 0xBF"},              // another
      {"a,b\n1,\xC0\xAF\n", "t.csv:2:3: invalid UTF-8 byte 0xC0"},          // overlong '/', 2 bytes
      {"a,b\n1,\xC1\xBF\n", "t.csv:2:3: invalid UTF-8 byte 0xC1"},          // overlong, 2 bytes
      {"a,b\n1,\xE0\x80\xAF\n", "t.csv:2:3: invalid UTF-8 byte 0xE0"},      // overlong, 3 bytes
      {"a,b\n1,\xF0\x80\x80\xAF\n", "t.csv:2:3: invalid UTF-8 byte 0xF0"},  // overlong, 4 bytes
      {"a,b\nTỉnh,\xED\xA0\x80\n", "t.csv:2:6: invalid UTF-8 byte 0xED"},   // surrogate U+D800
      {"a,b\n1,\xED\xBF\xBF\n", "t.csv:2:3: invalid UTF-8 byte 0xED"},      // surrogate U+DFFF
      {"a,b\n1,\xF4\x90\x80\x80\n", "t.csv:2:3: invalid UTF-8 byte 0xF4"},  // above U+10FFFF
      {"a,b\n1,\xF5\x80\x80\x80\n", "t.csv:2:3: invalid UTF-8 byte 0xF5"},  // never valid
      {"a,b\n1,\xFF\n", "t.csv:2:3: invalid UTF-8 byte 0xFF"},              // never valid
      {"a,b\n1,Ph\xC6", "t.csv:2:5: invalid UTF-8 byte 0xC6"},              // truncated at the end, 2 bytes
      {"a,b\n1,\xE1\xBB", "t.csv:2:3: invalid UTF-8 byte 0xE1"},            // truncated at the end, 3 bytes
      {"a,b\n1,\xF0\x9F\x98", "t.csv:2:3: invalid UTF-8 byte 0xF0"},        // truncated at the end, 4 bytes
      {"a,b\n1,\xE1\xBB,x\n", "t.csv:2:3: invalid UTF-8 byte 0xE1"},        // truncated before a comma
      {"a,b\nX\xE3 Th\xECnh,1\n", "t.csv:2:2: invalid UTF-8 byte 0xE3"},    // Latin-1 / Windows-1258
      {"c\364de,b\n1,2\n", "t.csv:1:2: invalid UTF-8 byte 0xF4"},            // in the header (0xF4 in octal)
      {"\357\273\277a,\x80\n", "t.csv:1:3: invalid UTF-8 byte 0x80"},        // after a BOM (EF BB BF)
      {"\357\273a,b\n", "t.csv:1:1: invalid UTF-8 byte 0xEF"},               // half a BOM
      {"a,b\n1,\"x\ny\",\xC3\n", "t.csv:3:4: invalid UTF-8 byte 0xC3"},  // after a multi-line field
      {"a,b\nTỉnh Phú Thọ,Phường Hòa\xC3", "t.csv:2:24: invalid UTF-8 byte 0xC3"},
  };
  for (const auto& c : cases) {
    INFO(c.where_and_byte);
    check_failure(c.text, c.where_and_byte + expected, "csv.invalid_utf8");
  }
  // Valid edge cases: the largest code point, the last before the surrogates, 4-byte text.
  CHECK(read_all("a\n\xF4\x8F\xBF\xBF\n\xED\x9F\xBF\n😀\n") == rows{{"\xF4\x8F\xBF\xBF"}, {"\xED\x9F\xBF"}, {"😀"}});
  // UTF-16 (as spreadsheets save "Unicode text") is named as such.
  check_failure("\377\376a\0,\0b\0"s,  // FF FE, then "a,b" in UTF-16LE
                "t.csv:1:1: invalid UTF-8 byte 0xFF (expected UTF-8 text; this file is UTF-16, save it as UTF-8)",
                "csv.invalid_utf8");
  check_failure("\xFE\xFF\0a\0,\0b"s,
                "t.csv:1:1: invalid UTF-8 byte 0xFE (expected UTF-8 text; this file is UTF-16, save it as UTF-8)",
                "csv.invalid_utf8");
}

TEST_CASE("csv: a bad byte anywhere in long Vietnamese text is reported at its first byte") {
  // Records of Vietnamese text (ASCII runs and two- and three-byte letters); one bad
  // sequence put at many offsets, in several check windows (64 KiB) and word positions.
  std::string good = "id,title\n";
  for (int i = 0; good.size() < 150000; ++i)
    good += std::to_string(i) + ",Kiến nghị về đầu tư trường học và chuyển đổi số (số " + std::to_string(i) + ") 😀\n";
  const std::array<std::string, 6> bad_sequences{"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xE1\x80", "\xF4\x90\x80\x80", "\0"s};
  std::uint64_t seed = 11;
  auto next = [&] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL, seed >> 33; };
  for (int round = 0; round < 300; ++round) {
    // An offset at the start of a code point inside a record, after the header.
    std::size_t at = 9 + next() % (good.size() - 9);
    while ((static_cast<unsigned char>(good[at]) & 0xC0) == 0x80 || good[at] == '\n' || good[at] == ',') ++at;
    const auto& bad = bad_sequences[next() % bad_sequences.size()];
    const std::string text = good.substr(0, at) + bad + good.substr(at);
    const auto line_start = text.rfind('\n', at - 1) + 1;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const auto column = 1 + detail::count_code_points(std::string_view(text).substr(line_start, at - line_start));
    INFO("offset " << at << ", bad " << hex_bytes(bad));
    const auto e = failure(text);
    const std::string prefix = "t.csv:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    CHECK(std::string(e.what()).starts_with(prefix));
    CHECK(e.id() == (bad == "\0"s ? "csv.nul_byte" : "csv.invalid_utf8"));
  }
  CHECK(read_all(good).size() > 1000);
}

TEST_CASE("csv: a NUL byte") {
  const std::string message = "NUL byte in text (expected UTF-8 text without NUL)";
  check_failure("a,b\n1,x\0y\n"s, "t.csv:2:4: " + message, "csv.nul_byte");
  check_failure("a,b\0\n"s, "t.csv:1:4: " + message, "csv.nul_byte");
  check_failure("a,b\n1,\"Hòa\0\"\n"s, "t.csv:2:7: " + message, "csv.nul_byte");  // quoting does not hide it
  check_failure("a,b\n1,2\n\0"s, "t.csv:3:1: " + message, "csv.nul_byte");
}

TEST_CASE("csv: too few or too many fields") {
  check_failure("a,b,c\n1,2\n", "t.csv:2:3: expected 3 fields as in the header, got 2", "csv.field_count");
  check_failure("a,b,c\nxyz\n", "t.csv:2:1: expected 3 fields as in the header, got 1", "csv.field_count");
  check_failure("a,b,c\n1,2,3\n4,\"5\n5\"\n", "t.csv:3:3: expected 3 fields as in the header, got 2",
                "csv.field_count");
  // Too many: the first field too many is pointed at (it was the last one).
  check_failure("a,b,c\n1,2,3,4\n", "t.csv:2:7: expected 3 fields as in the header, got 4", "csv.field_count");
  check_failure("a,b,c\n1,2,3,4,5\n", "t.csv:2:7: expected 3 fields as in the header, got 5", "csv.field_count");
  check_failure("a,b,c\n1,2,3,\n", "t.csv:2:7: expected 3 fields as in the header, got 4", "csv.field_count");
  check_failure("a\n1,\n", "t.csv:2:3: expected 1 field as in the header, got 2", "csv.field_count");
}

TEST_CASE("csv: columns count code points, so Vietnamese text points where an editor does") {
  // "Tỉnh Phú Thọ," is 13 code points (19 bytes), "Phường Hòa Bình," 16 (23 bytes).
  check_failure(
      "a,b,c\nTỉnh Phú Thọ,Phường Hòa Bình,x\"y\n",
      "t.csv:2:31: quote inside an unquoted field (expected the whole field in quotes, with \"\" for a quote)",
      "csv.quote_in_unquoted_field");
  check_failure("Mã,Tên\nĐặc khu Phú Quốc,Ủy ban\rx\n", "t.csv:2:24: carriage return not followed by a line feed",
                "csv.stray_carriage_return");
  check_failure("a,b,c\n\"Đặc khu\nPhú Quốc\",2,3,4\n", "t.csv:3:15: expected 3 fields as in the header, got 4",
                "csv.field_count");
  // Decomposed text (NFD) has more code points than it shows: 'ò' is 'o' + U+0300.
  check_failure("a,b\nHo\xCC\x80\141,x\"\n",  // "Hòa" as H, o, U+0300, a ('a' in octal)
                "t.csv:2:7: quote inside an unquoted field (expected the whole field in quotes, with \"\" for a quote)",
                "csv.quote_in_unquoted_field");
  // 4-byte characters are one column each.
  check_failure("a,b\n😀😀,\"x\"y\n", "t.csv:2:7: text after a closing quote (expected ',' or the end of the line)",
                "csv.text_after_quote");
}

TEST_CASE("csv: errors after a very long field or on a very long line point at the right column") {
  const std::string big(1 << 20, 'x');
  check_failure("a,b\n" + big + ",\"1\"2\n",
                "t.csv:2:1048581: text after a closing quote (expected ',' or the end of the line)",
                "csv.text_after_quote");
  check_failure("a,b\n\"" + big + "\n", "t.csv:2:1: unterminated quoted field (no closing quote)",
                "csv.unterminated_quote");
  check_failure("a,b\n1,\"" + big + "\"x\n",
                "t.csv:2:1048581: text after a closing quote (expected ',' or the end of the line)",
                "csv.text_after_quote");
  std::string viet;
  for (int i = 0; i < (1 << 19); ++i) viet += "ư";  // 1 MB, half as many code points
  check_failure("a,b\n" + viet + ",\x80\n", "t.csv:2:524290: invalid UTF-8 byte 0x80 (expected UTF-8 text)",
                "csv.invalid_utf8");
  std::string many = "a,b\n1";
  for (int i = 0; i < 200000; ++i) many += ",2";
  check_failure(many + "\n", "t.csv:2:5: expected 2 fields as in the header, got 200001", "csv.field_count");

  // A loader quotes at most 64 code points of a 1 MB field, and says how long a code is.
  organization org(presets::vietnam_vocabulary());
  const auto kind = test::expect_throw<input_error>(
      [&] { io::read_units(org, "code,name,kind,parent_code\n25,Tỉnh Phú Thọ," + big + ",\n", "units.csv"); });
  CHECK(std::string(kind.what()) == "units.csv:2:17: unknown unit kind '" + std::string(64, 'x') +
                                        "…' (expected one of: province, municipality, commune, ward, special_zone)");
  CHECK(kind.id() == "units.unknown_kind");
  const auto code = test::expect_throw<input_error>([&] {
    io::read_units(org, "code,name,kind,parent_code\n" + std::string(65, '9') + ",Tỉnh Phú Thọ,province,\n",
                   "units.csv");
  });
  CHECK(std::string(code.what()) ==
        "units.csv:2:1: bad unit code '" + std::string(64, '9') + "…' (65 characters; expected at most 64)");
  CHECK(code.id() == "units.bad_code");
  const auto space = test::expect_throw<input_error>(
      [&] { io::read_units(org, "code,name,kind,parent_code\n04 795,Tỉnh Phú Thọ,province,\n", "units.csv"); });
  CHECK(std::string(space.what()) ==
        "units.csv:2:1: bad unit code '04 795' (expected printable ASCII without spaces, '/', '#', ';', ',' or '\"')");
}

// ---------------------------------------------------------------------------------------
// What the loaders that parse ahead rely on: newline counts, reread, kept fields, the
// pipeline, and the huge-page allocator of their tables.

TEST_CASE("csv: estimated_records sizes tables from a sample, with room to spare and within a bound") {
  // 1,000 records of 10 bytes after a 20-byte header: 10,000 bytes hold ~1,000, sized 1,125.
  CHECK(detail::estimated_records(10'020, 100, 20, 1'010, 3) == 1'125);
  CHECK(detail::estimated_records(10'020, 100, 20, 1'010, 100) == 100);  // never more than one per `fields` bytes, never less than the sample
  CHECK(detail::estimated_records(50, 1, 0, 0, 3) == 1);
}

TEST_CASE("csv: reread gives a record read earlier, its fields and their positions as they were") {
  const std::string text = "a,b\n1,2\n\"x\"\"y\",\"3\n4\"\n5,6\n";
  io::csv_reader csv(text, "t.csv");
  REQUIRE(csv.next());
  CHECK(!csv.escaped(0));
  REQUIRE(csv.next());
  const auto offset = csv.record_offset();
  const auto line = csv.line();
  CHECK(csv.escaped(0));
  CHECK(!csv.escaped(1));
  const auto where = csv.position(1);
  REQUIRE(csv.next());
  CHECK(csv.field(0) == "5");
  CHECK(!csv.next());
  const auto again = csv.reread(offset, line);
  CHECK(again.field(0) == "x\"y");
  CHECK(again.field(1) == "3\n4");
  CHECK(again.line() == 3);
  CHECK(again.position(1) == where);
  CHECK(std::string(test::expect_throw<input_error>([&] { again.fail(1, "t.id", "bad"); }).what()) == "t.csv:3:8: bad");
}

TEST_CASE("csv: kept_fields keeps views of the text, and copies of fields with doubled quotes") {
  const std::string text = "a,b\nplain,\"q\"\"q\"\n";
  io::csv_reader csv(text, "t.csv");
  REQUIRE(csv.next());
  detail::kept_fields kept;
  const auto plain = kept.keep(csv, 0), quoted = kept.keep(csv, 1);
  CHECK(!csv.next());  // the record's own buffer is gone
  CHECK(kept.view(plain, text) == "plain");
  CHECK(kept.view(quoted, text) == "q\"q");
  CHECK(!plain.copied());
  CHECK(quoted.copied());
  // Counted from a base: the block of a chunk that begins at the second record.
  io::csv_reader from(text, "t.csv");
  REQUIRE(from.next());
  kept.clear(from.record_offset());
  const auto based = kept.keep(from, 0);
  CHECK(kept.view(based, text) == "plain");
  CHECK(based.size() == 5);
}

namespace {

// The numbers 0..count-1 as a CSV file of one column, every fifth in quotes with a line
// break inside ("3\nx"), read in chunks of `chunk_bytes` by `threads` (see
// detail::run_chunks) with a csv_reader per chunk: fill throws when it reaches
// `fill_fails_at`, naming the line it read it on; use when it reaches `use_fails_at`.
// Returns what use saw, as "value@line", and the message of what was thrown ("" if nothing).
std::pair<std::vector<std::string>, std::string> run_numbers(unsigned threads, std::size_t chunk_bytes, int count, int fill_fails_at,
                                                             int use_fails_at) {
  std::string text = "n\n";
  for (int i = 0; i < count; ++i) text += i % 5 == 3 ? "\"" + std::to_string(i) + "\nx\"\n" : std::to_string(i) + "\n";
  const io::csv_reader csv(text, "n.csv");
  std::vector<std::vector<std::pair<int, std::uint32_t>>> blocks(detail::chunk_slots(threads));
  std::vector<std::string> seen;
  auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
    auto& block = blocks[slot];
    block.clear();
    auto records = csv.at(chunk.begin, chunk.first_line, chunk.horizon);
    while (records.next_offset() < chunk.limit && records.next()) {
      const int n = std::stoi(std::string(records.field(0)));
      if (n == fill_fails_at) throw std::runtime_error("fill " + std::to_string(n) + " on line " + std::to_string(records.line()));
      block.emplace_back(n, records.line());
    }
    return detail::chunk_end{records.next_offset(), records.next_line() - chunk.first_line};
  };
  auto use = [&](std::size_t slot, const detail::filled_chunk& chunk) {
    for (const auto& [n, line] : blocks[slot]) {
      if (n == use_fails_at) throw std::runtime_error("use " + std::to_string(n));
      seen.push_back(std::to_string(n) + "@" + std::to_string(line + chunk.line_shift));
    }
  };
  try {
    detail::run_chunks(text, {csv.next_offset(), csv.next_line(), chunk_bytes, threads}, fill, use);
  } catch (const std::runtime_error& e) {
    return {seen, e.what()};
  }
  return {seen, ""};
}

// What run_numbers's use sees of the first n numbers: each on its line.
std::vector<std::string> numbered(int n) {
  std::vector<std::string> v;
  std::uint32_t line = 2;
  for (int i = 0; i < n; ++i) {
    v.push_back(std::to_string(i) + "@" + std::to_string(line));
    line += i % 5 == 3 ? 2 : 1;
  }
  return v;
}

}  // namespace

TEST_CASE("chunks: records used in order and on their lines, whatever the chunk size and threads; errors in order") {
  // Chunks of 1 byte begin at every line, many inside a quoted field: filled ahead from
  // there, then again from where the chunk before ended.
  for (const unsigned threads : {1u, 2u, 3u}) {
    for (const std::size_t chunk_bytes : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}, std::size_t{1} << 20}) {
      CAPTURE(threads);
      CAPTURE(chunk_bytes);
      for (const int count : {0, 1, 4, 5, 100}) CHECK(run_numbers(threads, chunk_bytes, count, -1, -1) == std::pair{numbered(count), ""s});
      // Fill fails: the numbers before it are used first, and its message has the text's line.
      CHECK(run_numbers(threads, chunk_bytes, 100, 45, -1) == std::pair{numbered(45), "fill 45 on line 56"s});
      CHECK(run_numbers(threads, chunk_bytes, 100, 0, -1) == std::pair{numbered(0), "fill 0 on line 2"s});
      CHECK(run_numbers(threads, chunk_bytes, 100, 99, -1) == std::pair{numbered(99), "fill 99 on line 121"s});
      // Use fails first: its error wins, even if a fill, ahead, has failed too.
      CHECK(run_numbers(threads, chunk_bytes, 100, -1, 30) == std::pair{numbered(30), "use 30"s});
      CHECK(run_numbers(threads, chunk_bytes, 100, 40, 30) == std::pair{numbered(30), "use 30"s});
    }
    CHECK(run_numbers(threads, 64, 100000, -1, 3) == std::pair{numbered(3), "use 3"s});  // the fills stop, far from the end
    CHECK(run_numbers(threads, SIZE_MAX, 100, -1, -1) == std::pair{numbered(100), ""s});  // one chunk, whatever the size
  }
  // A quoted field that holds many chunks' worth of line breaks: every chunk begun
  // inside it is filled again.
  std::string text = "a,b\n1,\"" + std::string(5000, '\n') + "\"\n2,x\n";
  const io::csv_reader csv(text, "q.csv");
  for (const unsigned threads : {1u, 2u}) {
    std::size_t cut = 0;  // fills with a horizon before the text's end
    std::vector<std::vector<std::pair<std::string, std::uint32_t>>> blocks(detail::chunk_slots(threads));
    std::vector<std::string> seen;
    auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
      blocks[slot].clear();
      // A chunk filled ahead reads at most two chunks past its limit, not to the field's end.
      if (chunk.horizon != text.size()) CHECK(chunk.horizon <= std::max(chunk.limit, chunk.begin) + 200);
      if (chunk.horizon != text.size()) ++cut;
      auto records = csv.at(chunk.begin, chunk.first_line, chunk.horizon);
      while (records.next_offset() < chunk.limit && records.next()) blocks[slot].emplace_back(records.field(0), records.line());
      return detail::chunk_end{records.next_offset(), records.next_line() - chunk.first_line};
    };
    auto use = [&](std::size_t slot, const detail::filled_chunk& chunk) {
      for (const auto& [value, line] : blocks[slot]) seen.push_back(value + "@" + std::to_string(line + chunk.line_shift));
    };
    detail::run_chunks(text, {csv.next_offset(), csv.next_line(), 100, threads}, fill, use);
    CHECK(seen == std::vector<std::string>{"1@2", "2@5003"});
    if (threads > 1) CHECK(cut > 0);
  }
  // A record that runs two chunks past the limit: a quoted field with line breaks, then a
  // long unquoted one. A fill ahead stops at its horizon inside it, where the record looks
  // whole (as at the text's end); it is filled again, whole.
  const std::string long_text = "a,b\n\"q" + std::string(150, '\n') + "\"," + std::string(1000, 'x') + "\n2,y\n";
  const io::csv_reader long_csv(long_text, "l.csv");
  for (const unsigned threads : {1u, 2u, 3u}) {
    std::vector<std::vector<std::string>> blocks(detail::chunk_slots(threads));
    std::vector<std::string> seen;
    auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
      blocks[slot].clear();
      auto records = long_csv.at(chunk.begin, chunk.first_line, chunk.horizon);
      while (records.next_offset() < chunk.limit && records.next()) blocks[slot].emplace_back(records.field(1));
      return detail::chunk_end{records.next_offset(), records.next_line() - chunk.first_line};
    };
    auto use = [&](std::size_t slot, const detail::filled_chunk&) { seen.insert(seen.end(), blocks[slot].begin(), blocks[slot].end()); };
    detail::run_chunks(long_text, {long_csv.next_offset(), long_csv.next_line(), 100, threads}, fill, use);
    CHECK(seen == std::vector<std::string>{std::string(1000, 'x'), "y"});
  }
}

namespace {
// The block-at-a-time scans this processor can run, by name (scan_utf8 picks the widest).
std::vector<std::pair<const char*, detail::utf8_scan (*)(std::string_view, std::size_t, std::size_t)>> utf8_scans() {
  std::vector<std::pair<const char*, detail::utf8_scan (*)(std::string_view, std::size_t, std::size_t)>> scans{
      {"scan_utf8", detail::scan_utf8}};
#if LOCALGOV_UTF8_SSSE3
  if (detail::has_ssse3()) scans.emplace_back("ssse3", detail::scan_utf8_ssse3);
  if (detail::has_avx2()) scans.emplace_back("avx2", detail::scan_utf8_avx2);
#endif
  return scans;
}
}  // namespace

TEST_CASE("utf8 scan: 16, 32 and 64 bytes at a time, the same bad byte and stop as byte by byte") {
  for (const auto& [name, scan] : utf8_scans()) {
    CAPTURE(name);
    // Characters of 1 to 4 bytes and every kind of bad sequence: overlong, surrogate, above
    // U+10FFFF, stray continuation, cut short, bytes never in UTF-8, NUL.
    const std::vector<std::string> good = {"a", ",", "\n", "ế", "Đ", "\xC2\x80", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                           "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
    const std::vector<std::string> bad = {std::string(1, '\0'), "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80",
                                          "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                                          "\xF5\x80\x80\x80", "\xFF", "\xC2", "\xE1\x80", "\xF0\x90\x80", "\xC2\xC2\x80"};
    std::mt19937_64 rng(7);
    std::size_t compared = 0, with_bad = 0;
    for (int t = 0; t < 60000; ++t) {
      std::string text;
      const std::size_t pieces = rng() % 90;
      const bool clean = t % 3 == 0;
      for (std::size_t k = 0; k < pieces; ++k)
        text += !clean && rng() % 40 == 0 ? bad[rng() % bad.size()] : good[rng() % (t % 2 ? good.size() : 3)];
      // From a character's start (the reader's checks start at record starts), to anywhere.
      std::size_t from = rng() % (text.size() + 1);
      while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
      const std::size_t to = from + rng() % (text.size() - from + 1);
      const auto expected = detail::scan_utf8_bytewise(text, from, to), got = scan(text, from, to);
      ++compared;
      with_bad += expected.bad != std::string_view::npos;
      if (expected.bad != got.bad || expected.stopped != got.stopped) {
        const auto bytes = hex_bytes(text);
        CAPTURE(bytes);
        CAPTURE(from);
        CAPTURE(to);
        CHECK(got.bad == expected.bad);
        CHECK(got.stopped == expected.stopped);
        break;
      }
    }
    CHECK(compared == 60000);
    CHECK(with_bad > 5000);   // the bad paths are taken, not only the good ones
    // A bad byte at every place of a long Vietnamese line, across the blocks of 16 and 32
    // and the two halves of a block of 32 or of a step of 64.
    const std::string line = "Kiến nghị về Văn hóa, thể thao và du lịch (số 12345), Phường Đông Ngàn\n";
    for (std::size_t at = 0; at < line.size(); ++at) {
      for (const char byte : {'\0', '\x80', '\xFF'}) {
        std::string text = line + line;
        text[line.size() + at] = byte;
        const auto expected = detail::scan_utf8_bytewise(text, 0, text.size());
        const auto got = scan(text, 0, text.size());
        CHECK(got.bad == expected.bad);
        CHECK(got.stopped == expected.stopped);
      }
    }
  }
}

TEST_CASE("csv delimiters: found 64 bytes at a time, the same as byte by byte, never past the text") {
  // Texts of every length around the window's 64 bytes, delimiters dense and sparse, UTF-8
  // and bytes >= 0x80 (signed chars must not compare as delimiters); every position asked,
  // in order and at random (a reader jumps past quoted fields and goes back with at()).
  const std::string alphabet = ",\"\n\rab\x80\xFF\x7F\0";
  std::mt19937_64 rng(11);
  std::size_t asked = 0, wrong = 0;
  for (int t = 0; t < 3000; ++t) {
    const std::size_t size = t < 200 ? static_cast<std::size_t>(t) : rng() % 400;
    const std::size_t kinds = t % 2 ? alphabet.size() : 4 + rng() % 6;  // sometimes no delimiters at all
    std::string text;
    for (std::size_t k = 0; k < size; ++k)
      text += rng() % 8 == 0 || t % 2 ? alphabet[rng() % kinds] : alphabet[4 + rng() % (alphabet.size() - 4)];
    auto expected = [&](std::size_t pos) {
      while (pos < text.size() && !detail::is_csv_delimiter(text[pos])) ++pos;
      return pos;
    };
    detail::csv_delimiter_finder in_order, at_random;
    for (std::size_t pos = 0; pos <= text.size(); ++pos, ++asked) wrong += in_order.find(text, pos) != expected(pos);
    for (int k = 0; k < 50; ++k, ++asked) {
      const std::size_t pos = rng() % (text.size() + 1);
      wrong += at_random.find(text, pos) != expected(pos);
    }
    // The finder told of a shorter text (csv_reader::at cuts one) reads nothing past it.
    const std::string_view cut = std::string_view(text).substr(0, text.size() / 2);
    in_order.reset();
    for (std::size_t pos = 0; pos <= cut.size(); ++pos, ++asked)
      wrong += in_order.find(cut, pos) != std::min(expected(pos), cut.size());
  }
  CHECK(asked > 500000);
  CHECK(wrong == 0);
  std::array<char, 64> block{};
  for (std::size_t i = 0; i < block.size(); ++i) block[i] = alphabet[(i * 7) % alphabet.size()];
  CHECK(detail::csv_delimiter_bits(block.data()) == detail::csv_delimiter_bits_bytewise(block.data()));
}

TEST_CASE("big_allocator: small and huge blocks hold what they are given, huge ones aligned to a huge page") {
  detail::big_vector<std::uint32_t> v;
  for (std::uint32_t i = 0; i < 3'000'000; ++i) v.push_back(i * 7);  // grows from the heap into mapped blocks
  bool same = true;
  for (std::uint32_t i = 0; i < v.size(); ++i) same = same && v[i] == i * 7;
  CHECK(same);
  if constexpr (detail::maps_huge_pages)
    CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % detail::huge_page_bytes == 0);
  auto copy = v;
  CHECK(copy == v);
  detail::big_string s(5'000'000, 'x');
  s += "end";
  CHECK(std::string_view(s).substr(s.size() - 4) == "xend");
  detail::big_vector<std::uint32_t>().swap(v);
  CHECK(v.capacity() == 0);
}

TEST_CASE("big_allocator: a huge block let go of is used again for the next of its size") {
  if constexpr (detail::maps_huge_pages) {
    const void* first = nullptr;
    {
      detail::big_vector<std::uint64_t> a(300000, 1);  // 2.4 MB: a mapping of two huge pages
      first = a.data();
    }
    detail::big_vector<std::uint64_t> b(300000, 2);
    CHECK(static_cast<const void*>(b.data()) == first);
    CHECK(std::all_of(b.begin(), b.end(), [](std::uint64_t x) { return x == 2; }));
    detail::big_vector<std::uint64_t> c(300000, 3);  // the other one is in use: a new mapping
    CHECK(static_cast<const void*>(c.data()) != first);
    CHECK(std::all_of(c.begin(), c.end(), [](std::uint64_t x) { return x == 3; }));
    // Without memory made ready, a loader's block is a huge page at least, one, whole.
    if (!detail::ready_mapping::instance().opened()) {
      detail::big_vector<std::uint32_t> d;
      detail::reserve_block(d, std::size_t{1} << 20);
      CHECK(d.capacity() * sizeof(std::uint32_t) == detail::huge_page_bytes);
      CHECK(reinterpret_cast<std::uintptr_t>(d.data()) % detail::huge_page_bytes == 0);
    }
  }
}

TEST_CASE("same_bytes: equal keys of every length, and keys differing in any one byte") {
  for (std::size_t n = 0; n <= 24; ++n) {
    const std::string a(n, 'k');
    CHECK(detail::same_bytes(a, std::string(n, 'k')));
    CHECK(!detail::same_bytes(a, std::string(n + 1, 'k')));
    for (std::size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = 'j';
      CHECK(!detail::same_bytes(a, b));
    }
  }
}

TEST_CASE("date_field_reader: the dates and errors of parse_date_field, repeated texts read once") {
  // Sorted with repeats, as events are; a date differing from the one before in its last
  // byte only, and in its first; then an impossible date of the same length as the rest.
  const std::string text =
      "id,on\n"
      "1,2026-01-01\n2,2026-01-01\n3,2026-01-02\n4,2026-01-02\n5,2026-01-12\n6,3026-01-12\n7,2026-01-12\n"
      "8,2026-1-3\n9,2026-01-12\n10,2026-02-30\n";
  io::csv_reader once(text, "dates.csv"), each(text, "dates.csv");
  io::date_field_reader dates;
  std::size_t rows = 0;
  for (;;) {
    REQUIRE(once.next() == each.next());
    if (once.line() == 9 || once.line() == 11) {  // bad dates: the same error, at the same place
      const auto expected = test::expect_throw<input_error>([&] { (void)io::parse_date_field(each, 1, "date"); });
      const auto got = test::expect_throw<input_error>([&] { (void)dates(once, 1, "date"); });
      CHECK(std::string(got.what()) == expected.what());
      CHECK(got.where().line == expected.where().line);
      CHECK(got.where().column == expected.where().column);
      if (once.line() == 11) break;
      continue;
    }
    CHECK(dates(once, 1, "date") == io::parse_date_field(each, 1, "date"));
    ++rows;
  }
  CHECK(rows == 8);
}

TEST_CASE("control characters: found in ids and refused, escaped wherever text is shown") {
  using localgov::detail::first_control;
  constexpr auto none = std::string_view::npos;
  CHECK(first_control("PT-2025-001") == none);
  CHECK(first_control("Phường Hòa Bình, Tỉnh Phú Thọ — “đề xuất”") == none);
  CHECK(first_control("a\tb") == 1);
  CHECK(first_control("0123456789abcdef\x1b[31m") == 16);  // past the eight-byte steps
  CHECK(first_control("0123456789abcdef\x7f") == 16);
  CHECK(first_control("x\xc2\x85y") == 1);          // U+0085, a C1 line break
  CHECK(first_control("PT-\xe2\x80\xae" "1") == 3);  // U+202E, right-to-left override
  CHECK(first_control("\xe2\x81\xa6x") == 0);        // U+2066
  CHECK(first_control("\xd8\x9c") == 0);             // U+061C
  CHECK(first_control("\xc2\xa0\xe2\x80\x94") == none);  // no-break space, em dash: printable
  CHECK(io::identifier_problem("proposal id", "PT-1").empty());
  CHECK(io::identifier_problem("proposal id", " PT-1") ==
        "proposal id ' PT-1' begins or ends with a space (expected none: ' P-1' and 'P-1' would be two ids)");
  CHECK(io::identifier_problem("rule id", "a\x1b[2Jb") ==
        "rule id 'a\\x1B[2Jb' has a control character at character 2 (expected printable text: no tabs, line breaks, "
        "terminal or direction controls)");
  CHECK(io::excerpt("PT-\xe2\x80\xae" "1") == "PT-\\u202E1");
  CHECK(io::shown("Phường Hòa Bình") == "Phường Hòa Bình");
  CHECK(io::shown(std::string(100, 'x') + "\t") == std::string(100, 'x') + "\\t");  // whole, never cut
  reports::table t({{"id"}, {"name"}});
  t.add_row({"a\tb", "x\x1b[31my"});
  const auto text = t.text();
  CHECK(text.starts_with("id    name\n"));
  CHECK(text.ends_with("\na\\tb  x\\x1B[31my\n"));  // aligned as shown: "a\tb" is four characters wide
  CHECK(t.markdown().find("| a\\tb | x\\x1B[31my |") != std::string::npos);
  CHECK(t.csv() == "id,name\na\tb,x\x1b[31my\n");  // data stays data
}
