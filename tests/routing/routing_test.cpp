// Routing: the founding scenario's five proposals, a property test over every
// commune-tier unit, field and channel, overrides, rule validation, escalation in a
// custom model, explanations, compilation duties and the proposals loader.
#include "../test_support.hpp"

#include <localgov/io/proposals_csv.hpp>
#include <localgov/io/rules_csv.hpp>
#include <localgov/model/validate.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/routing/compilation.hpp>
#include <localgov/routing/routing_table.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <memory>
#include <set>
#include <vector>

using namespace localgov;

namespace {

const rule_set& vietnam_rules() {
  static const rule_set rules = presets::vietnam_rules(test::national().words());
  return rules;
}

const routing_table& national_table() {
  static const routing_table table(test::national(), vietnam_rules(), presets::vietnam_calendar());
  return table;
}

field_id field(std::string_view slug) { return *test::national().words().find_field(slug); }

std::vector<std::string> codes(const organization_core& org, std::span<const body_id> bodies) {
  std::vector<std::string> out;
  for (auto b : bodies) out.push_back(org.code_of(b));
  return out;
}

// The fields a commune decides on a citizen's petition (DOMAIN.md section 5).
const std::set<std::string> commune_competent{"justice_civil_status", "land",      "construction_planning",
                                              "social_welfare",       "education", "administrative_procedures",
                                              "finance_budget"};

}  // namespace

TEST_CASE("the founding scenario's five proposals go to the departments the Secretary named") {
  const auto& org = test::national();
  const auto& table = national_table();
  proposal_list proposals;
  const auto path = test::data_path("scenario/proposals.csv");
  io::read_proposals(org, proposals, io::read_file(path), path);
  REQUIRE(proposals.size() == 5);
  struct expected {
    std::string unit, lead;
    std::vector<std::string> coordinators;
    std::string sector, rule;
  };
  const std::vector<expected> cases{
      {"04795", "25/noi-vu", {"25/tai-chinh"}, "", "proposal/staffing"},
      {"04828", "25/tai-chinh", {"25/xay-dung"}, "25/giao-duc-dao-tao", "proposal/public_investment"},
      {"04792", "25/khoa-hoc-cong-nghe", {}, "", "proposal/ict_digital"},
      {"04894", "25/noi-vu", {}, "25/van-phong-ubnd", "proposal/civil_service_training"},
      {"04897", "25/nong-nghiep-moi-truong", {"25/xay-dung"}, "", "proposal/land"},
  };
  for (const auto p : proposals.keys()) {
    const auto& want = cases[index_of(p)];
    INFO(proposals.id(p));
    CHECK(org.unit(proposals.unit(p)).code == want.unit);
    const auto r = table.route(proposals[p]);
    REQUIRE(r);
    CHECK(index_of(r->sector_coordinator) == index_of(table.route(proposals.unit(p), proposals.field(p), proposals.via(p),
                                               proposals.submitted(p), proposals.sector(p))->sector_coordinator));
    CHECK(org.unit(r->handled_at).code == "25");
    CHECK(org.code_of(r->lead) == want.lead);
    CHECK(codes(org, r->coordinators) == want.coordinators);
    CHECK((r->sector_coordinator == no_id<body_id> ? "" : org.code_of(r->sector_coordinator)) == want.sector);
    CHECK(table.rules()[r->rule].id == want.rule);
    CHECK(r->due == date(2026, 2, 23));  // day 60 is Saturday 14 February, in Tết (Civil Code Art. 148)  // 60 calendar days from 16 December 2025
  }
}

