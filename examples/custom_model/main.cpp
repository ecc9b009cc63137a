// Another two-tier government with the same library: the fictional Land of Nordmark,
// whose towns and rural municipalities sit under the Land, and whose municipal offices
// answer to the Land's Ministry of the Interior (municipal supervision, as in the German
// Länder). Nothing here is Vietnamese: the unit kinds are this program's own tag types,
// the vocabulary (fields, bodies, titles), the routing rules, the holidays and even the
// lifecycle of a citizen's request are its own. The library's model, routing, tracking,
// reports and org chart work on it unchanged.
#include <localgov/io/rules_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/model/queries.hpp>
#include <localgov/model/validate.hpp>
#include <localgov/reports/org_chart.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/tracker.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nordmark {

using localgov::tier;

// Unit kinds: one upper tier, two lower ones.
struct land {
  static constexpr tier level = tier::province;
  static constexpr std::string_view slug = "land";
  static constexpr std::string_view display_name = "Land";
  static constexpr std::string_view name_prefix = "Land";
};
struct town {
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "town";
  static constexpr std::string_view display_name = "Town";
  static constexpr std::string_view name_prefix = "Town of";
};
struct rural_municipality {
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "rural_municipality";
  static constexpr std::string_view display_name = "Rural municipality";
  static constexpr std::string_view name_prefix = "Municipality of";
};

struct traits {
  using unit_kinds = localgov::kind_list<land, town, rural_municipality>;
};
using organization = localgov::basic_organization<traits>;

// A citizen's request: filed, under review, then decided, referred elsewhere or withdrawn.
struct request_lifecycle {
  enum status : localgov::status_index { filed, under_review, decided, referred, withdrawn };
  static constexpr std::size_t status_count = 5;
  static constexpr localgov::status_index initial = filed;
  static constexpr localgov::status_index answer = decided;
  static constexpr std::array<std::string_view, status_count> names{"filed", "under_review", "decided", "referred",
                                                                     "withdrawn"};
  [[nodiscard]] static constexpr std::string_view name(localgov::status_index s) noexcept { return names[s]; }
  [[nodiscard]] static constexpr bool is_final(localgov::status_index s) noexcept { return s >= decided; }
  [[nodiscard]] static constexpr bool allowed(localgov::status_index from, localgov::status_index to) noexcept {
    return (from == filed && to != filed) || (from == under_review && to >= decided);
  }
};
static_assert(localgov::Lifecycle<request_lifecycle>);

localgov::vocabulary words_of_nordmark() {
  using namespace localgov;
  localgov::vocabulary words;
  for (auto [slug, name] : {std::pair{"schools", "Schools and teachers"}, {"policing", "Policing"},
                            {"building_permits", "Building permits"}, {"roads", "Roads"},
                            {"waste", "Waste collection"}, {"registration", "Residents' registration"},
                            {"supervision", "Supervision of municipalities"}})
    words.add_field({slug, name, name});
  const auto minister = words.add_post_title({"minister", "Minister", "Minister", true});
  const auto president = words.add_post_title({"president", "Minister-President", "Minister-President", true});
  const auto mayor = words.add_post_title({"mayor", "Mayor", "Mayor", true});
  const auto head = words.add_post_title({"head", "Head", "Head", true});
  words.add_post_title({"member", "Member", "Member", false});
  auto fields = [&](std::initializer_list<std::string_view> slugs) {
    std::vector<field_id> out;
    for (auto s : slugs) out.push_back(*words.find_field(s));
    return out;
  };
  words.add_body_kind({"government", "Land Government", tiers::province, body_category::committee, {}, president, true, {}});
  words.add_body_kind({"parliament", "Landtag", tiers::province, body_category::council, {}, no_id<post_title_id>, false, {}});
  words.add_body_kind({"interior", "Ministry of the Interior", tiers::province, body_category::agency,
                       fields({"policing", "supervision", "registration"}), minister, false, {}});
  words.add_body_kind({"education", "Ministry of Education", tiers::province, body_category::agency, fields({"schools"}),
                       minister, false, {}});
  words.add_body_kind({"transport", "Ministry of Transport", tiers::province, body_category::agency, fields({"roads"}),
                       minister, false, {}});
  words.add_body_kind({"council", "Municipal Council", tiers::commune, body_category::council, {}, no_id<post_title_id>,
                       false, {}});
  words.add_body_kind({"mayor-office", "Mayor's Office", tiers::commune, body_category::committee,
                       fields({"registration"}), mayor, false, {}});
  words.add_body_kind({"building-office", "Building Office", tiers::commune, body_category::agency,
                       fields({"building_permits", "roads"}), head, false, {}});
  words.add_body_kind({"public-works", "Public Works", tiers::commune, body_category::agency, fields({"waste"}), head,
                       false, {}});
  return words;
}

