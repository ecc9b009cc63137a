// The `localgov` program as a user runs it: usage, `validate` on the real data and on
// broken inputs (each with its exact message and exit status 2), truncated files, `find`.
#include "cli_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace test::files;

namespace {

// The real units file, and where its line `n` (from 1) starts.
const std::string& units_text() {
  static const std::string text = localgov::io::read_file(units);
  return text;
}
std::size_t line_start(std::size_t n) {
  std::size_t at = 0;
  for (std::size_t line = 1; line < n; ++line) at = units_text().find('\n', at) + 1;
  return at;
}

const std::string units_header = "code,name,kind,parent_code\n";

}  // namespace

TEST_CASE("cli: the overview, and commands that do not exist") {
  SUBCASE("--help prints the overview on stdout and exits 0") {
    for (const char* flag : {"--help", "-h", "help"}) {
      INFO(flag);
      const auto r = test::run({flag});
      CHECK(r.status == 0);
      CHECK(r.out.starts_with("usage: localgov COMMAND [OPTIONS]\n"));
      CHECK(r.out.find("\n  validate ") != std::string::npos);
      CHECK(r.out.find("\n  find ") != std::string::npos);
      CHECK(r.out.find("Exit status: 0 success, 2 bad input or usage, 1 other failures.") != std::string::npos);
      CHECK(r.err.empty());
    }
  }
  SUBCASE("no command: the overview on stderr, exit 2") {
    const auto r = test::run({});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("usage: localgov COMMAND [OPTIONS]\n"));
  }
  SUBCASE("an unknown command is named, with the commands there are") {
    const auto r = test::run({"valdate", "--units", units});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("localgov: unknown command 'valdate' (expected one of: validate find"));
    CHECK(r.err.ends_with("; see: localgov --help)\n"));
    CHECK(test::lines_of(r.err).size() == 1);
  }
}

