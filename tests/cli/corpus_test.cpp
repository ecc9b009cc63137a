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
// Every .csv needs a .expected and vice versa.
#include "../test_support.hpp"
#include "cli_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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
  for (const std::string folder : {"units", "officials", "lines"}) {
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

      const auto r = folder == "units" ? test::run({"validate", "--units", relative}, root.string())
                                       : test::run({"validate", "--units", test::units_path(), "--" + folder, relative},
                                                   root.string());
      ++cases;
      CHECK(r.status == expected.status);
      if (expected.first_error) {
        CHECK(r.first_error() == *expected.first_error);
        for (const auto& line : test::lines_of(r.err)) CHECK(line.starts_with("localgov: " + relative + ":"));
      } else {
        CHECK(r.err.empty());
      }
      if (r.status != 0) CHECK(r.out.empty());
      const auto out = test::lines_of(r.out);
      for (const auto& line : expected.stdout_lines)
        CHECK_MESSAGE(std::find(out.begin(), out.end(), line) != out.end(), "stdout has no line '" << line << "'");
    }
  }
  CHECK(cases >= 60);
}