TEST_CASE("property: every commune-tier unit, field and channel routes to the unit itself or its own province") {
  const auto& org = test::national();
  const auto& table = national_table();
  const auto& words = org.words();
  std::size_t routed = 0;
  for (std::size_t u = 0; u < org.unit_count(); ++u) {
    const auto origin = id_at<unit_id>(u);
    if (org.tier_of(origin) != tier::commune) continue;
    const auto province = org.province_of(origin);
    for (std::size_t f = 0; f < words.fields().size(); ++f)
      for (auto via : {channel::proposal, channel::petition}) {
        const auto r = table.route(origin, id_at<field_id>(f), via, date(2026, 3, 2));
        REQUIRE(r);
        ++routed;
        const bool stays = via == channel::petition && commune_competent.contains(words.field(id_at<field_id>(f)).slug);
        // Petitions in commune-competent fields stay at the commune; all else goes to the province.
        if (r->handled_at != (stays ? origin : province)) FAIL(org.unit(origin).code << " " << words.fields()[f].slug);
        if (org.body(r->lead).unit != r->handled_at) FAIL("lead outside the handling unit");
        for (auto c : r->coordinators)
          if (org.body(c).unit != r->handled_at) FAIL("coordinator outside the handling unit");
        // Brute force: the lead is the first kind of the rule's lead list that the unit has.
        const auto& rule = table.rules()[r->rule];
        std::optional<body_id> expected;
        for (auto k : rule.lead)
          if (!expected) expected = org.find_body(r->handled_at, k);
        if (expected != r->lead) FAIL("lead is not the first present kind");
        if (r->due < date(2026, 3, 2)) FAIL("due before submission");
      }
  }
  CHECK(routed == 3321 * words.fields().size() * 2);
}

TEST_CASE("ethnic and religious affairs go to Sở Dân tộc và Tôn giáo where there is one, Sở Nội vụ elsewhere") {
  presets::vietnam_options options;
  options.ethnic_religious_departments = {"08"};  // Tuyên Quang
  const auto org = presets::vietnam_2025(io::read_file(test::units_path()), "units.csv", options);
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  const auto ethnic = *org.words().find_field("ethnic_religious");
  const auto in_tuyen_quang = *org.unit(*org.find_unit("08")).children.begin();
  CHECK(org.code_of(table.route(in_tuyen_quang, ethnic, channel::proposal, date(2026, 1, 5))->lead) == "08/dan-toc-ton-giao");
  CHECK(org.code_of(table.route(*org.find_unit("04795"), ethnic, channel::proposal, date(2026, 1, 5))->lead) == "25/noi-vu");
}

TEST_CASE("a province's own rule overrides the general one") {
  const auto& org = test::national();
  std::string text(presets::vietnam_rules_csv);
  text += "phu-tho/land,land,proposal,commune,25,province,xay-dung,nong-nghiep-moi-truong,45,working,internal,,,,,,,,Quyết định của UBND tỉnh Phú Thọ\n";
  const auto rules = io::read_rules(org.words(), text, "rules.csv");
  const routing_table table(org, rules, presets::vietnam_calendar());
  const auto in_phu_tho = table.route(*org.find_unit("04897"), field("land"), channel::proposal, date(2026, 1, 5));
  CHECK(org.code_of(in_phu_tho->lead) == "25/xay-dung");
  CHECK(codes(org, in_phu_tho->coordinators) == std::vector<std::string>{"25/nong-nghiep-moi-truong"});
  CHECK(rules[in_phu_tho->rule].id == "phu-tho/land");
  const auto in_ha_noi = table.route(*org.find_unit("00004"), field("land"), channel::proposal, date(2026, 1, 5));
  CHECK(org.code_of(in_ha_noi->lead) == "01/nong-nghiep-moi-truong");
}

TEST_CASE("a rule naming a kind of body some units lack is an error when the table is built") {
  const auto& org = test::national();
  const auto rules = io::read_rules(
      org.words(),
      "id,field,channel,origin,handled_at,lead,coordinators,days,count,basis\n"
      "planning,construction_planning,proposal,commune,province,quy-hoach-kien-truc,,30,calendar,x\n"
      "ethnic,ethnic_religious,proposal,commune,province,noi-vu,dan-toc-ton-giao,30,calendar,x\n",
      "rules.csv");
  const auto error = test::expect_throw<validation_error>([&] { const routing_table table{org, rules, presets::vietnam_calendar()}; });
  REQUIRE(error.problems().size() == 2);
  CHECK(error.problems()[0].to_string() ==
        "rules.csv:2: rule planning: Tỉnh Cao Bằng (04) has none of the lead kinds [quy-hoach-kien-truc] (and 31 more units)");
  CHECK(error.problems()[1].to_string() ==
        "rules.csv:3: rule ethnic: Thành phố Hà Nội (01) has none of the coordinating kinds [dan-toc-ton-giao] (and 33 more units)");
}