TEST_CASE("cli: every command has --help with its usage and an example") {
  for (const std::string command : {"validate", "find"}) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{command, "--help"}, {command, "-h"}, {command, "--units", units, "--help"}}) {
      INFO(args.back() << " " << args.size());
      const auto r = test::run(args);
      CHECK(r.status == 0);
      CHECK(r.out.starts_with("usage: localgov " + command + " --units FILE"));
      CHECK(r.out.find("\noptions:\n") != std::string::npos);
      CHECK(r.out.find("\nexample:\n  localgov " + command + " --units data/vn-2025/units.csv") != std::string::npos);
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("cli: usage errors name the option and exit 2") {
  test::check_usage_errors({
      {{"validate", "--unit", units}, "localgov: unknown option --unit for 'validate' (see: localgov validate --help)"},
      {{"validate", "-u", units},
       "localgov: unknown option -u (options are spelled --name; see: localgov validate --help)"},
      {{"validate"}, "localgov: missing --units FILE (see: localgov validate --help)"},
      {{"validate", "--officials", officials}, "localgov: missing --units FILE (see: localgov validate --help)"},
      {{"validate", "--units", units, "--units", units}, "localgov: option --units given twice"},
      {{"validate", "--units=" + units, "--units", units}, "localgov: option --units given twice"},
      {{"validate", "--units"}, "localgov: option --units needs a value (FILE)"},
      {{"validate", "--units="}, "localgov: option --units needs a value (FILE)"},
      {{"validate", "--units", ""}, "localgov: option --units needs a value (FILE)"},
      {{"validate", "--units", units, "--officials"}, "localgov: option --officials needs a value (FILE)"},
      {{"validate", "--units", units, "extra"}, "localgov: unexpected argument 'extra'"},
      {{"find", "--units", units}, "localgov: expected one QUERY argument, got 0"},
      {{"find", "--units", units, "hoa", "binh"}, "localgov: expected one QUERY argument, got 2"},
      {{"find", "--units", units, "--limit", "ten", "hoa"},
       "localgov: bad --limit 'ten' (expected a non-negative integer)"},
      {{"find", "--units", units, "--limit", "-1", "hoa"},
       "localgov: bad --limit '-1' (expected a non-negative integer)"},
      {{"find", "--units", units, "--limit", "1e3", "hoa"},
       "localgov: bad --limit '1e3' (expected a non-negative integer)"},
      {{"find", "--units", units, "--limit", "9999999999999999999", "hoa"},
       "localgov: bad --limit '9999999999999999999' (expected a non-negative integer)"},
      // Bytes that are not digits must not be added up (that overflowed a long long).
      {{"find", "--units", units, "--limit", "\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF",
        "hoa"},
       "localgov: bad --limit '\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF\xC3\xBF' (expected a "
       "non-negative integer)"},
      {{"find", "--units", units, "--province", "99", "hoa"},
       "localgov: unknown province code '99' (expected the code of a province-tier unit, e.g. 25)"},
      {{"find", "--units", units, "--province", "04795", "hoa"},
       "localgov: unknown province code '04795' (expected the code of a province-tier unit, e.g. 25)"},
      {{"find", "--units", units, "--kind", "phuong", "hoa"},
       "localgov: unknown --kind 'phuong' (expected province, municipality, commune, ward or special_zone)"},
  });
}

TEST_CASE("cli: validate on the real data: counts by kind and tier, no problems") {
  SUBCASE("units alone") {
    const auto r = test::run({"validate", "--units", units});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with(units + ": 3,355 units\n"));
    CHECK(test::has_row(r.out, {"province", "province", "28"}));
    CHECK(test::has_row(r.out, {"province", "municipality", "6"}));
    CHECK(test::has_row(r.out, {"province", "all", "34"}));
    CHECK(test::has_row(r.out, {"commune", "commune", "2,621"}));
    CHECK(test::has_row(r.out, {"commune", "ward", "687"}));
    CHECK(test::has_row(r.out, {"commune", "special_zone", "13"}));
    CHECK(test::has_row(r.out, {"commune", "all", "3,321"}));
    CHECK(r.out.find("officials:") == std::string::npos);
    CHECK(r.out.ends_with("\nno problems\n"));
  }
  SUBCASE("with the founding scenario's officials") {
    const auto r = test::run({"validate", "--units", units, "--officials", officials});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(test::has_row(r.out, {"province", "province", "28"}));
    CHECK(test::has_row(r.out, {"commune", "commune", "2,621"}));
    CHECK(test::has_row(r.out, {"commune", "ward", "687"}));
    CHECK(test::has_row(r.out, {"commune", "special_zone", "13"}));
    CHECK(r.out.find("\nofficials: 6 people holding 9 posts\n") != std::string::npos);
    CHECK(r.out.ends_with("\nno problems\n"));
  }
  SUBCASE("with an extra line that makes no cycle, in the --name=VALUE form") {
    const test::temp_file lines("coordination.csv", "from,to,kind\r\n25/tai-chinh,25/noi-vu,coordinates_with\r\n");
    const auto r = test::run({"validate", "--units=" + units, "--lines=" + lines.path(), "--officials=" + officials});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.ends_with("\nno problems\n"));
  }
}

