// The projects CSV loader (every error with its line and column) and the founding scenario's
// projects taken end to end: load, select, render as CSV, JSON and text.
#include <localgov/planning/projects_csv.hpp>
#include <localgov/planning/format.hpp>
#include <localgov/planning/report.hpp>
#include <localgov/planning/select.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace lg = localgov::planning;

namespace {

// Phú Thọ (25) with the five units of the founding meeting, and one ward of Hà Nội (01).
lg::unit_table meeting_units() {
  lg::unit_table units;
  units.add("25", {.province_code = "25", .commune_tier = false});
  for (const char* code : {"04792", "04795", "04828", "04894", "04897"}) units.add(code, {.province_code = "25", .commune_tier = true});
  units.add("01", {.province_code = "01", .commune_tier = false});
  units.add("00004", {.province_code = "01", .commune_tier = true});
  return units;
}

const std::string header = "id,unit_code,title,cost,benefit,priority_class,serves\n";

std::vector<lg::project> read(const std::string& text) {
  return lg::read_projects_csv(text, "projects.csv", meeting_units());
}

// The error a text raises: its stable id and "FILE:LINE:COLUMN: message".
std::pair<std::string, std::string> error_of(const std::string& text) {
  try {
    static_cast<void>(read(text));
  } catch (const localgov::input_error& e) {
    return {e.id(), e.what()};
  }
  return {"no error", ""};
}

const std::string meeting_projects =
    "id,unit_code,title,cost,benefit,priority_class,serves\n"
    "DT-01,04795,Đường liên phường Hòa Bình – Thống Nhất – Tân Hòa,42000,95,,04795;04828;04792\n"
    "DT-02,04897,Cầu nối xã Thịnh Minh với phường Kỳ Sơn,18000,40,,04897; 04894\n"
    "GD-01,04795,\"Trường THCS Hòa Bình, khu dân cư mới\",15000,38.5,residential,\n"
    "GD-02,04894,Trường mầm non Kỳ Sơn,9000,21,residential,\n"
    "CNTT-01,25,Phần mềm quản lý đồng bộ cho 5 đơn vị,6000,30,other,04795;04828;04792;04894;04897\n"
    "CNTT-02,04828,Hạ tầng mạng phường Thống Nhất,2500,6.25,,\n";

}  // namespace