TEST_CASE("a province's own rule must name a province of the organisation") {
  const auto& org = test::national();
  const auto rules = io::read_rules(
      org.words(),
      "id,field,channel,origin,province,handled_at,lead,coordinators,days,count,basis\n"
      "typo,staffing,proposal,commune,99,province,noi-vu,,20,calendar,x\n"
      "ward,staffing,proposal,commune,04795,province,noi-vu,,20,calendar,x\n"
      "fine,staffing,proposal,commune,25,province,noi-vu,,20,calendar,x\n",
      "rules.csv");
  const auto error = test::expect_throw<validation_error>([&] { const routing_table table{org, rules, presets::vietnam_calendar()}; });
  REQUIRE(error.problems().size() == 2);
  CHECK(error.problems()[0].to_string() == "rules.csv:2: rule typo: '99' is not the code of a province in the organisation");
  CHECK(error.problems()[1].to_string() == "rules.csv:3: rule ward: '04795' is not the code of a province (it is Phường Hòa Bình (04795))");
}

TEST_CASE("a deadline is the law's only where a rule says so; the preset's are localgov's own but for complaints and denunciations") {
  const auto& words = test::national().words();
  const auto rules = io::read_rules(words,
                                    "id,field,channel,origin,handled_at,lead,coordinators,days,count,deadline,basis\n"
                                    "law,land,proposal,commune,province,noi-vu,,30,calendar,statutory,\"Luật X, Điều 1\"\n"
                                    "own,health,proposal,commune,province,y-te,,30,calendar,internal,x\n"
                                    "unsaid,staffing,proposal,commune,province,noi-vu,,30,calendar,,x\n",
                                    "rules.csv");
  CHECK(rules[id_at<rule_id>(0)].deadline == deadline_kind::statutory);
  CHECK(rules[id_at<rule_id>(1)].deadline == deadline_kind::internal);
  CHECK(rules[id_at<rule_id>(2)].deadline == deadline_kind::internal);
  const auto without_column =
      io::read_rules(words, "id,field,channel,origin,handled_at,lead,coordinators,days,count,basis\n"
                            "a,land,proposal,commune,province,noi-vu,,30,calendar,x\n", "rules.csv");
  CHECK(without_column[id_at<rule_id>(0)].deadline == deadline_kind::internal);
  // No statute sets a deadline for a commune's proposal, the answer to a petition or to a
  // voters' petition the People's Council forwards: the preset says those deadlines are
  // its own, in the kind and in the basis. Complaints and denunciations have the law's.
  const auto preset = presets::vietnam_rules(words);
  for (const auto& r : preset.all()) {
    CAPTURE(r.id);
    if (routed_by_respondent(r.via)) {
      CHECK(r.deadline == deadline_kind::statutory);
      CHECK((r.basis.starts_with("Luật Khiếu nại 2011, Điều ") || r.basis.starts_with("Luật Tố cáo 2018, Điều ")));
      CHECK(r.accept_days > 0);
    } else {
      CHECK(r.deadline == deadline_kind::internal);
      CHECK(r.basis.find("mặc định của localgov") != std::string::npos);
      CHECK(r.basis.find("không phải thời hạn luật định") != std::string::npos);
    }
  }
  // And the explanation says it.
  const auto& org = test::national();
  const routing_table table(org, preset, presets::vietnam_calendar());
  const auto why = table.explain(*org.find_unit("04795"), *words.find_field("staffing"), channel::proposal);
  REQUIRE(why);
  CHECK(why->facts[3].find(": handled at province tier, lead [noi-vu], 60 calendar days (internal deadline); ") != std::string::npos);
}