TEST_CASE("cli: validate on broken inputs: the exact message, exit 2, nothing on stdout") {
  struct broken {
    std::string name;     // of the temporary file
    std::string content;  // units, or officials / lines with the real units
    std::string option;   // --units, --officials or --lines
    std::string error;    // stderr's first line, after "localgov: FILE"
  };
  const std::string p = "25,Tỉnh Phú Thọ,province,\n";
  const std::string w = "04795,Phường Hòa Bình,ward,25\n";
  const std::string officials_header = "person_id,name,post,org_code,from,to\n";
  const std::vector<broken> cases{
      {"ward_under_ward.csv", units_header + p + w + "04828,Phường Thống Nhất,ward,04795\n", "--units",
       ":4:30: ward 'Phường Thống Nhất' (04828) is placed under ward 'Phường Hòa Bình' (04795); a commune-tier unit can "
       "only be placed under a province-tier unit"},
      {"duplicate_code.csv", units_header + p + w + "04795,Phường Thống Nhất,ward,25\n", "--units",
       ":4:1: duplicate unit code '04795': ward 'Phường Thống Nhất' (04795) and ward 'Phường Hòa Bình' (04795) (first on "
       "line 3)"},
      {"unknown_kind.csv", units_header + p + "04795,Phường Hòa Bình,phường,25\n", "--units",
       ":3:23: unknown unit kind 'phường' (expected one of: province, municipality, commune, ward, special_zone)"},
      {"parent_self.csv", units_header + p + "04795,Phường Hòa Bình,ward,04795\n", "--units",
       ":3:28: ward 'Phường Hòa Bình' (04795) is its own parent"},
      {"cycle.csv", "from,to,kind\n25/ubnd,25/noi-vu,reports_to\n", "--lines",
       ":2:1: reporting cycle: 25/ubnd -> 25/noi-vu -> 25/ubnd"},
      {"longer_cycle.csv",
       "from,to,kind\n25/tai-chinh,25/noi-vu,coordinates_with\n25/thuong-truc,25/tai-chinh,reports_to\n", "--lines",
       ":3:1: reporting cycle: 25/thuong-truc -> 25/tai-chinh -> 25/ubnd -> 25/hdnd -> 25/thuong-truc"},
      {"two_holders.csv",
       officials_header +
           "a,Nguyễn Văn A,chair,25/ubnd,2025-07-01,\nb,Trần Thị B,chair,25/ubnd,2025-09-01,2025-12-31\n",
       "--officials",
       ":3:28: Chủ tịch Ủy ban nhân dân tỉnh (25/ubnd#chair) has two holders from 2025-09-01: Nguyễn Văn A (a, from "
       "2025-07-01) and Trần Thị B (b, from 2025-09-01)"},
      {"bad_date.csv", officials_header + "a,Nguyễn Văn A,chair,25/ubnd,2026-02-30,\n", "--officials",
       ":2:30: bad start date '2026-02-30' (expected a calendar date YYYY-MM-DD)"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const test::temp_file file(c.name, c.content);
    const auto r = c.option == "--units" ? test::run({"validate", "--units", file})
                                         : test::run({"validate", "--units", units, c.option, file});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.first_error() == "localgov: " + file.path() + c.error);
    for (const auto& line : test::lines_of(r.err)) CHECK(line.starts_with("localgov: " + file.path() + ":"));
  }
}

TEST_CASE("cli: validate reports every structural problem of a units file, one line each") {
  const test::temp_file file("many_problems.csv", units_header +
                                                              "25,Tỉnh Phú Thọ,province,\n"
                                                              "04795,Phường Hòa Bình,ward,25\n"
                                                              "04828,Phường Thống Nhất,ward,04795\n"
                                                              "04897,Xã Thịnh Minh,commune,99\n"
                                                              "04894,Phường Kỳ Sơn,ward,04894\n");
  const auto r = test::run({"validate", "--units", file});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(test::lines_of(r.err) ==
        std::vector<std::string>{
            "localgov: " + file.path() +
                ":4:30: ward 'Phường Thống Nhất' (04828) is placed under ward 'Phường Hòa Bình' (04795); a commune-tier "
                "unit can only be placed under a province-tier unit",
            "localgov: " + file.path() +
                ":5:29: unknown parent code '99' for unit '04897' (expected the code of a province-tier unit in this "
                "file)",
            "localgov: " + file.path() + ":6:26: ward 'Phường Kỳ Sơn' (04894) is its own parent",
        });
}

