// `localgov chart` and `localgov plan` as a user runs them: good output, and every bad
// input named with exit status 2 (1 when Graphviz is missing for a picture).
#include "cli_support.hpp"

#include <localgov/io/graphviz.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace test::files;

namespace {

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cli chart: a ward's chart as DOT, with holders and what it answers to") {
  const auto r = test::run({"chart", "--units", units, "--officials", officials, "--unit", "04795", "--as-of", "2025-12-16"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("digraph org_chart {\n"));
  CHECK(r.out.find("label=\"Phường Hòa Bình — 2025-12-16\"") != std::string::npos);
  CHECK(r.out.find("rankdir=LR") != std::string::npos);
  CHECK(count(r.out, "subgraph cluster_u") == 1);
  CHECK(r.out.find("Bí thư: <B>Nguyễn Đức Dũng</B>") != std::string::npos);
  CHECK(r.out.find("subgraph cluster_context_u") != std::string::npos);  // Phú Thọ's bodies above the ward
  CHECK(r.out.find("tooltip=\"25/thuong-truc\"") != std::string::npos);
}

TEST_CASE("cli chart: several units, filters, written to a file") {
  const test::temp_file output("chart.dot");
  const auto r = test::run({"chart", "--units", units, "--officials", officials, "--unit", "25,04795,04828", "--edges",
                            "reports_to,part_of", "--posts", "all", "--direction", "TB", "--output", output});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  const auto dot = localgov::io::read_file(output.path());
  CHECK(count(dot, "subgraph cluster_u") == 3);
  CHECK(dot.find("label=\"Tỉnh Phú Thọ và 2 đơn vị\"") != std::string::npos);
  CHECK(dot.find("rankdir=TB") != std::string::npos);
  CHECK(dot.find("style=dashed") == std::string::npos);  // no directs lines
  CHECK(dot.find("Giám đốc: <I>trống</I>") != std::string::npos);
  CHECK(dot.find("Giám đốc: <B>Vương Thị Bẩy</B>") != std::string::npos);

  SUBCASE("a unit named twice is drawn and counted once") {
    const auto twice = test::run({"chart", "--units", units, "--unit", "25,25,25", "--posts", "none"});
    CHECK(twice.status == 0);
    CHECK(count(twice.out, "subgraph cluster_u") == 1);
    CHECK(twice.out.find("label=\"Tỉnh Phú Thọ\"") != std::string::npos);
  }
  SUBCASE("--depth 1 draws a province's commune-tier units") {
    const auto d = test::run({"chart", "--units", units, "--unit", "25", "--depth", "1", "--posts", "none"});
    CHECK(d.status == 0);
    CHECK(count(d.out, "subgraph cluster_u") == 149);
  }
}

TEST_CASE("cli chart: svg and png through Graphviz") {
  if (!localgov::io::find_program("dot")) {
    MESSAGE("Graphviz's dot is not installed: skipped");
    return;
  }
  const auto svg = test::run({"chart", "--units", units, "--officials", officials, "--unit", "04897", "--format", "svg"});
  CHECK(svg.status == 0);
  CHECK(svg.out.find("<svg") != std::string::npos);
  CHECK(svg.out.find("Xã Thịnh Minh") != std::string::npos);
  const test::temp_file png_file("chart.png");
  const auto png = test::run({"chart", "--units", units, "--unit", "04897", "--format", "png", "--output", png_file});
  CHECK(png.status == 0);
  const auto bytes = localgov::io::read_file(png_file.path());
  CHECK(bytes.starts_with("\x89PNG\r\n\x1a\n"));
}

TEST_CASE("cli chart: without Graphviz, a picture fails with status 1 and says what to do") {
  // PATH without dot: `env` runs localgov with an empty search path.
  const auto r = test::run_program("/usr/bin/env", {"PATH=/nonexistent", test::program(), "chart", "--units", units,
                                                    "--unit", "25", "--format", "svg"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "localgov: cannot render svg: Graphviz's 'dot' is not on PATH (Debian: apt-get install graphviz); use --format dot "
        "and run: dot -Tsvg chart.dot -o chart.svg\n");
  // DOT needs nothing but localgov.
  const auto dot = test::run_program("/usr/bin/env", {"PATH=/nonexistent", test::program(), "chart", "--units", units,
                                                      "--unit", "04795", "--posts", "none"});
  CHECK(dot.status == 0);
  CHECK(dot.out.starts_with("digraph org_chart {"));
}

TEST_CASE("cli chart: bad input is named, exit 2") {
  test::check_usage_errors({
      {{"chart", "--units", units}, "localgov: missing --unit CODES (see: localgov chart --help)"},
      {{"chart", "--unit", "25"}, "localgov: missing --units FILE (see: localgov chart --help)"},
      {{"chart", "--units", units, "--unit", "99"},
       "localgov: unknown unit code '99' in --unit (e.g. 25 for Phú Thọ, 04795 for Phường Hòa Bình)"},
      {{"chart", "--units", units, "--unit", "25,,04795"},
       "localgov: empty unit code in --unit '25,,04795' (expected codes joined by commas, e.g. 25,04795)"},
      {{"chart", "--units", units, "--unit", "25", "--depth", "x"},
       "localgov: bad --depth 'x' (expected a non-negative integer)"},
      {{"chart", "--units", units, "--unit", "25", "--depth", "9"}, "localgov: bad --depth '9' (expected 0 to 8)"},
      {{"chart", "--units", units, "--unit", "25", "--edges", "holds"},
       "localgov: bad --edges 'holds' (expected part_of, reports_to, directs or coordinates_with, comma-separated)"},
      {{"chart", "--units", units, "--unit", "25", "--edges", "reports_to,"},
       "localgov: bad --edges '' (expected part_of, reports_to, directs or coordinates_with, comma-separated)"},
      {{"chart", "--units", units, "--unit", "25", "--posts", "some"},
       "localgov: bad --posts 'some' (expected one of: held, all, none)"},
      {{"chart", "--units", units, "--unit", "25", "--direction", "BT"},
       "localgov: bad --direction 'BT' (expected one of: LR, TB)"},
      {{"chart", "--units", units, "--unit", "25", "--format", "pdf"},
       "localgov: bad --format 'pdf' (expected one of: dot, svg, png)"},
      {{"chart", "--units", units, "--unit", "25", "--as-of", "2025-13-01"},
       "localgov: bad --as-of '2025-13-01' (expected a calendar date YYYY-MM-DD)"},
      {{"chart", "--units", units, "--unit", "25", "extra"}, "localgov: unexpected argument 'extra'"},
  });
  SUBCASE("a broken officials file is reported at its line, exit 2") {
    const test::temp_file bad("chart-officials.csv", "person_id,name,post,org_code,from,to\na,A,director,25/nope,2025-07-01,\n");
    const auto r = test::run({"chart", "--units", units, "--officials", bad, "--unit", "25"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.first_error().starts_with("localgov: " + bad.path() + ":2:14: unknown kind of body 'nope'"));
  }
  SUBCASE("a missing units file") {
    const auto r = test::run({"chart", "--units", "/nonexistent/units.csv", "--unit", "25"});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: /nonexistent/units.csv: cannot open: No such file or directory\n");
  }
}

TEST_CASE("cli plan: the scenario's illustrative projects within a budget") {
  const auto r = test::run({"plan", "--units", units, "--projects", projects, "--budget", "32000"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("Plan (exact method, proven best): budget 32000, spent 31000, left 1000, benefit 100\n"));
  CHECK(r.out.find("Selected (3):") != std::string::npos);
  CHECK(r.out.find("CNTT-01  regional_connectivity") != std::string::npos);

  const auto csv = test::run({"plan", "--units", units, "--projects", projects, "--budget", "32000", "--format", "csv"});
  CHECK(csv.status == 0);
  const auto lines = test::lines_of(csv.out);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "id,class,cost,benefit,selected,cumulative_cost,reason");
  CHECK(lines[1].starts_with("CNTT-01,regional_connectivity,6000,30,true,6000,selected in class regional_connectivity"));
  CHECK(lines[4].starts_with("GD-02,residential,9000,24,false,,"));

  const auto json = test::run({"plan", "--units", units, "--projects", projects, "--budget", "0", "--per-province",
                               "--format", "json"});
  CHECK(json.status == 0);
  CHECK(json.out.find("\"per_province\": true") != std::string::npos);
  CHECK(json.out.find("\"spent\": 0") != std::string::npos);
}

TEST_CASE("cli plan: bad input is named, exit 2") {
  test::check_usage_errors({
      {{"plan", "--units", units, "--budget", "100"}, "localgov: missing --projects FILE (see: localgov plan --help)"},
      {{"plan", "--units", units, "--projects", projects}, "localgov: missing --budget AMOUNT (see: localgov plan --help)"},
      {{"plan", "--units", units, "--projects", projects, "--budget", "12.5"},
       "localgov: bad --budget '12.5' (expected a whole amount, digits only, at most 1000000000000000)"},
      {{"plan", "--units", units, "--projects", projects, "--budget", "-3"},
       "localgov: bad --budget '-3' (expected a whole amount, digits only, at most 1000000000000000)"},
      {{"plan", "--units", units, "--projects", projects, "--budget", "99999999999999999999"},
       "localgov: bad --budget '99999999999999999999' (expected a whole amount, digits only, at most 1000000000000000)"},
      {{"plan", "--units", units, "--projects", projects, "--budget", "100", "--format", "md"},
       "localgov: bad --format 'md' (expected one of: text, csv, json)"},
      {{"plan", "--units", units, "--projects", projects, "--budget", "100", "--per-province=yes"},
       "localgov: option --per-province takes no value"},
  });
  SUBCASE("a project of an unknown unit, at its line and column") {
    const test::temp_file bad("plan-projects.csv", "id,unit_code,title,cost,benefit\nA,99999,t,10,1\n");
    const auto r = test::run({"plan", "--units", units, "--projects", bad, "--budget", "10"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + bad.path() + ":2:3: unknown unit code '99999'\n");
  }
  SUBCASE("costs whose total passes the 64-bit range: named at the project that passes it") {
    std::string rows = "id,unit_code,title,cost,benefit\n";
    for (int i = 0; i < 9300; ++i) rows += "P" + std::to_string(i) + ",04795,t,1000000000000000,1\n";
    const test::temp_file many("plan-overflow.csv", rows);
    const auto r = test::run({"plan", "--units", units, "--projects", many, "--budget", "1000000000000000"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + many.path() + ":9225:15: the projects' total cost passes the 64-bit range here\n");
  }
  SUBCASE("a cost that is not a whole amount") {
    const test::temp_file bad("plan-cost.csv", "id,unit_code,title,cost,benefit\nA,04795,t,1.5,1\n");
    const auto r = test::run({"plan", "--units", units, "--projects", bad, "--budget", "10"});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + bad.path() + ":2:11: cost '1.5' is not a whole amount (expected digits only, e.g. 1200)\n");
  }
}