TEST_CASE("rules file: every field is checked at load, with line and column") {
  const auto& words = test::national().words();
  const std::string header = "id,field,channel,origin,handled_at,lead,coordinators,days,count,basis\n";
  auto message = [&](const std::string& rows) {
    return std::string(test::expect_throw<input_error>([&] { (void)io::read_rules(words, header + rows, "rules.csv"); }).what());
  };
  CHECK(message("a,weather,proposal,commune,province,noi-vu,,30,calendar,x\n").starts_with(
      "rules.csv:2:3: unknown field 'weather' (expected * or one of: staffing, "));
  CHECK(message("a,land,letter,commune,province,noi-vu,,30,calendar,x\n") ==
        "rules.csv:2:8: unknown channel 'letter' (expected proposal, petition, voter_petition, complaint, complaint_second or "
        "denunciation)");
  CHECK(message("a,land,proposal,district,province,noi-vu,,30,calendar,x\n") ==
        "rules.csv:2:17: unknown tier 'district' (expected province or commune)");
  CHECK(message("a,land,proposal,commune,province,so-dat-dai,,30,calendar,x\n").starts_with(
      "rules.csv:2:34: unknown kind of body 'so-dat-dai' (expected one of: tinh-uy, "));
  CHECK(message("a,land,proposal,commune,province,noi-vu,,-3,calendar,x\n") ==
        "rules.csv:2:42: bad days '-3' (expected a whole number of days, 0 to 9999)");
  CHECK(message("a,land,proposal,commune,province,noi-vu,,30,weekdays,x\n") ==
        "rules.csv:2:45: bad count 'weekdays' (expected calendar or working)");
  CHECK(message("a,land,proposal,commune,province,noi-vu,,30,calendar,x\na,health,proposal,commune,province,y-te,,30,calendar,x\n") ==
        "rules.csv:3:1: duplicate rule id 'a' (first on line 2)");
  CHECK(message("a,land,proposal,commune,province,noi-vu,,30,calendar,x\nb,land,proposal,commune,province,y-te,,30,calendar,x\n") ==
        "rules.csv:3:3: rule 'b' covers the same field, channel, origin and province as rule 'a' (line 2)");
  CHECK(message("a,land,proposal,province,commune,noi-vu,,30,calendar,x\n") ==
        "rules.csv:2:26: a matter from a province-tier unit cannot be handled at commune tier");
}

TEST_CASE("escalation follows the reporting graph of a custom model") {
  // Two regions; a municipality's office reports to the *other* region's board by a
  // custom line, so routing must follow the graph rather than the parent unit.
  vocabulary words;
  const auto roads = words.add_field({"roads", "Đường", "roads"});
  const auto head = words.add_post_title({"head", "Head", "Head", true});
  auto add_kind = [&](std::string slug, std::string name, tiers levels, body_category category, std::vector<field_id> fields) {
    body_kind_info kind;
    kind.slug = std::move(slug), kind.name = std::move(name), kind.levels = levels, kind.category = category;
    kind.fields = std::move(fields), kind.head_title = head;
    return words.add_body_kind(std::move(kind));
  };
  const auto board = add_kind("board", "Regional board", tiers::province, body_category::committee, {});
  const auto roads_office = add_kind("roads", "Roads office", tiers::province, body_category::agency, {roads});
  const auto office = add_kind("office", "Municipal office", tiers::commune, body_category::agency, {roads});
  organization org(words);
  const auto north = org.add_unit<province>("N", "North");
  const auto south = org.add_unit<province>("S", "South");
  const auto town = org.add_unit<commune>("T1", "Town", north);
  const auto north_board = org.add_body(north.id, board);
  org.reports_to(org.add_body(north.id, roads_office), north_board);
  const auto south_board = org.add_body(south.id, board);
  org.reports_to(org.add_body(south.id, roads_office), south_board);
  const auto town_office = org.add_body(town.id, office);
  org.reports_to(town_office, south_board);  // the custom line
  REQUIRE(validate(org).empty());
  rule_set rules;
  rule r;
  r.id = "roads";
  r.field = roads;
  r.lead = {roads_office};
  r.days = 10;
  rules.add(r);
  const basic_routing_table table(org, rules, holiday_calendar{});
  const auto routed = table.route(town.id, roads, channel::proposal, date(2026, 1, 5));
  REQUIRE(routed);
  CHECK(org.unit(routed->handled_at).code == "S");
  const auto why = table.explain(town.id, roads, channel::proposal);
  CHECK(codes(org, why->path) == std::vector<std::string>{"T1/office", "S/board", "S/roads"});
}