TEST_CASE("cli: validate on a truncated copy of the real units file") {
  const auto& text = units_text();
  const auto row = line_start(910);  // 04795,Phường Hòa Bình,ward,25
  REQUIRE(text.substr(row, 6) == "04795,");
  SUBCASE("cut in the middle of a quoted field") {
    const test::temp_file file("cut_quoted.csv", text.substr(0, row) + "04795,\"Phường Hòa");
    const auto r = test::run({"validate", "--units", file});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + file.path() + ":910:7: unterminated quoted field (no closing quote)\n");
  }
  SUBCASE("cut in the middle of a row") {
    const test::temp_file file("cut_row.csv", text.substr(0, row + std::string("04795,Phường Hòa").size()));
    const auto r = test::run({"validate", "--units", file});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + file.path() + ":910:7: expected 4 fields as in the header, got 2\n");
  }
  SUBCASE("cut in the middle of a character") {
    const test::temp_file file("cut_char.csv", text.substr(0, row + std::string("04795,Phư").size() - 1));
    const auto r = test::run({"validate", "--units", file});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + file.path() + ":910:9: invalid UTF-8 byte 0xC6 (expected UTF-8 text)\n");
  }
  SUBCASE("cut between CR and LF") {
    const test::temp_file file("cut_crlf.csv", text.substr(0, line_start(911) - 1));
    const auto r = test::run({"validate", "--units", file});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + file.path() + ":910:30: carriage return not followed by a line feed\n");
  }
  SUBCASE("cut anywhere: a valid prefix or an error on the last line, never a crash") {
    // Cuts at line ends leave a valid list (provinces come first); cuts inside a row
    // must be reported on that row's line, whatever field they fall in.
    std::vector<std::size_t> cuts;
    for (std::size_t at = line_start(3); at < line_start(60); at += 41) cuts.push_back(at);
    for (std::size_t line = 3; line <= 60; line += 8) cuts.push_back(line_start(line));
    for (const auto cut : cuts) {
      const auto prefix = text.substr(0, cut);
      const bool at_line_end = prefix.ends_with("\n");
      const auto last_line = std::count(prefix.begin(), prefix.end(), '\n') + (at_line_end ? 0 : 1);
      INFO("cut at byte " << cut << ", line " << last_line);
      const test::temp_file file("cut.csv", prefix);
      const auto r = test::run({"validate", "--units", file});
      if (at_line_end) {
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        continue;
      }
      CHECK((r.status == 0 || r.status == 2));
      if (r.status == 2) {
        CHECK(r.out.empty());
        REQUIRE_FALSE(r.err.empty());
        for (const auto& line : test::lines_of(r.err))
          CHECK(line.starts_with("localgov: " + file.path() + ":" + std::to_string(last_line) + ":"));
      } else {
        CHECK(r.err.empty());  // e.g. a cut just before the CR of a complete row
      }
    }
  }
}

TEST_CASE("cli: report on files that cannot be read: the first needed is the one named") {
  // The program maps the proposals and events files while it builds the organisation,
  // but reports their errors only where it reads them, after the units'.
  const auto missing = [](const char* name) { return test::tmp_path(name); };
  auto report = [&](const std::string& units_file, const std::string& proposals_file, const std::string& events_file) {
    return test::run({"report", "--units", units_file, "--proposals", proposals_file, "--events", events_file, "--as-of", "2026-03-31"});
  };
  const auto all_missing = report(missing("no-units.csv"), missing("no-proposals.csv"), missing("no-events.csv"));
  CHECK(all_missing.status == 2);
  CHECK(all_missing.err == "localgov: " + missing("no-units.csv") + ": cannot open: No such file or directory\n");
  const auto no_proposals = report(units, missing("no-proposals.csv"), missing("no-events.csv"));
  CHECK(no_proposals.status == 2);
  CHECK(no_proposals.err == "localgov: " + missing("no-proposals.csv") + ": cannot open: No such file or directory\n");
  const auto no_events = report(units, proposals, missing("no-events.csv"));
  CHECK(no_events.status == 2);
  CHECK(no_events.out.empty());
  CHECK(no_events.err == "localgov: " + missing("no-events.csv") + ": cannot open: No such file or directory\n");
}