TEST_CASE("planning: projects CSV, good input") {
  const auto projects = read(meeting_projects);
  REQUIRE(projects.size() == 6);
  const auto& road = projects[0];
  CHECK(road.id == "DT-01");
  CHECK(road.unit_code == "04795");
  CHECK(road.title == "Đường liên phường Hòa Bình – Thống Nhất – Tân Hòa");
  CHECK(road.cost == 42000);
  CHECK(road.benefit.micros() == 95'000'000);
  CHECK(road.priority == lg::priority_class::regional_connectivity);
  CHECK(road.defaulted == lg::service_reach{3, 1});
  CHECK(road.serves == std::vector<std::string>{"04795", "04828", "04792"});
  CHECK(road.line == 2);
  CHECK(projects[1].serves == std::vector<std::string>{"04897", "04894"});  // spaces around codes ignored
  CHECK(projects[2].title == "Trường THCS Hòa Bình, khu dân cư mới");
  CHECK(projects[2].priority == lg::priority_class::residential);
  CHECK_FALSE(projects[2].defaulted.has_value());
  CHECK(projects[4].priority == lg::priority_class::other);  // given beats the default
  CHECK(projects[5].priority == lg::priority_class::other);  // one ward: default other
  CHECK(projects[5].defaulted == lg::service_reach{1, 1});
  CHECK(projects[5].benefit.to_string() == "6.25");

  SUBCASE("optional columns absent, columns reordered, extra columns ignored, CRLF and BOM") {
    const auto p = read("\xEF\xBB\xBF" "benefit,cost,note,title,unit_code,id\r\n1.5,10,x,Road,04795,A\r\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].id == "A");
    CHECK(p[0].cost == 10);
    CHECK(p[0].benefit.micros() == 1'500'000);
    CHECK(p[0].priority == lg::priority_class::other);
    CHECK(p[0].serves.empty());
  }
  SUBCASE("a header alone is no projects") { CHECK(read(header).empty()); }
  SUBCASE("projects serving two provinces connect regions") {
    const auto p = read(header + "X,04795,Liên tỉnh,1,1,,04795;00004\n");
    CHECK(p[0].priority == lg::priority_class::regional_connectivity);
    CHECK(p[0].defaulted == lg::service_reach{2, 2});
  }
}

TEST_CASE("planning: projects CSV, every error with its line and column") {
  using result = std::pair<std::string, std::string>;
  CHECK(error_of("id,unit_code,title,cost\nA,04795,t,1\n") ==
        result{"csv.missing_column", "projects.csv:1:1: missing column 'benefit' (header is: id,unit_code,title,cost)"});
  CHECK(error_of("id,unit_code,cost,benefit\n") ==
        result{"csv.missing_column", "projects.csv:1:1: missing column 'title' (header is: id,unit_code,cost,benefit)"});
  CHECK(error_of(header + "A,04795,t,1,1,,\n,04795,t,1,1,,\n") ==
        result{"projects.empty_id", "projects.csv:3:1: empty project id"});
  CHECK(error_of(header + "A,04795,t,1,1,,\nB,04795,t,1,1,,\n\nA,04828,t,2,2,,\n") ==
        result{"projects.duplicate_id", "projects.csv:5:1: duplicate project id 'A' (first on line 2)"});
  CHECK(error_of(header + "B,99999,t,1,1,,\n") ==
        result{"projects.unknown_unit", "projects.csv:2:3: unknown unit code '99999'"});
  CHECK(error_of(header + "B,,t,1,1,,\n") ==
        result{"projects.empty_unit_code", "projects.csv:2:3: empty unit_code (expected the proposing unit's code)"});
  CHECK(error_of(header + "C,04795,Road,12.5,1,,\n") ==
        result{"projects.bad_cost",
               "projects.csv:2:14: cost '12.5' is not a whole amount (expected digits only, e.g. 1200)"});
  CHECK(error_of(header + "C,04795,Road,,1,,\n") ==
        result{"projects.bad_cost", "projects.csv:2:14: empty cost (expected a whole amount, e.g. 1200)"});
  CHECK(error_of(header + "C,04795,Road,-3,1,,\n") ==
        result{"projects.negative_cost", "projects.csv:2:14: negative cost '-3'"});
  CHECK(error_of(header + "C,04795,Road,99999999999999999999,1,,\n") ==
        result{"projects.cost_too_large",
               "projects.csv:2:14: cost '99999999999999999999' is too large (at most 1000000000000000)"});
  // Columns count code points: "Đường" is five.
  CHECK(error_of(header + "D,04795,Đường,1 000,1,,\n") ==
        result{"projects.bad_cost",
               "projects.csv:2:15: cost '1 000' is not a whole amount (expected digits only, e.g. 1200)"});
  CHECK(error_of(header + "E,04795,Road,5,abc,,\n") ==
        result{"projects.bad_benefit", "projects.csv:2:16: benefit 'abc' is not a number (expected e.g. 12.5)"});
  CHECK(error_of(header + "E,04795,Road,5,,,\n") ==
        result{"projects.bad_benefit", "projects.csv:2:16: empty benefit (expected a number, e.g. 12.5)"});
  CHECK(error_of(header + "E,04795,Road,5,nan,,\n") ==
        result{"projects.non_finite_benefit", "projects.csv:2:16: benefit 'nan' is not finite"});
  CHECK(error_of(header + "E,04795,Road,5,inf,,\n") ==
        result{"projects.non_finite_benefit", "projects.csv:2:16: benefit 'inf' is not finite"});
  CHECK(error_of(header + "E,04795,Road,5,-0.5,,\n") ==
        result{"projects.negative_benefit", "projects.csv:2:16: negative benefit '-0.5'"});
  CHECK(error_of(header + "E,04795,Road,5,1e10,,\n") ==
        result{"projects.benefit_too_large", "projects.csv:2:16: benefit '1e10' is too large (at most 1000000000)"});
  CHECK(error_of(header + "F,04795,Road,5,1,Residential,\n") ==
        result{"projects.unknown_class",
               "projects.csv:2:18: unknown priority_class 'Residential' (expected regional_connectivity, residential "
               "or other, or empty for the default)"});
  CHECK(error_of(header + "G,04795,Road,5,1,,04795;;04828\n") ==
        result{"projects.empty_served_unit",
               "projects.csv:2:19: empty unit code in serves (expected codes joined by ';', e.g. 04795;04828)"});
  CHECK(error_of(header + "G,04795,Road,5,1,,04795;\n") ==
        result{"projects.empty_served_unit",
               "projects.csv:2:19: empty unit code in serves (expected codes joined by ';', e.g. 04795;04828)"});
  CHECK(error_of(header + "G,04795,Road,5,1,,\"04795;99999\"\n") ==
        result{"projects.unknown_served_unit", "projects.csv:2:19: unknown unit code '99999' in serves"});
  CHECK(error_of(header + "H,04795,Road,5,1\n") ==
        result{"csv.field_count", "projects.csv:2:16: expected 7 fields as in the header, got 5"});
  // Errors in later records after a multi-line quoted title keep counting lines.
  CHECK(error_of(header + "I,04795,\"two\nlines\",5,1,,\nJ,04795,Road,x,1,,\n") ==
        result{"projects.bad_cost",
               "projects.csv:4:14: cost 'x' is not a whole amount (expected digits only, e.g. 1200)"});
}

TEST_CASE("planning: projects file read from disk") {
  const auto path = (std::filesystem::temp_directory_path() / "localgov_plan_projects_test.csv").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << meeting_projects;
  }
  const auto projects = lg::load_projects_csv(path, meeting_units());
  CHECK(projects.size() == 6);
  std::remove(path.c_str());
  CHECK_THROWS_AS(static_cast<void>(lg::load_projects_csv(path, meeting_units())), localgov::input_error);
}