TEST_CASE("explanations name the rule, the facts and the path") {
  const auto& org = test::national();
  const auto why = national_table().explain(*org.find_unit("04897"), field("land"), channel::petition);
  REQUIRE(why);
  CHECK(national_table().rules()[why->rule].id == "petition/land");
  CHECK(codes(org, why->path) == std::vector<std::string>{"04897/phong-kinh-te"});
  REQUIRE(why->facts.size() >= 5);
  CHECK(why->facts[0] == "origin: Xã Thịnh Minh (04897), commune tier, in Tỉnh Phú Thọ (25)");
  CHECK(why->facts[3].find("Nghị định 151/2025/NĐ-CP") != std::string::npos);
  const auto up = national_table().explain(*org.find_unit("04795"), field("staffing"), channel::proposal);
  CHECK(codes(org, up->path) == std::vector<std::string>{"04795/phong-van-hoa-xa-hoi", "25/noi-vu"});
}

TEST_CASE("deadlines count working days around Tết; the complaints field is the inspectorate's, on localgov's own deadline") {
  const auto& org = test::national();
  const auto& table = national_table();
  const auto thinh_minh = *org.find_unit("04897");
  // Petition at the commune, 20 working days from Friday 13 February 2026: Tết closes
  // 14–22 February, so the count starts on Monday 23 February.
  const auto land = table.route(thinh_minh, field("land"), channel::petition, date(2026, 2, 13));
  CHECK(land->due == due_date(presets::vietnam_calendar(), date(2026, 2, 13), 20, day_count::working));
  CHECK(land->due == date(2026, 3, 20));
  // A petition about how complaints are handled (not a complaint: that has its own
  // procedure) goes to the inspectorate, on the same internal deadline.
  const auto complaint = table.route(thinh_minh, field("complaints_denunciations"), channel::petition, date(2026, 2, 13));
  CHECK(complaint->due == date(2026, 3, 20));
  CHECK(org.code_of(complaint->lead) == "25/thanh-tra");
  CHECK(table.rules()[complaint->rule].deadline == deadline_kind::internal);
}

TEST_CASE("compilation duty: the Organisation Board compiles proposals for the Standing Committee") {
  const auto& org = test::national();
  const auto duties = presets::vietnam_compilation_duties(org.words());
  const auto proposals = compilation_for(org, duties, *org.find_unit("04795"), channel::proposal);
  REQUIRE(proposals);
  CHECK(org.code_of(proposals->compiler) == "25/ban-to-chuc");
  CHECK(org.code_of(proposals->recipient) == "25/thuong-truc");
  const auto petitions = compilation_for(org, duties, *org.find_unit("04795"), channel::petition);
  CHECK(org.code_of(petitions->recipient) == "25/hdnd");
}

TEST_CASE("proposals file: bad rows are refused with line and column") {
  const auto& org = test::national();
  const std::string header = "id,unit_code,field,title,submitted,channel\n";
  auto message = [&](const std::string& rows) {
    proposal_list list;
    return std::string(test::expect_throw<input_error>([&] { io::read_proposals(org, list, header + rows, "p.csv"); }).what());
  };
  CHECK(message("1,99999,land,t,2026-01-05,\n") == "p.csv:2:3: unknown unit code '99999'");
  CHECK(message("1,04795,weather,t,2026-01-05,\n").starts_with("p.csv:2:9: unknown field 'weather'"));
  CHECK(message("1,04795,land,t,2026-01-05,fax\n") == "p.csv:2:27: unknown channel 'fax' (expected proposal, petition, voter_petition, complaint, complaint_second or "
        "denunciation)");
  CHECK(message("1,04795,land,t,2026-13-01,\n") ==
        "p.csv:2:16: bad submission date '2026-13-01' (expected a calendar date YYYY-MM-DD)");
  CHECK(message("1,04795,land,t,2026-02-30,\n") ==
        "p.csv:2:16: bad submission date '2026-02-30' (expected a calendar date YYYY-MM-DD)");
  CHECK(message("1,04795,land,t,2026-01-05,\n1,04828,land,t,2026-01-05,\n") ==
        "p.csv:3:1: duplicate proposal id '1' (first on line 2)");
  CHECK(message("A-1,04795,land,t,2026-01-05,\nA-3,04795,land,t,2026-01-05,\nA-1,04828,land,t,2026-01-05,\n") ==
        "p.csv:4:1: duplicate proposal id 'A-1' (first on line 2)");  // found by the index, once the numbering broke
  CHECK(message(",04795,land,t,2026-01-05,\n") == "p.csv:2:1: empty proposal id");
  proposal_list list;
  io::read_proposals(org, list, "id,unit_code,field,title,submitted\nA,04795,land,\"x, \"\"y\"\"\",2026-01-05\n", "p.csv");
  CHECK(list.title(proposal_id{0}) == "x, \"y\"");
  CHECK(list.via(proposal_id{0}) == channel::proposal);
}

