// The hostile-input corpus: every tests/cases/<kind>/NAME.csv is given to
// `localgov validate`, run from tests/cases so that messages name it as
// <kind>/NAME.csv, and checked against NAME.expected:
//
//   # what the case is (comment lines start with '#')
//   exit: 2
//   stderr: localgov: units/NAME.csv:3:7: ...   (the first line of stderr, exactly;
//                                                without it, stderr must be empty)
//   stdout: no problems                        (a line stdout must have; any number)
//
// A case that fails must print nothing on stdout. units/ cases are the --units file;
// officials/ and lines/ cases are the --officials or --lines file, with the real units.
// The routing and tracking cases run other commands, with --output FILE, and a case that
// fails must leave no FILE (nor FILE.tmp*) behind:
//   proposals/NAME.csv  localgov route --units <real units> --proposals NAME.csv
//   rules/NAME.csv      localgov route --units <real units> --proposals <scenario> --rules NAME.csv
//   events/NAME.csv     localgov report --units <real units> --proposals <scenario>
//                         --officials <scenario> --as-of 2026-03-31 --events NAME.csv
// Every .csv needs a .expected and vice versa.
#include "cli_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

using namespace test::files;

namespace {

struct expectation {
  int status = -1;
  std::optional<std::string> first_error;
  std::vector<std::string> stdout_lines;
};

expectation parse_expected(const std::filesystem::path& path) {
  expectation e;
  for (const auto& line : test::lines_of(localgov::io::read_file(path.string()))) {
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with("exit: "))
      e.status = std::stoi(line.substr(6));
    else if (line.starts_with("stderr: "))
      e.first_error = line.substr(8);
    else if (line.starts_with("stdout: "))
      e.stdout_lines.push_back(line.substr(8));
    else
      FAIL_CHECK(path.string() << ": unexpected line '" << line << "' (expected exit:, stderr: or stdout:)");
  }
  CHECK_MESSAGE(e.status >= 0, path.string() << ": no 'exit:' line");
  return e;
}

}  // namespace

TEST_CASE("corpus: hostile inputs give the expected message and exit status") {
  namespace fs = std::filesystem;
  const fs::path root = LOCALGOV_TEST_CASES_DIR;
  std::size_t cases = 0;
  const test::temp_file output("corpus-output.csv");
  for (const std::string folder : {"units", "officials", "lines", "proposals", "rules", "events"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(root / folder)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const auto relative = folder + "/" + file.filename().string();
      INFO(relative);
      auto sibling = file;
      if (file.extension() == ".expected") {
        CHECK_MESSAGE(fs::exists(sibling.replace_extension(".csv")), "an .expected file without its .csv");
        continue;
      }
      REQUIRE_MESSAGE(file.extension() == ".csv", "only NAME.csv and NAME.expected belong in tests/cases");
      const auto expected_path = sibling.replace_extension(".expected");
      REQUIRE_MESSAGE(fs::exists(expected_path), "no " << expected_path.filename().string());
      const auto expected = parse_expected(expected_path);

      std::vector<std::string> args;
      const bool writes = folder == "proposals" || folder == "rules" || folder == "events";
      if (folder == "units")
        args = {"validate", "--units", relative};
      else if (folder == "officials" || folder == "lines")
        args = {"validate", "--units", units, "--" + folder, relative};
      else if (folder == "proposals")
        args = {"route", "--units", units, "--proposals", relative};
      else if (folder == "rules")
        args = {"route", "--units", units, "--proposals", proposals, "--rules", relative};
      else
        args = {"report", "--units", units, "--proposals", proposals,
                "--officials", officials, "--as-of", "2026-03-31", "--events", relative};
      if (writes) {
        fs::remove(output.path());
        args.insert(args.end(), {"--output", output});
      }
      const auto r = test::run(args, root.string());
      ++cases;
      if (writes && r.status != 0) {
        CHECK_MESSAGE(!fs::exists(output.path()), "a failed run wrote its --output file");
        CHECK_MESSAGE(test::temp_leftovers(output).empty(), "a failed run left its temporary file");
      }
      CHECK(r.status == expected.status);
      if (expected.first_error) {
        CHECK(r.first_error() == *expected.first_error);
        // Every problem names the file; past the first 100, a count of the rest does.
        const auto lines = test::lines_of(r.err);
        for (std::size_t i = 0; i < lines.size(); ++i)
          CHECK((lines[i].starts_with("localgov: " + relative + ":") ||
                 (i + 1 == lines.size() && lines[i].starts_with("localgov: and ") && lines[i].ends_with(" in all)"))));
      } else {
        CHECK(r.err.empty());
      }
      if (r.status != 0) CHECK(r.out.empty());
      const auto out = test::lines_of(r.out);
      for (const auto& line : expected.stdout_lines)
        CHECK_MESSAGE(std::find(out.begin(), out.end(), line) != out.end(), "stdout has no line '" << line << "'");
    }
  }
  CHECK(cases >= 95);
}

TEST_CASE("every command gives byte-identical output when run twice on the same input") {
  const std::vector<std::vector<std::string>> commands = {
      {"validate", "--units", units, "--officials", officials},
      {"find", "--units", units, "--limit", "20", "hoa binh"},
      {"route", "--units", units, "--proposals", proposals},
      {"route", "--units", units, "--proposals", proposals, "--format", "json"},
      {"route", "--units", units, "--proposals", proposals, "--format", "text"},
      {"report", "--units", units, "--proposals", proposals, "--events", events, "--officials", officials, "--as-of",
       "2026-03-31", "--by", "agency", "--format", "md"},
      {"report", "--units", units, "--proposals", proposals, "--events", events, "--as-of", "2026-03-31", "--format", "csv"},
      {"report", "--units", units, "--proposals", proposals, "--events", events, "--as-of", "2026-03-31", "--by", "field",
       "--format", "json"},
      {"report", "--units", units, "--proposals", proposals, "--events", events, "--as-of", "2026-03-31", "--province", "25"},
  };
  for (const auto& args : commands) {
    std::string joined;
    for (const auto& a : args) joined += " " + a;
    INFO("localgov" << joined);
    const auto first = test::run(args);
    const auto second = test::run(args);
    CHECK(first.status == 0);
    CHECK(!first.out.empty());
    CHECK(first.out == second.out);
    // --output writes the same bytes as standard output, atomically.
    if (args[0] == "route" || args[0] == "report") {
      auto with_output = args;
      const test::temp_file output("twice.out");
      with_output.insert(with_output.end(), {"--output", output});
      const auto written = test::run(with_output);
      CHECK(written.status == 0);
      CHECK(written.out.empty());
      CHECK(localgov::io::read_file(output.path()) == first.out);
      CHECK(test::temp_leftovers(output).empty());
    }
  }
}
