// Support for users who unit-test their own organisation logic (rules, permissions,
// reports) with localgov:
//
//   testing::builder        a small Vietnamese organisation in a few lines, through the
//                           library's own loaders (so it is validated like a real one)
//   testing::world          that organisation with rules, a routing table, proposals and
//                           a tracker, looked up by code
//   testing::naming_scope   names ids after an organisation in failure messages
//   doctest printing        when <doctest/doctest.h> is available (or already included):
//                           a failed CHECK prints "Sở Nội vụ (25/noi-vu)" rather than
//                           "312", a route as its lead, coordinators, due date and rule
//
//   #include <localgov/testing.hpp>
//   TEST_CASE("land goes to Agriculture and Environment") {
//     localgov::testing::world w(localgov::testing::builder()
//                                    .province("25", "Tỉnh Phú Thọ")
//                                    .ward("04795", "Phường Hòa Bình", "25"));
//     const auto r = w.route("04795", "land");
//     REQUIRE(r);
//     CHECK(r->lead == w.body("25/nong-nghiep-moi-truong"));
//   }
//
// examples/testing/ is a complete test file in this style. Define
// LOCALGOV_TESTING_NO_DOCTEST to leave out the doctest part.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/io/rules_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/routing/proposals.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/tracker.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#if !defined(LOCALGOV_TESTING_NO_DOCTEST)
#if defined(DOCTEST_VERSION_MAJOR)
#define LOCALGOV_TESTING_DOCTEST 1
#elif __has_include(<doctest/doctest.h>)
#include <doctest/doctest.h>
#define LOCALGOV_TESTING_DOCTEST 1
#endif
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace testing {

// Builds a Vietnamese organisation from a few calls. Units, officials and lines become
// CSV rows read by the library's loaders (io/), so mistakes are reported as they would
// be for real files, naming "<builder units>:LINE" and the like.
class builder {
 public:
  builder& province(std::string_view code, std::string_view name) { return unit(code, name, "province", {}); }
  builder& municipality(std::string_view code, std::string_view name) { return unit(code, name, "municipality", {}); }
  builder& commune(std::string_view code, std::string_view name, std::string_view province_code) {
    return unit(code, name, "commune", province_code);
  }
  builder& ward(std::string_view code, std::string_view name, std::string_view province_code) {
    return unit(code, name, "ward", province_code);
  }
  builder& special_zone(std::string_view code, std::string_view name, std::string_view province_code) {
    return unit(code, name, "special_zone", province_code);
  }
  // A person in a post: `post` is a title slug ("director", "chair", "secretary", ...),
  // `body` a body code ("25/tai-chinh"); the term runs from `from` to `to` (open by default).
  builder& official(std::string_view person_id, std::string_view name, std::string_view post, std::string_view body,
                    date from = date(2025, 7, 1), std::optional<date> to = std::nullopt) {
    for (auto field : {person_id, name, post, body}) row(officials_, field);
    row(officials_, from.to_string());
    row(officials_, to ? to->to_string() : std::string(), true);
    return *this;
  }
  // An extra line between bodies: kind part_of, reports_to, directs or coordinates_with.
  builder& line(std::string_view from_body, std::string_view to_body, link_kind kind) {
    row(lines_, from_body);
    row(lines_, to_body);
    row(lines_, format_as(kind), true);
    return *this;
  }

  // The organisation: units, the preset's bodies and lines, then officials and lines.
  // Throws input_error or validation_error like the loaders. O(rows).
  [[nodiscard]] organization build(const presets::vietnam_options& options = {}) const {
    auto org = presets::vietnam_2025(units_, "<builder units>", options);
    if (lines_.size() > lines_header.size()) io::read_lines(org, lines_, "<builder lines>");
    if (officials_.size() > officials_header.size()) io::read_officials(org, officials_, "<builder officials>");
    return org;
  }

 private:
  static constexpr std::string_view units_header = "code,name,kind,parent_code\n";
  static constexpr std::string_view officials_header = "person_id,name,post,org_code,from,to\n";
  static constexpr std::string_view lines_header = "from,to,kind\n";

  builder& unit(std::string_view code, std::string_view name, std::string_view kind, std::string_view parent) {
    row(units_, code);
    row(units_, name);
    row(units_, kind);
    row(units_, parent, true);
    return *this;
  }
  static void row(std::string& out, std::string_view field, bool last = false) {
    io::append_csv_field(out, field);
    out += last ? '\n' : ',';
  }

  std::string units_{units_header};
  std::string officials_{officials_header};
  std::string lines_{lines_header};
};

// What failure messages name ids after: set by a naming_scope (and by a world).
struct naming {
  const organization_core* org = nullptr;
  const rule_set* rules = nullptr;
  const proposal_list* proposals = nullptr;
};
[[nodiscard]] inline naming& current_naming() noexcept {
  thread_local naming names;
  return names;
}

// While it lives, ids print with the names of this organisation (and rules, proposals).
class naming_scope {
 public:
  explicit naming_scope(const organization_core& org, const rule_set* rules = nullptr,
                        const proposal_list* proposals = nullptr) noexcept
      : saved_(current_naming()) {
    current_naming() = {&org, rules, proposals};
  }
  naming_scope(const naming_scope&) = delete;
  naming_scope& operator=(const naming_scope&) = delete;
  ~naming_scope() { current_naming() = saved_; }

 private:
  naming saved_;
};

// "Phường Hòa Bình (04795)"; "unit #12" when no organisation is named; "no unit".
[[nodiscard]] inline std::string describe(unit_id id) {
  if (id == no_id<unit_id>) return "no unit";
  const auto* org = current_naming().org;
  if (org == nullptr || index_of(id) >= org->unit_count()) return "unit #" + std::to_string(index_of(id));
  return org->unit(id).name + " (" + org->unit(id).code + ")";
}
// "Sở Nội vụ (25/noi-vu)".
[[nodiscard]] inline std::string describe(body_id id) {
  if (id == no_id<body_id>) return "no body";
  const auto* org = current_naming().org;
  if (org == nullptr || index_of(id) >= org->body_count()) return "body #" + std::to_string(index_of(id));
  return std::string(org->name_of(id)) + " (" + org->code_of(id) + ")";
}
// "Giám đốc Sở Tài chính (25/tai-chinh#director)".
[[nodiscard]] inline std::string describe(post_id id) {
  if (id == no_id<post_id>) return "no post";
  const auto* org = current_naming().org;
  if (org == nullptr || index_of(id) >= org->post_count()) return "post #" + std::to_string(index_of(id));
  return org->name_of(id) + " (" + org->code_of(id) + ")";
}
// "Vương Thị Bẩy (vuong-thi-bay)".
[[nodiscard]] inline std::string describe(person_id id) {
  if (id == no_id<person_id>) return "no person";
  const auto* org = current_naming().org;
  if (org == nullptr || index_of(id) >= org->person_count()) return "person #" + std::to_string(index_of(id));
  return org->person(id).name + " (" + org->person(id).key + ")";
}
// "land (Đất đai)".
[[nodiscard]] inline std::string describe(field_id id) {
  if (id == no_id<field_id>) return "no field";
  const auto* org = current_naming().org;
  if (org == nullptr || index_of(id) >= org->words().fields().size()) return "field #" + std::to_string(index_of(id));
  const auto& f = org->words().field(id);
  return f.slug + " (" + f.name_vi + ")";
}
// "PT-2025-001".
[[nodiscard]] inline std::string describe(proposal_id id) {
  const auto* proposals = current_naming().proposals;
  const auto i = static_cast<std::size_t>(id);
  if (proposals == nullptr || i >= proposals->size()) return "proposal #" + std::to_string(i);
  return std::string(proposals->id(id));
}
// "{lead: Sở Nội vụ (25/noi-vu), coordinators: [Sở Tài chính (25/tai-chinh)], due: 2026-02-23, rule: proposal/staffing}".
[[nodiscard]] inline std::string describe(const route_result& r) {
  std::string out = "{lead: " + describe(r.lead) + ", coordinators: [";
  for (std::size_t i = 0; i < r.coordinators.size(); ++i) out += (i ? ", " : "") + describe(r.coordinators[i]);
  out += "]";
  if (r.sector_coordinator != no_id<body_id>) out += ", sector: " + describe(r.sector_coordinator);
  out += ", due: " + r.due.to_string() + ", rule: ";
  const auto* rules = current_naming().rules;
  const auto rule = static_cast<std::size_t>(r.rule);
  out += rules != nullptr && rule < rules->size() ? (*rules)[r.rule].id : "#" + std::to_string(rule);
  return out + "}";
}
[[nodiscard]] inline std::string describe(const std::optional<route_result>& r) {
  return r ? describe(*r) : std::string("no route (no rule covers it)");
}
template <UnitKind Kind>
[[nodiscard]] std::string describe(unit_ref<Kind> u) {
  return describe(u.id) + " as " + std::string(Kind::slug);
}

// An organisation with rules, a routing table, proposals and a tracker that checks
// permissions, for tests of routing and tracking. Ids print with its names while it
// lives. Not copyable or movable: the table and tracker point into it.
class world {
 public:
  explicit world(const builder& b) : world(b.build()) {}
  explicit world(organization o) : org(std::move(o)), rules(presets::vietnam_rules(org.words())), table(org, rules, presets::vietnam_calendar()),
                                   track(table, proposals), names_(org, &rules, &proposals) {
    track.check_permissions(true);
  }
  // With rules of one's own: CSV rows after the header
  // id,field,channel,origin,province,handled_at,lead,coordinators,days,count,basis.
  world(organization o, std::string_view rule_rows)
      : org(std::move(o)), rules(io::read_rules(org.words(), std::string(rules_header) + std::string(rule_rows), "<world rules>")),
        table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider), track(table, proposals),
        names_(org, &rules, &proposals) {
    track.check_permissions(true);
  }
  world(const world&) = delete;
  world& operator=(const world&) = delete;

  static constexpr std::string_view rules_header = "id,field,channel,origin,province,handled_at,lead,coordinators,days,count,basis\n";

  // Lookups that fail loudly, naming what was asked for.
  [[nodiscard]] unit_id unit(std::string_view code) const {
    if (const auto u = org.find_unit(code)) return *u;
    throw error("testing.unknown_unit", "no unit with code '" + std::string(code) + "'");
  }
  [[nodiscard]] body_id body(std::string_view code) const {
    if (const auto b = org.find_body(code)) return *b;
    throw error("testing.unknown_body", "no body with code '" + std::string(code) + "' (expected <unit code>/<kind slug>)");
  }
  [[nodiscard]] field_id field(std::string_view slug) const {
    if (const auto f = org.words().find_field(slug)) return *f;
    throw error("testing.unknown_field", "no field '" + std::string(slug) + "'");
  }
  [[nodiscard]] person_id person(std::string_view key) const {
    if (const auto p = org.find_person(key)) return *p;
    throw error("testing.unknown_person", "no person '" + std::string(key) + "'");
  }

  // Where a matter from a unit goes, submitted on `on`.
  [[nodiscard]] std::optional<route_result> route(std::string_view unit_code, std::string_view field_slug,
                                                  channel via = channel::proposal, date on = date(2025, 12, 16),
                                                  std::string_view sector = {}) const {
    return table.route(unit(unit_code), field(field_slug), via, on, sector.empty() ? no_id<field_id> : field(sector));
  }
  // Adds a proposal and starts tracking it.
  proposal_id submit(std::string_view id, std::string_view unit_code, std::string_view field_slug,
                     date on = date(2025, 12, 16), channel via = channel::proposal, std::string_view sector = {}) {
    const auto added = proposals.try_add({.id = id, .unit = unit(unit_code), .field = field(field_slug), .via = via,
                                          .submitted = on, .sector = sector.empty() ? no_id<field_id> : field(sector)});
    if (!added.added) throw error("testing.duplicate_proposal", "proposal '" + std::string(id) + "' was submitted already");
    track.sync();
    return added.key;
  }

  organization org;
  rule_set rules;
  routing_table table;
  proposal_list proposals;
  tracker track;

 private:
  naming_scope names_;
};

}  // namespace testing
LOCALGOV_NAMESPACE_END