TEST_CASE("proposal lines kept as runs: the same line for every row as a plain column") {
  // Rows one a line, records spanning several lines, rows added in code (line 0), mixed.
  std::mt19937 rng(5);
  for (int t = 0; t < 300; ++t) {
    detail::line_runs runs;
    std::vector<std::uint32_t> plain;
    std::uint32_t line = 2;
    const int rows = static_cast<int>(rng() % 400);
    for (int r = 0; r < rows; ++r) {
      const auto kind = rng() % (t % 3 == 0 ? 4 : 40);
      if (kind == 0) {
        plain.push_back(0);  // added in code
      } else {
        line += kind == 1 ? 1 + rng() % 5 : 1;  // a record of several lines before this one, or none
        plain.push_back(line);
      }
      runs.add(plain.back());
    }
    for (std::size_t i = 0; i < plain.size(); ++i) REQUIRE(runs[i] == plain[i]);
  }
  // A file of one record a line: one run, whatever its length.
  detail::line_runs file;
  for (std::uint32_t r = 0; r < 100000; ++r) file.add(r + 2);
  CHECK(file[0] == 2);
  CHECK(file[99999] == 100001);
  CHECK(file.memory_bytes() <= 64);
}

TEST_CASE("proposal ids: in place up to 15 bytes, longer ones in the arena; a duplicate adds nothing") {
  proposal_list list;
  const unit_id unit = id_at<unit_id>(0);
  const field_id field = id_at<field_id>(0);
  const date on = *date::parse("2026-01-01");
  std::vector<std::string> ids;
  for (std::size_t n = 0; n <= 40; ++n) ids.push_back(std::string(n, 'a') + std::to_string(n));  // 1 to 42 bytes
  ids.push_back("");
  ids.push_back(std::string("x\0y", 3));  // NUL inside, in place
  ids.push_back(std::string(300, 'z'));  // a length past one byte
  for (std::size_t i = 0; i < ids.size(); ++i) REQUIRE(index_of(list.add({.id = ids[i], .unit = unit, .field = field, .submitted = on})) == i);
  const auto arena = list.id_bytes();
  std::size_t longer = 0;
  for (const auto& id : ids) longer += id.size() > 15 ? id.size() : 0;
  CHECK(arena == longer);  // only ids longer than a cell's 15 bytes take arena bytes
  // Duplicates, short and long: the first is named, nothing is added, the arena is as it was.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto existing = list.try_add({.id = ids[i], .unit = unit, .field = field, .submitted = on});
    REQUIRE(!existing.added);
    CHECK(static_cast<std::size_t>(existing.key) == i);
  }
  CHECK(list.size() == ids.size());
  CHECK(list.id_bytes() == arena);
  const proposal_list copy(list);  // the copy's index reads its own cells
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CAPTURE(i);
    CHECK(list.id(static_cast<proposal_id>(i)) == ids[i]);
    CHECK(copy.id(static_cast<proposal_id>(i)) == ids[i]);
    CHECK(copy.find(ids[i]) == static_cast<proposal_id>(i));
  }
  CHECK(!list.find(std::string(15, 'a')));  // a prefix of a longer id is not it
  CHECK(!list.find(std::string(16, 'a') + "1"));
}