TEST_CASE("planning: the founding scenario's projects, selected and rendered") {
  const auto projects = read(meeting_projects);
  const auto plan = lg::select_projects(projects, 80000);
  CHECK(plan.exact());
  CHECK(plan.spent() == 77500);
  CHECK(plan.left() == 2500);

  CHECK(lg::render_plan(plan, projects, lg::report_format::csv) ==
        "id,class,cost,benefit,selected,cumulative_cost,reason\n"
        "DT-01,regional_connectivity,42000,95,true,42000,selected in class regional_connectivity (class by default: "
        "serves 3 commune-tier units in 1 province)\n"
        "DT-02,regional_connectivity,18000,40,true,60000,selected in class regional_connectivity (class by default: "
        "serves 2 commune-tier units in 1 province)\n"
        "GD-01,residential,15000,38.5,true,75000,selected in class residential\n"
        "CNTT-02,other,2500,6.25,true,77500,selected in class other (class by default: serves 1 commune-tier unit in 1 "
        "province)\n"
        "GD-02,residential,9000,21,false,,\"a better set of residential projects used the money: costs 9000, 20000 was "
        "left for the class, 5000 after it\"\n"
        "CNTT-01,other,6000,30,false,,\"does not fit: costs 6000, only 5000 left for class other\"\n");

  const std::string json = lg::render_plan(plan, projects, lg::report_format::json);
  CHECK(json.find("\"method\": \"exact\",\n  \"exact\": true,\n  \"per_province\": false,\n  \"budget\": 80000,\n"
                  "  \"spent\": 77500,\n  \"left\": 2500,\n  \"benefit\": 179.75,\n") != std::string::npos);
  CHECK(json.find("{\"class\": \"residential\", \"candidates\": 2, \"selected\": 1, \"available\": 20000, \"cost\": "
                  "15000, \"left\": 5000, \"benefit\": 38.5, \"upper_bound\": 38.5, \"gap\": 0, \"exact\": true}") !=
        std::string::npos);
  CHECK(json.find("{\"id\": \"GD-01\", \"unit_code\": \"04795\", \"title\": \"Trường THCS Hòa Bình, khu dân cư mới\", "
                  "\"province\": null, \"class\": \"residential\", \"class_source\": \"given\", \"cost\": 15000, "
                  "\"benefit\": 38.5, \"selected\": true, \"order\": 3, \"cumulative_cost\": 75000, \"reason\": "
                  "\"selected\", \"explanation\": \"selected in class residential\"}") != std::string::npos);
  CHECK(json.find("\"order\": null, \"cumulative_cost\": null, \"reason\": \"does_not_fit\"") != std::string::npos);

  const std::string text = lg::render_plan(plan, projects, lg::report_format::text);
  CHECK(text.find("Plan (exact method, proven best): budget 80000, spent 77500, left 2500, benefit 179.75\n") == 0);
  CHECK(text.find("    3  GD-01    residential                   15000         75000          38.5  Trường THCS Hòa "
                  "Bình, khu dân cư mới\n") != std::string::npos);
  CHECK(text.find("  GD-02    residential                    9000            21  a better set of residential") !=
        std::string::npos);
  CHECK(text.find("  residential                   2         1         20000         15000          5000          38.5  "
                  "this (exact)\n") != std::string::npos);

  SUBCASE("per province: Hà Nội's ward competes only with itself") {
    auto more = projects;
    more.push_back(read(header + "HN-01,00004,Cải tạo trường Ba Đình,50000,10,,\n")[0]);
    const auto split = lg::select_projects_per_province(more, meeting_units(), std::int64_t{80000});
    REQUIRE(split.scopes.size() == 2);
    CHECK(split.scopes[0].province_code == "01");
    CHECK(split.scopes[0].spent == 50000);
    CHECK(split.scopes[1].spent == 77500);
    const std::string csv = lg::render_plan_csv(split, more);
    CHECK(csv.find("\nHN-01,other,50000,10,true,50000,province 01: selected in class other") != std::string::npos);
    CHECK(csv.find("\nDT-01,regional_connectivity,42000,95,true,42000,province 25: selected") != std::string::npos);
    const std::string per_text = lg::render_plan_text(split, more);
    CHECK(per_text.find("\nProvince 01: budget 80000, spent 50000, left 30000, benefit 10\n") != std::string::npos);
    CHECK(lg::render_plan_json(split, more).find("\"province\": \"25\"") != std::string::npos);
  }
  SUBCASE("formats by name, and fmt prints the planning types") {
    CHECK(lg::parse_report_format("json") == lg::report_format::json);
    CHECK_FALSE(lg::parse_report_format("xml").has_value());
    CHECK(fmt::format("{} {} {} {}", lg::priority_class::residential, lg::decision_reason::does_not_fit,
                      lg::selection_method::greedy, lg::benefit_amount::from_micros(2'500'000)) ==
          "residential does_not_fit greedy 2.5");
  }
}
