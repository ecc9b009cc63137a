// What every localgov command shares (--help with an example, usage errors with status 2),
// and `route` and `report` on the founding scenario and on bad input.
#include "cli_support.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/status_report.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace test::files;

TEST_CASE("cli: every command is listed and has --help with its options and an example") {
  const auto overview = test::run({"--help"});
  for (const std::string command : {"validate", "find", "route", "report", "chart", "plan"}) {
    INFO(command);
    CHECK(overview.out.find("\n  " + command + " ") != std::string::npos);
    for (const std::vector<std::string>& args : {std::vector<std::string>{command, "--help"}, {command, "-h"},
                                                 {command, "--units", "no-such-file.csv", "--help"}}) {
      const auto r = test::run(args);
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      CHECK(r.out.starts_with("usage: localgov " + command + " --units FILE"));
      CHECK(r.out.find("\noptions:\n") != std::string::npos);
      CHECK(r.out.find("\n  --help                  this text\n") != std::string::npos);
      CHECK(r.out.find("\nexample:\n  localgov " + command + " --units data/vn-2025/units.csv") != std::string::npos);
    }
  }
}

TEST_CASE("cli route: the five proposals of the founding scenario") {
  const auto r = test::run({"route", "--units", units, "--proposals", proposals});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = test::lines_of(r.out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "id,unit_code,field,handled_at,lead,lead_name,coordinators,due,rule,channel,decider,accept_by,deadline,basis");
  // Due on Monday 23 February 2026: the 60th day, Saturday 14 February, is in the Tết break
  // (Civil Code 2015, Art. 148); a deadline of localgov's own, said so.
  const std::string internal = ",proposal,,,internal,";
  CHECK(lines[1] == "PT-2025-001,04795,staffing,25,25/noi-vu,Sở Nội vụ,25/tai-chinh,2026-02-23,proposal/staffing" + internal +
                        "\"Nghị định 150/2025/NĐ-CP: Sở Nội vụ (biên chế); hạn 60 ngày: mặc định của localgov, không phải thời "
                        "hạn luật định\"");
  CHECK(lines[2].starts_with(
      "PT-2025-002,04828,public_investment,25,25/tai-chinh,Sở Tài chính,25/xay-dung;25/giao-duc-dao-tao,2026-02-23,"
      "proposal/public_investment" + internal));
  CHECK(lines[5].starts_with(
      "PT-2025-005,04897,land,25,25/nong-nghiep-moi-truong,Sở Nông nghiệp và Môi trường,25/xay-dung,2026-02-23,"
      "proposal/land" + internal));
  for (std::size_t i = 1; i < lines.size(); ++i)
    CHECK(lines[i].find("; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định") != std::string::npos);
  const auto text = test::run({"route", "--units", units, "--proposals", proposals, "--format", "text"});
  CHECK(text.status == 0);
  CHECK(text.out.find("PT-2025-003 — Phường Tân Hòa (04792)") != std::string::npos);
  CHECK(text.out.find("→ Sở Khoa học và Công nghệ (25/khoa-hoc-cong-nghe), due 2026-02-23 (internal deadline)\n") !=
        std::string::npos);
  const auto early = test::run({"route", "--units", units, "--proposals", proposals, "--as-of", "2025-12-01"});
  CHECK(early.status == 0);
  CHECK(test::lines_of(early.out).size() == 1);
  CHECK(early.err == "localgov: 5 of 5 submitted after 2025-12-01 were not routed\n");
}