#if defined(LOCALGOV_TESTING_DOCTEST)
// doctest prints enums through their underlying integer (doctest::toString), so the ids'
// printers are found by argument-dependent lookup; a non-template toString wins over
// doctest's template. Classes go through StringMaker specialisations.
LOCALGOV_NAMESPACE_BEGIN
inline doctest::String toString(unit_id id) { return testing::describe(id).c_str(); }
inline doctest::String toString(body_id id) { return testing::describe(id).c_str(); }
inline doctest::String toString(post_id id) { return testing::describe(id).c_str(); }
inline doctest::String toString(person_id id) { return testing::describe(id).c_str(); }
inline doctest::String toString(field_id id) { return testing::describe(id).c_str(); }
inline doctest::String toString(proposal_id id) { return testing::describe(id).c_str(); }
LOCALGOV_NAMESPACE_END

namespace doctest {
template <>
struct StringMaker<localgov::unit_id> {
  static String convert(localgov::unit_id v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::body_id> {
  static String convert(localgov::body_id v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::post_id> {
  static String convert(localgov::post_id v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::person_id> {
  static String convert(localgov::person_id v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::field_id> {
  static String convert(localgov::field_id v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::proposal_id> {
  static String convert(localgov::proposal_id v) { return localgov::testing::describe(v).c_str(); }
};
template <localgov::UnitKind Kind>
struct StringMaker<localgov::unit_ref<Kind>> {
  static String convert(const localgov::unit_ref<Kind>& v) { return localgov::testing::describe(v).c_str(); }
};
template <>
struct StringMaker<localgov::date> {
  static String convert(const localgov::date& d) { return d.to_string().c_str(); }
};
template <>
struct StringMaker<localgov::route_result> {
  static String convert(const localgov::route_result& r) { return localgov::testing::describe(r).c_str(); }
};
template <>
struct StringMaker<std::optional<localgov::route_result>> {
  static String convert(const std::optional<localgov::route_result>& r) { return localgov::testing::describe(r).c_str(); }
};
}  // namespace doctest
#undef LOCALGOV_TESTING_DOCTEST
#endif