// Who handles what: local matters stay in the municipality, the rest goes to the Land.
constexpr std::string_view rules_csv =
    "id,field,channel,origin,handled_at,lead,coordinators,days,count,basis\n"
    "request/building_permits,building_permits,petition,commune,commune,building-office,,30,working,Building Code §64\n"
    "request/waste,waste,petition,commune,commune,public-works,,10,working,Municipal statutes\n"
    "request/registration,registration,petition,commune,commune,mayor-office,,5,working,Registration Act §17\n"
    "request/roads,roads,petition,commune,province,transport,,20,working,Roads Act: Land roads\n"
    "request/schools,schools,petition,commune,province,education,,20,working,Schools Act\n"
    "request/policing,policing,petition,commune,province,interior,,10,working,Police Act\n"
    "request/supervision,supervision,petition,commune,province,interior,,60,calendar,Municipal Code §120\n";

}  // namespace nordmark

int main() try {
  using namespace localgov;
  nordmark::organization org(nordmark::words_of_nordmark());
  const auto& words = org.words();
  auto kind = [&](std::string_view slug) { return *words.find_body_kind(slug); };

  // The compiler checks the placement: org.add_unit<nordmark::town>("x", "y", hafenstadt)
  // does not compile ("a commune-tier unit can only be placed under a province-tier unit").
  const auto land = org.add_unit<nordmark::land>("NM", "Land Nordmark");
  const auto government = org.add_body(land.id, kind("government"));
  org.reports_to(org.add_body(land.id, kind("parliament")), government);  // illustrative: who answers to whom
  const auto interior = org.add_body(land.id, kind("interior"));
  for (auto b : {interior, org.add_body(land.id, kind("education")), org.add_body(land.id, kind("transport"))})
    org.reports_to(b, government);
  const std::array<std::pair<std::string, std::string>, 3> towns{{{"NM-01", "Hafenstadt"}, {"NM-02", "Birkenau"}, {"NM-03", "Moorheide"}}};
  for (const auto& [code, name] : towns) {
    const auto unit = code == "NM-03" ? org.add_unit<nordmark::rural_municipality>(code, name, land).id
                                      : org.add_unit<nordmark::town>(code, name, land).id;
    const auto council = org.add_body(unit, kind("council"));
    const auto office = org.add_body(unit, kind("mayor-office"));
    org.reports_to(office, council);
    org.reports_to(office, interior);  // municipal supervision by the Land
    for (auto k : {kind("building-office"), kind("public-works")}) org.reports_to(org.add_body(unit, k), office);
  }
  const auto mayor = org.add_person("anna-berg", "Anna Berg");
  org.assign(mayor, *org.find_post(*org.find_body("NM-01/mayor-office"), *words.find_post_title("mayor")), date(2024, 5, 1));
  const auto minister = org.add_person("jonas-falk", "Jonas Falk");
  org.assign(minister, *org.find_post(*org.find_body("NM/transport"), *words.find_post_title("minister")), date(2023, 1, 1));
  const auto moorheide_mayor = org.add_person("lena-moor", "Lena Moor");
  org.assign(moorheide_mayor, *org.find_post(*org.find_body("NM-03/mayor-office"), *words.find_post_title("mayor")),
             date(2025, 9, 1));
  if (const auto problems = validate(org); !problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "custom_model: %s\n", p.to_string().c_str());
    return 1;
  }
  fmt::print("Land Nordmark: {} units ({} upper tier, {} lower tier), {} bodies, {} posts\n", org.unit_count(), 1,
             org.unit_count() - 1, org.body_count(), org.post_count());

  const auto path = chain_of_command(org, {node_kind::body, static_cast<std::uint32_t>(index_of(*org.find_body("NM-03/public-works")))});
  std::string chain;
  for (auto n : path) chain += (chain.empty() ? "" : " -> ") + org.code_of(n);
  fmt::print("chain of command: {}\n", chain.empty() ? std::string("none (no apex)") : chain);

  // Routing with the Land's own rules and holidays.
  const auto rules = io::read_rules(words, nordmark::rules_csv, "nordmark-rules.csv");
  const holiday_calendar calendar({{date(2026, 5, 1), "", "Labour Day"}, {date(2026, 10, 3), "", "Unity Day"}});
  const basic_routing_table<holiday_calendar> table(org, rules, calendar);
  proposal_list requests;
  const date filed(2026, 4, 27);
  struct request {
    const char* id;
    const char* town;
    const char* field;
    const char* title;
  };
  for (const auto& r : {request{"R-1", "NM-01", "building_permits", "Extension of a harbour warehouse"},
                        request{"R-2", "NM-01", "roads", "Potholes on the coast road"},
                        request{"R-3", "NM-02", "schools", "A second teacher for the village school"},
                        request{"R-4", "NM-03", "waste", "Missed bin collection"},
                        request{"R-5", "NM-03", "registration", "Change of address"}})
    requests.add({.id = r.id, .unit = *org.find_unit(r.town), .field = *words.find_field(r.field), .via = channel::petition,
                  .submitted = filed, .title = r.title});

  fmt::print("\nrequests filed on {}:\n", filed.to_string());
  for (const auto p : requests.keys()) {
    const auto r = table.route(requests[p]);
    fmt::print("  {}  {:<10} {:<17} -> {} ({}), due {}, rule {}\n", requests.id(p), org.unit(requests.unit(p)).name,
               words.field(requests.field(p)).slug, org.name_of(r->lead), org.code_of(r->lead), r->due.to_string(),
               rules[r->rule].id);
  }

  // Tracking through the Land's own lifecycle, with permissions.
  using L = nordmark::request_lifecycle;
  basic_tracker<L, holiday_calendar> track(table, requests);
  track.check_permissions(true);
  track.change(*requests.find("R-1"), date(2026, 4, 28), L::under_review, "anna-berg");
  track.change(*requests.find("R-1"), date(2026, 5, 20), L::decided, "anna-berg");
  track.change(*requests.find("R-2"), date(2026, 4, 29), L::under_review, "jonas-falk");
  track.change(*requests.find("R-5"), date(2026, 4, 30), L::decided, "lena-moor");
  try {
    track.change(*requests.find("R-3"), date(2026, 5, 2), L::decided, "anna-berg");  // a mayor deciding for the Land
  } catch (const permission_error& e) {
    fmt::print("\nrefused: {}\n", e.what());
  }
  try {
    track.change(*requests.find("R-1"), date(2026, 6, 1), L::under_review, "anna-berg");
  } catch (const transition_error& e) {
    fmt::print("refused: {}\n", e.what());
  }

  const date as_of(2026, 6, 30);
  const auto report = reports::make_status_report(track, as_of, group_by::agency);
  fmt::print("\nstatus on {}: {} requests, {} overdue\n\n{}", as_of.to_string(), report.total, report.overdue,
             reports::status_table(report, reports::times_to_answer::omit).text());

  reports::org_chart_options chart;
  chart.units = {land.id};
  chart.depth = 1;
  const auto dot = reports::org_chart_dot(org, chart);
  std::size_t clusters = 0;
  for (auto at = dot.find("subgraph cluster_u"); at != std::string::npos; at = dot.find("subgraph cluster_u", at + 1)) ++clusters;
  fmt::print("\norg chart: {} units drawn, {} bytes of DOT\n", clusters, dot.size());
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "custom_model: %s\n", e.what());
  return 1;
}