TEST_CASE("cli: output that cannot be written is an error, not a success") {
  // Standard output on a full device: the write fails at the flush, or, for commands that
  // print as they go and for help (overall and a command's), is checked once done.
  const std::vector<std::vector<std::string>> commands{
      {"report", "--units", units, "--proposals", proposals, "--as-of", "2026-03-31", "--format", "json"},
      {"route", "--units", units, "--proposals", proposals},
      {"validate", "--units", units},
      {"find", "--units", units, "hoa binh"},
      {"--help"},
      {"report", "--help"},
  };
  for (const auto& args : commands) {
    CAPTURE(args.front());
    std::vector<std::string> command = {"-c", "exec \"$@\" > /dev/full", "sh", test::program()};
    command.insert(command.end(), args.begin(), args.end());
    const auto r = test::run_program("/bin/sh", command);
    CHECK(r.status == 1);
    CHECK(r.err == "localgov: standard output: cannot write: No space left on device\n");
  }
}

TEST_CASE("cli: validate on files that cannot be read") {
  SUBCASE("a missing units file") {
    const auto r = test::run({"validate", "--units", test::tmp_path("no-such-file.csv")});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + test::tmp_path("no-such-file.csv") + ": cannot open: No such file or directory\n");
  }
  SUBCASE("a missing officials file, after valid units") {
    const auto r = test::run({"validate", "--units", units, "--officials", test::tmp_path("no-officials.csv")});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + test::tmp_path("no-officials.csv") + ": cannot open: No such file or directory\n");
  }
  SUBCASE("a directory") {
    const auto r = test::run({"validate", "--units", LOCALGOV_TEST_TMP_DIR});
    CHECK(r.status == 2);
    CHECK(r.err == std::string("localgov: ") + LOCALGOV_TEST_TMP_DIR + ": cannot read: Is a directory\n");
  }
}

TEST_CASE("cli: find ignores case, diacritics and tone-mark placement") {
  for (const std::string query : {"hoa binh", "Hoà Bình", "HÒA BÌNH", "Phường Hòa Bình"}) {
    INFO(query);
    const auto r = test::run({"find", "--units", units, "--province", "25", query});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    REQUIRE_FALSE(r.out.empty());
    CHECK(test::lines_of(r.out).front() == "04795\tPhường Hòa Bình\tward\t25");
  }
  SUBCASE("every line is code, name, kind and province code, tab-separated") {
    const auto r = test::run({"find", "--units", units, "hoa binh"});
    CHECK(r.status == 0);
    const auto lines = test::lines_of(r.out);
    CHECK(lines.size() >= 5);
    for (const auto& line : lines) CHECK(std::count(line.begin(), line.end(), '\t') == 3);
  }
  SUBCASE("--kind keeps that kind only") {
    const auto r = test::run({"find", "--units", units, "--kind", "commune", "hoa binh"});
    CHECK(r.status == 0);
    const auto lines = test::lines_of(r.out);
    REQUIRE_FALSE(lines.empty());
    for (const auto& line : lines) {
      INFO(line);
      const auto kind_at = line.find('\t', line.find('\t') + 1) + 1;
      CHECK(line.substr(kind_at, line.find('\t', kind_at) - kind_at) == "commune");
    }
  }
  SUBCASE("--limit cuts the list, best matches kept") {
    const auto all = test::lines_of(test::run({"find", "--units", units, "hoa binh"}).out);
    const auto r = test::run({"find", "--units", units, "--limit", "2", "hoa binh"});
    CHECK(r.status == 0);
    REQUIRE(all.size() > 2);
    CHECK(test::lines_of(r.out) == std::vector<std::string>(all.begin(), all.begin() + 2));
    const auto none = test::run({"find", "--units", units, "--limit=0", "hoa binh"});
    CHECK(none.status == 0);
    CHECK(none.out.empty());
  }
  SUBCASE("no match: exit 0 and nothing printed") {
    const auto r = test::run({"find", "--units", units, "--province", "25", "zzzz không có"});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
  SUBCASE("a broken units file is reported as by validate") {
    const test::temp_file file("find_broken.csv", units_header + "25,Tỉnh Phú Thọ,province,\n04795,\"Phường");
    const auto r = test::run({"find", "--units", file, "hoa binh"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + file.path() + ":3:7: unterminated quoted field (no closing quote)\n");
  }
}