TEST_CASE("cli route: bad input is named, exit 2") {
  test::check_usage_errors({
      {{"route", "--units", units}, "localgov: missing --proposals FILE (see: localgov route --help)"},
      {{"route", "--units", units, "--proposals", proposals, "--format", "xml"},
       "localgov: bad --format 'xml' (expected one of: csv, json, text)"},
      {{"route", "--units", units, "--proposals", proposals, "--as-of", "2026-02-30"},
       "localgov: bad --as-of '2026-02-30' (expected a calendar date YYYY-MM-DD)"},
      {{"route", "--units", units, "--proposals", "/nonexistent/p.csv"},
       "localgov: /nonexistent/p.csv: cannot open: No such file or directory"},
      {{"route", "--units", "--proposals", proposals},
       "localgov: option --units needs a value (FILE), not the option --proposals"},
      {{"validate", "--units", units, "--as-of", "garbage"},
       "localgov: bad --as-of 'garbage' (expected a calendar date YYYY-MM-DD)"},
  });
  SUBCASE("a proposal from an unknown unit") {
    const test::temp_file bad("route-p.csv", "id,unit_code,field,title,submitted\nX1,99999,land,t,2025-12-16\n");
    const auto r = test::run({"route", "--units", units, "--proposals", bad});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "localgov: " + bad.path() + ":2:4: unknown unit code '99999'\n");
  }
  SUBCASE("an endless stream that is not text: refused at its first byte, without reading the rest") {
    const auto zeros = test::run({"route", "--units", "/dev/zero", "--proposals", proposals});
    CHECK(zeros.status == 2);
    CHECK(zeros.err == "localgov: /dev/zero:1:1: NUL byte in text (expected UTF-8 text without NUL)\n");
    const auto noise = test::run({"route", "--units", units, "--proposals", "/dev/urandom"});
    CHECK(noise.status == 2);
    CHECK(noise.first_error().starts_with("localgov: /dev/urandom:1:"));
  }
  SUBCASE("a rules file that is not one") {
    const test::temp_file bad("route-rules.csv", "id,unit_code\n");
    const auto r = test::run({"route", "--units", units, "--proposals", proposals, "--rules", bad});
    CHECK(r.status == 2);
    CHECK(r.first_error().starts_with("localgov: " + bad.path() + ":1:1: missing column"));
  }
}