TEST_CASE("a proposal list: add returns the key, a duplicate is an error or an answer, keys iterate, the list moves") {
  const auto& org = test::national();
  const auto ward = *org.find_unit("04795");
  const auto land = field("land");
  proposal_list list;
  CHECK(list.empty());
  const auto first = list.add({.id = "PT-1", .unit = ward, .field = land, .submitted = date(2025, 12, 16), .title = "Đất"});
  const auto second = list.add({.id = "PT-2", .unit = ward, .field = field("staffing"), .via = channel::petition,
                                .submitted = date(2025, 12, 17)});
  CHECK(index_of(first) == 0);
  CHECK(index_of(second) == 1);
  const auto duplicate = test::expect_throw<error>([&] {
    list.add({.id = "PT-1", .unit = ward, .field = land, .submitted = date(2026, 1, 1)});
  });
  CHECK(duplicate.id() == "proposals.duplicate_id");
  CHECK(std::string(duplicate.what()) == "duplicate proposal id 'PT-1' (already proposal 0 of the list)");
  CHECK(list.size() == 2);
  CHECK(list.submitted(first) == date(2025, 12, 16));  // the first stands
  const auto again = list.try_add({.id = "PT-2", .unit = ward, .field = land, .submitted = date(2026, 1, 1)});
  CHECK(!again.added);
  CHECK(index_of(again.key) == index_of(second));
  const auto third = list.try_add({.id = "PT-3", .unit = ward, .field = land, .submitted = date(2026, 1, 1)});
  CHECK(third.added);
  CHECK(index_of(third.key) == 2);

  std::vector<std::string> ids;
  for (const auto p : list.keys()) ids.emplace_back(list[p].id);
  CHECK(ids == std::vector<std::string>{"PT-1", "PT-2", "PT-3"});
  const auto filed = list[second];
  CHECK(index_of(filed.unit) == index_of(ward));
  CHECK(filed.via == channel::petition);
  CHECK(index_of(filed.sector) == index_of(no_id<field_id>));
  CHECK(list[first].title == "Đất");
  CHECK_THROWS_AS((void)list[proposal_id{3}], error);
  const auto routed = national_table().route(list[first]);
  REQUIRE(routed);
  CHECK(org.code_of(routed->lead) == "25/nong-nghiep-moi-truong");

  // Moved, numbered or indexed: the new list finds every id; the old one is empty and usable.
  for (const bool numbered : {true, false}) {
    CAPTURE(numbered);
    proposal_list from;
    for (int i = 0; i < 100; ++i)
      from.add({.id = (numbered ? "N-" : "") + std::to_string(numbered ? 1000 + i : 7 * i % 100 + 100), .unit = ward,
                .field = land, .submitted = date(2026, 1, 1)});
    CHECK(detail::proposal_list_access::numbered(from) == numbered);
    const proposal_list copy = from;
    proposal_list moved(std::move(from));
    proposal_list assigned;
    assigned.add({.id = "gone", .unit = ward, .field = land, .submitted = date(2026, 1, 1)});
    assigned = std::move(moved);
    for (const auto p : copy.keys()) CHECK(assigned.find(copy.id(p)) == p);
    CHECK(!assigned.find("gone"));
    CHECK(from.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty and usable
    CHECK(!from.find(copy.id(proposal_id{0})));
    CHECK(index_of(from.add({.id = copy.id(proposal_id{0}), .unit = ward, .field = land, .submitted = date(2026, 1, 1)})) == 0);
    CHECK(moved.empty());  // NOLINT(bugprone-use-after-move)
  }
}

TEST_CASE("numbered proposal ids: found by their number while every id follows, by the index from the first that does not") {
  const unit_id unit = id_at<unit_id>(0);
  const field_id field = id_at<field_id>(0);
  const date on = *date::parse("2026-01-01");
  auto make = [&](const std::vector<std::string>& ids) {
    auto list = std::make_unique<proposal_list>();
    for (const auto& id : ids) list->add({.id = id, .unit = unit, .field = field, .submitted = on});
    return list;
  };
  auto padded = [](std::size_t n, std::size_t width) { return std::string(width - std::to_string(n).size(), '0') + std::to_string(n); };
  std::vector<std::string> ids;
  for (std::size_t n = 990; n < 1990; ++n) ids.push_back("KN-2026-" + padded(n, 7));
  // The same ids, reversed: found by the index only; both lists must answer alike.
  const auto numbered = make(ids);
  const auto indexed = make(std::vector<std::string>(ids.rbegin(), ids.rend()));
  CHECK(detail::proposal_list_access::numbered(*numbered));
  CHECK(!detail::proposal_list_access::numbered(*indexed));
  std::vector<std::string> keys = ids;
  for (const char* k : {"KN-2026-0000989", "KN-2026-0001990", "KN-2026-0000000", "KN-2026-9999999", "KN-2026-000099",
                        "KN-2026-00000990", "KN-2027-0000990", "kn-2026-0000990", "KN-2026-00009a0", "KN-2026-000 990",
                        "KN-2026-", "", "0000990"})
    keys.emplace_back(k);
  auto agree = [&](const proposal_list& list) {
    for (const auto& key : keys) {
      const auto a = list.find(key), b = indexed->find(key);
      if (a.has_value() != b.has_value() || (a && list.id(*a) != key)) return false;
    }
    return true;
  };
  CHECK(agree(*numbered));
  const proposal_list copy(*numbered);
  CHECK(detail::proposal_list_access::numbered(copy));
  CHECK(agree(copy));
  // A duplicate adds nothing and leaves the numbering; the next number continues it.
  CHECK(index_of(numbered->try_add({.id = ids[5], .unit = unit, .field = field, .submitted = on}).key) == 5);
  CHECK(detail::proposal_list_access::numbered(*numbered));
  numbered->add({.id = "KN-2026-0001990", .unit = unit, .field = field, .submitted = on});
  CHECK(detail::proposal_list_access::numbered(*numbered));
  CHECK(numbered->find("KN-2026-0001990") == proposal_id{1000});
  // Ids that break the pattern: out of order, a counter outgrowing its width, none, one
  // too long for 64 bits. From then on the index answers, for every id before and after.
  const std::vector<std::vector<std::string>> broken = {
      {"A-1", "A-2", "A-4", "A-3", "A-5"}, {"P-8", "P-9", "P-10", "P-11"}, {"P9", "Q0"}, {"x", "y"}, {"9", "10"},
      {"B-1", "C-2"}, {"N" + std::string(19, '1'), "N" + std::string(18, '1') + "2"}};
  for (const auto& case_ids : broken) {
    CAPTURE(case_ids.front());
    const auto list = make(case_ids);
    CHECK(!detail::proposal_list_access::numbered(*list));
    for (std::size_t i = 0; i < case_ids.size(); ++i) CHECK(list->find(case_ids[i]) == static_cast<proposal_id>(i));
  }
  // A numbered list keeps no index; when the pattern ends, the rows before it are indexed,
  // and their ids are still found, as duplicates too.
  CHECK(numbered->memory_bytes() + 1000 * 8 < indexed->memory_bytes());
  {  // reserved ahead (as the loader does) and then numbered: still no index
    proposal_list a, b;
    a.reserve(ids.size()), b.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      a.add({.id = ids[i], .unit = unit, .field = field, .submitted = on});
      b.add({.id = ids[ids.size() - 1 - i], .unit = unit, .field = field, .submitted = on});
    }
    CHECK(detail::proposal_list_access::numbered(a));
    CHECK(a.memory_bytes() + 1000 * 8 < b.memory_bytes());
  }
  CHECK(numbered->try_add({.id = "X-1", .unit = unit, .field = field, .submitted = on}).added);
  CHECK(!detail::proposal_list_access::numbered(*numbered));
  CHECK(index_of(numbered->try_add({.id = ids[499], .unit = unit, .field = field, .submitted = on}).key) == 499);
  CHECK(index_of(numbered->try_add({.id = "KN-2026-0001990", .unit = unit, .field = field, .submitted = on}).key) == 1000);
  CHECK(numbered->try_add({.id = "KN-2026-0001991", .unit = unit, .field = field, .submitted = on}).added);
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(numbered->find(ids[i]) == static_cast<proposal_id>(i));
  CHECK(numbered->find("X-1") == proposal_id{1001});
  CHECK(numbered->find("KN-2026-0001991") == proposal_id{1002});
  CHECK(numbered->size() == 1003);
  // Counters of one digit and all-digit ids hold while they fit their width.
  const auto digits = make({"0998", "0999", "1000"});
  CHECK(detail::proposal_list_access::numbered(*digits));
  CHECK(digits->find("1000") == proposal_id{2});
  CHECK(!digits->find("0997"));
  CHECK(!digits->find("1001"));
}