TEST_CASE("cli report: the founding scenario as of 31 March 2026, as text and Markdown") {
  const auto r = test::run({"report", "--units", units, "--proposals", proposals, "--events", events, "--officials",
                            officials, "--as-of", "2026-03-31", "--by", "agency", "--province", "25"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("Báo cáo tình hình giải quyết kiến nghị, đề xuất đến ngày 2026-03-31 (by agency)\n"
                          "Ban Tổ chức Tỉnh ủy tổng hợp, báo cáo Thường trực Tỉnh ủy\n"));
  CHECK(r.out.find("Tỉnh Phú Thọ: 5 proposals, 4 overdue (0 past a statutory deadline, 4 past an internal one)") != std::string::npos);
  CHECK(test::has_row(r.out, {"25/noi-vu", "Sở", "Nội", "vụ,", "Tỉnh", "Phú", "Thọ", "2", "1", "0", "1", "0", "0", "0", "0", "2", "0"}));
  const auto md = test::run({"report", "--units", units, "--proposals", proposals, "--events", events, "--as-of",
                             "2026-03-31", "--by", "unit", "--format", "md"});
  CHECK(md.status == 0);
  CHECK(md.out.starts_with("## Báo cáo tình hình"));
  CHECK(md.out.find("| 04897 | Xã Thịnh Minh | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 56 | 56 |") != std::string::npos);
  CHECK(md.out.find("### Cơ quan quá hạn nhiều nhất (most overdue agencies)") != std::string::npos);
}

TEST_CASE("cli report: as of dates before some events, the same as the library's report from the full trail") {
  // A generated national history: 400 proposals over communes, random legal changes. The
  // program keeps no trail (only the state as of --as-of); the library's tracker here does.
  using namespace localgov;
  using L = default_lifecycle;
  const auto& org = test::national();
  std::mt19937 rng(17);
  std::vector<unit_id> communes;
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    if (org.tier_of(id_at<unit_id>(u)) == tier::commune) communes.push_back(id_at<unit_id>(u));
  std::string proposals_csv = "id,unit_code,field,title,submitted,channel\n";
  std::vector<date> last;
  std::vector<status_index> status;
  std::vector<channel> via;
  for (int i = 0; i < 400; ++i) {
    const auto unit = communes[rng() % communes.size()];
    const auto& field = org.words().fields()[rng() % org.words().fields().size()];
    last.push_back(date(2025, 7, 1) + static_cast<std::int32_t>(rng() % 300));
    status.push_back(L::initial);
    via.push_back(rng() % 3 == 0 ? channel::petition : channel::proposal);
    proposals_csv += "G" + std::to_string(i) + "," + org.unit(unit).code + "," + field.slug + ",t," + last.back().to_string() + "," +
                     std::string(format_as(via.back())) + "\n";
  }
  std::string events_csv = "proposal_id,date,status\n";
  for (int c = 0; c < 1000; ++c) {
    const auto i = rng() % last.size();
    std::vector<status_index> options;
    for (status_index s = 0; s < L::status_count; ++s)
      if (allowed_for<L>(via[i], status[i], s)) options.push_back(s);
    if (options.empty()) continue;
    last[i] = last[i] + static_cast<std::int32_t>(rng() % 30);
    status[i] = options[rng() % options.size()];
    events_csv += "G" + std::to_string(i) + "," + last[i].to_string() + "," + std::string(L::name(status[i])) + "\n";
  }
  const test::temp_file proposals_file("generated-proposals.csv", proposals_csv);
  const test::temp_file events_file("generated-events.csv", events_csv);
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  io::read_proposals(org, list, io::read_file(proposals_file.path()), proposals_file.path());
  tracker trail(table, list);
  io::read_events(trail, io::read_file(events_file.path()), events_file.path());
  REQUIRE(trail.events().size() > 400);
  for (const auto* as_of : {"2025-08-01", "2025-12-31", "2026-03-15", "2030-01-01"}) {
    for (const auto by : {group_by::province, group_by::agency, group_by::field}) {
      CAPTURE(as_of);
      CAPTURE(format_as(by));
      const auto r = test::run({"report", "--units", units, "--proposals", proposals_file, "--events", events_file, "--as-of",
                                as_of, "--by", std::string(format_as(by)), "--format", "csv"});
      REQUIRE(r.status == 0);
      // CSV: every count and the times to answer.
      CHECK(r.out == reports::status_table(reports::make_status_report(trail, *date::parse(as_of), by)).csv());
    }
  }
}

TEST_CASE("cli report: bad input is named, exit 2") {
  test::check_usage_errors({
      {{"report", "--units", units, "--proposals", proposals},
       "localgov: missing --as-of DATE (see: localgov report --help)"},
      {{"report", "--units", units, "--proposals", proposals, "--as-of", "31/03/2026"},
       "localgov: bad --as-of '31/03/2026' (expected a calendar date YYYY-MM-DD)"},
      {{"report", "--units", units, "--proposals", proposals, "--as-of", "2026-03-31", "--by", "ward"},
       "localgov: bad --by 'ward' (expected one of: province, unit, agency, field)"},
      {{"report", "--units", units, "--proposals", proposals, "--as-of", "2026-03-31", "--format", "pdf"},
       "localgov: bad --format 'pdf' (expected one of: text, md, csv, json)"},
      {{"report", "--units", units, "--proposals", proposals, "--as-of", "2026-03-31", "--province", "04795"},
       "localgov: unknown province code '04795' (expected the code of a province-tier unit, e.g. 25)"},
  });
  SUBCASE("an event the actor may not make, when officials are given") {
    const test::temp_file bad("report-events.csv",
                                      "proposal_id,date,status,actor\nPT-2025-003,2026-01-05,assigned,nguyen-duc-dung\n");
    const auto r = test::run({"report", "--units", units, "--proposals", proposals, "--events", bad, "--officials",
                              officials, "--as-of", "2026-03-31"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.first_error().starts_with("localgov: " + bad.path() +
                                      ":2:33: proposal PT-2025-003: Nguyễn Đức Dũng (nguyen-duc-dung) may not change it"));
  }
  SUBCASE("an event of an unknown proposal") {
    const test::temp_file bad("report-unknown.csv", "proposal_id,date,status\nPT-9,2026-01-05,assigned\n");
    const auto r = test::run({"report", "--units", units, "--proposals", proposals, "--events", bad, "--as-of", "2026-03-31"});
    CHECK(r.status == 2);
    CHECK(r.err == "localgov: " + bad.path() +
                       ":2:1: unknown proposal id 'PT-9' (expected an id from the proposals file)\n");
  }
}
