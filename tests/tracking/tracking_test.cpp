// Tracking: the lifecycle, the audit trail, permissions, boards against a brute-force
// recount over generated histories, conservation across groupings, and the events loader.
#include "../test_support.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/tracking/tracker.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <map>
#include <random>

using namespace localgov;
using L = default_lifecycle;

namespace {

struct fixture {
  const organization& org = test::with_officials();
  rule_set rules = presets::vietnam_rules(org.words());
  routing_table table{org, rules, presets::vietnam_calendar()};
  proposal_list proposals;
  unit_id ward = *org.find_unit("04795");  // Phường Hòa Bình
  field_id staffing = *org.words().find_field("staffing");

  fixture() {
    const auto path = test::data_path("scenario/proposals.csv");
    io::read_proposals(org, proposals, io::read_file(path), path);
  }
  proposal_id id(std::string_view key) const { return *proposals.find(key); }
};

// Generates `n` proposals over every commune-tier unit and a history of random legal
// changes for them, deterministically.
void generate(const organization_core& org, proposal_list& list, std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<unit_id> communes;
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    if (org.tier_of(id_at<unit_id>(u)) == tier::commune) communes.push_back(id_at<unit_id>(u));
  const auto fields = org.words().fields().size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto unit = communes[rng() % communes.size()];
    const auto field = id_at<field_id>(rng() % fields);
    const auto via = rng() % 3 == 0 ? channel::petition : channel::proposal;
    list.add({.id = "G" + std::to_string(i), .unit = unit, .field = field, .via = via,
              .submitted = date(2025, 7, 1) + static_cast<std::int32_t>(rng() % 365)});
  }
}

template <class Tracker>
void random_history(Tracker& t, std::uint32_t seed, std::size_t changes) {
  using L = typename Tracker::lifecycle;
  std::mt19937 rng(seed);
  const auto n = t.size();
  std::vector<date> last(n);
  for (std::size_t i = 0; i < n; ++i) last[i] = t.proposals().submitted(static_cast<proposal_id>(i));
  for (std::size_t c = 0; c < changes; ++c) {
    const auto p = static_cast<proposal_id>(rng() % n);
    const auto from = t.status(p);
    std::vector<status_index> options;
    for (status_index s = 0; s < L::status_count; ++s)
      if (allowed_for<L>(t.proposals().via(p), from, s)) options.push_back(s);
    if (options.empty()) continue;
    const auto on = last[static_cast<std::size_t>(p)] + static_cast<std::int32_t>(rng() % 40);
    t.change(p, on, options[rng() % options.size()]);
    last[static_cast<std::size_t>(p)] = on;
  }
}

// The brute-force recount: each proposal's status on a date from its own events alone.
std::map<std::pair<int, std::size_t>, std::array<std::uint32_t, L::status_count + 1>> recount(const tracker& t, date as_of) {
  std::map<std::pair<int, std::size_t>, std::array<std::uint32_t, L::status_count + 1>> counts;
  const auto& events = t.events();
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto p = static_cast<proposal_id>(i);
    if (t.proposals().submitted(p) > as_of) continue;
    status_index s = L::initial;
    for (std::size_t e = 0; e < events.size(); ++e)
      if (events.proposal(e) == p && events.on(e) <= as_of) s = events.to(e);
    const auto k = t.keys(p);
    const bool overdue = !L::is_final(s) && t.due(p) < as_of;
    for (auto [g, key] : {std::pair<int, std::size_t>{0, 0}, {1, index_of(k.province)}, {2, index_of(k.unit)},
                          {3, index_of(k.agency)}, {4, index_of(k.field)}}) {
      auto& row = counts[{g, key}];
      ++row[s];
      row[L::status_count] += overdue;  // the last column: overdue
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("the default lifecycle allows exactly the documented transitions") {
  using transitions = std::vector<std::pair<std::string, std::string>>;
  const transitions after_receipt{
      {"assigned", "assigned"},    {"assigned", "in_progress"}, {"assigned", "answered"},   {"assigned", "rejected"},
      {"assigned", "withdrawn"},   {"in_progress", "assigned"}, {"in_progress", "answered"}, {"in_progress", "rejected"},
      {"in_progress", "withdrawn"}};
  auto with = [&](transitions first) {
    first.insert(first.end(), after_receipt.begin(), after_receipt.end());
    return first;
  };
  // A field channel's matter is assigned at once; a complaint's or a denunciation's is
  // accepted (thụ lý) or refused first.
  const auto by_field = with({{"received", "assigned"}, {"received", "rejected"}, {"received", "withdrawn"}});
  const auto by_respondent = with({{"received", "accepted"},  {"received", "rejected"},  {"received", "withdrawn"},
                                   {"accepted", "assigned"},  {"accepted", "in_progress"}, {"accepted", "answered"},
                                   {"accepted", "rejected"}, {"accepted", "withdrawn"}});
  for (std::size_t c = 0; c < channel_count; ++c) {
    const auto via = static_cast<channel>(c);
    const auto& allowed = routed_by_respondent(via) ? by_respondent : by_field;
    for (status_index a = 0; a < L::status_count; ++a)
      for (status_index b = 0; b < L::status_count; ++b) {
        const bool expected =
            std::find(allowed.begin(), allowed.end(), std::pair{std::string(L::name(a)), std::string(L::name(b))}) != allowed.end();
        CHECK_MESSAGE(allowed_for<L>(via, a, b) == expected, format_as(via) << ": " << L::name(a) << " -> " << L::name(b));
      }
  }
  for (auto s : {L::answered, L::rejected, L::withdrawn}) CHECK(L::is_final(s));
  CHECK(allowed_after<L>(L::answered) == "none: answered is final");
  CHECK(allowed_after<L>(L::received, channel::complaint) == "accepted, rejected, withdrawn");
}

namespace {
// A lifecycle with names of 1 to 20 bytes, some a prefix of another, two sharing their
// first and last eight bytes (17 bytes: compared as strings): for parse_status's
// comparison of names of up to 16 bytes as integers.
struct long_names_lifecycle {
  static constexpr std::size_t status_count = 9;
  static constexpr status_index initial = 0;
  static constexpr std::array<std::string_view, status_count> names{
      "a", "ab", "abcd", "abcdefg", "abcdefgh", "abcdefgh_12345678", "abcdefgh_x2345678", "abcdefghijklmnopqrst", "ab\xC3\xA9"};
  [[nodiscard]] static constexpr std::string_view name(status_index s) noexcept { return names[s]; }
  [[nodiscard]] static constexpr bool is_final(status_index) noexcept { return false; }
  [[nodiscard]] static constexpr bool allowed(status_index, status_index) noexcept { return true; }
};
static_assert(Lifecycle<long_names_lifecycle>);

// parse_status as it was: one comparison of strings per status.
template <class Life>
std::optional<status_index> parse_status_plainly(std::string_view name) {
  for (status_index s = 0; s < Life::status_count; ++s)
    if (Life::name(s) == name) return s;
  return std::nullopt;
}

template <class Life>
std::size_t parse_status_mismatches() {
  std::vector<std::string> candidates{"", std::string(17, 'a'), std::string(40, 'x')};
  for (status_index s = 0; s < Life::status_count; ++s) {
    const std::string name(Life::name(s));
    for (std::size_t n = 0; n <= name.size(); ++n) candidates.push_back(name.substr(0, n)), candidates.push_back(name.substr(n));
    candidates.push_back(name + "x");
    candidates.push_back("x" + name);
    for (std::size_t at = 0; at < name.size(); ++at)
      for (const char c : {'\0', 'a', 'Z', '_', '\xFF'}) {
        std::string changed = name;
        changed[at] = c;
        candidates.push_back(changed);
      }
  }
  std::size_t mismatches = 0;
  for (const auto& c : candidates) mismatches += parse_status<Life>(c) != parse_status_plainly<Life>(c);
  return mismatches;
}
}  // namespace

TEST_CASE("parse_status: names compared as integers give what comparing strings gives") {
  for (status_index s = 0; s < L::status_count; ++s) CHECK(parse_status<L>(L::name(s)) == s);
  CHECK(parse_status_mismatches<L>() == 0);
  for (status_index s = 0; s < long_names_lifecycle::status_count; ++s)
    CHECK(parse_status<long_names_lifecycle>(long_names_lifecycle::name(s)) == s);
  CHECK(parse_status_mismatches<long_names_lifecycle>() == 0);
  CHECK_FALSE(parse_status<L>("Answered"));
  CHECK_FALSE(parse_status<L>("answered "));
  static_assert(parse_status<L>("in_progress") == L::in_progress);  // still constexpr
  static_assert(!parse_status<L>("in progress"));
}

TEST_CASE("changes are recorded, illegal ones refused with both statuses and the allowed ones") {
  fixture f;
  tracker t(f.table, f.proposals);
  const auto p = f.id("PT-2025-001");
  CHECK(t.status(p) == L::received);
  t.change(p, date(2025, 12, 22), L::assigned, "quach-tat-liem", "giao Sở Nội vụ");
  t.change(p, date(2026, 1, 5), L::answered);
  REQUIRE(t.events().size() == 2);
  const auto e = t.events()[0];
  CHECK(e.from == L::received);
  CHECK(e.to == L::assigned);
  CHECK(e.actor == "quach-tat-liem");
  CHECK(e.note == "giao Sở Nội vụ");
  const auto refused = test::expect_throw<transition_error>([&] { t.change(p, date(2026, 1, 6), L::assigned); });
  CHECK(std::string(refused.what()) ==
        "proposal PT-2025-001: cannot go from answered to assigned (allowed after answered for a proposal: none: answered is final)");
  const auto early = test::expect_throw<error>([&] { t.change(f.id("PT-2025-002"), date(2025, 12, 1), L::assigned); });
  CHECK(std::string(early.what()) == "proposal PT-2025-002: change dated 2025-12-01 is before its submission on 2025-12-16");
  CHECK(t.events().size() == 2);  // nothing changed
}

TEST_CASE("a date-order refusal names the date it is before: the submission or the previous change") {
  fixture f;
  tracker t(f.table, f.proposals);
  const auto p = f.id("PT-2025-001");  // submitted 2025-12-16
  t.change(p, date(2025, 12, 22), L::assigned);
  const auto before_submission = test::expect_throw<error>([&] { t.change(p, date(2025, 12, 10), L::in_progress); });
  CHECK(std::string(before_submission.what()) ==
        "proposal PT-2025-001: change dated 2025-12-10 is before its submission on 2025-12-16");
  const auto before_previous = test::expect_throw<error>([&] { t.change(p, date(2025, 12, 20), L::in_progress); });
  CHECK(std::string(before_previous.what()) ==
        "proposal PT-2025-001: change dated 2025-12-20 is before its previous change on 2025-12-22");
  CHECK(t.events().size() == 1);
}

TEST_CASE("with permissions checked, a change or a receipt that names no actor is refused") {
  fixture f;
  tracker t(f.table, f.proposals);
  t.check_permissions(true);
  const auto p = f.id("PT-2025-002");
  const auto refused = test::expect_throw<permission_error>([&] { t.change(p, date(2025, 12, 22), L::assigned); });
  CHECK(refused.id() == "tracking.no_actor");
  CHECK(std::string(refused.what()) == "proposal PT-2025-002: a change needs an actor when permissions are checked "
                                       "(expected a person_id of the officials)");
  CHECK_THROWS_AS(t.record_receipt(p, date(2025, 12, 16)), permission_error);
  CHECK_THROWS_AS(t.record_receipt(p, date(2025, 12, 16), "nguyen-duc-dung"), permission_error);  // not above Sở Tài chính
  CHECK(t.status(p) == L::received);
  CHECK(t.events().size() == 0);
  t.record_receipt(p, date(2025, 12, 16), "vuong-thi-bay");
  t.change(p, date(2025, 12, 22), L::assigned, "vuong-thi-bay");
  t.check_permissions(false);
  t.change(p, date(2025, 12, 23), L::in_progress);  // unchecked: no actor needed
  CHECK(t.events().size() == 3);
}

TEST_CASE("a tracker never touches a proposal it has not routed: a change routes it first, a read refuses") {
  fixture f;
  proposal_list list = f.proposals;
  tracker t(f.table, list);
  // Enough proposals that the tracker's columns would have to grow.
  std::vector<proposal_id> added;
  for (int i = 0; i < 300; ++i)
    added.push_back(list.add({.id = "LATE-" + std::to_string(i), .unit = f.ward, .field = f.staffing, .submitted = date(2026, 1, 7)}));
  const auto last = added.back();
  const auto not_routed = test::expect_throw<error>([&] { (void)t.status(last); });
  CHECK(not_routed.id() == "tracking.not_routed");
  CHECK(std::string(not_routed.what()) ==
        "proposal LATE-299 was added to the list after the tracker last routed it (call sync())");
  CHECK_THROWS_AS((void)t.due(last), error);
  CHECK_THROWS_AS((void)t.keys(last), error);
  CHECK(t.size() == f.proposals.size());
  CHECK(t.live_board().total(group_by::country, 0) == f.proposals.size());
  // A change to one of them routes them all, then applies: due from the rule, not 1970.
  t.change(last, date(2026, 1, 9), L::assigned);
  CHECK(t.size() == list.size());
  CHECK(t.status(last) == L::assigned);
  CHECK(t.due(last) == f.table.route(list[last])->due);
  CHECK(t.due(last) > date(2026, 1, 7));
  CHECK(t.live_board().total(group_by::country, 0) == list.size());
  // A key beyond the list is refused, by a change as by a read; nothing changes.
  const auto beyond = static_cast<proposal_id>(list.size());
  const auto unknown = test::expect_throw<error>([&] { t.change(beyond, date(2026, 1, 9), L::assigned); });
  CHECK(unknown.id() == "tracking.unknown_proposal");
  CHECK_THROWS_AS((void)t.status(beyond), error);
  CHECK_THROWS_AS(t.record_receipt(beyond, date(2026, 1, 9)), error);
  CHECK(t.events().size() == 1);
}

TEST_CASE("a proposal whose deadline the calendar cannot tell is refused by name; the tracker keeps what it had") {
  fixture f;
  proposal_list list = f.proposals;
  tracker t(f.table, list);
  // 60 calendar days from 1 December 2031 reach 30 January 2032, past the preset calendar.
  for (int i = 0; i < 40000; ++i)  // three parts' worth, so that threads route them too
    list.add({.id = "Y-" + std::to_string(i), .unit = f.ward, .field = f.staffing, .submitted = date(2031, 1, 1) + i % 300});
  const auto late = list.add({.id = "LATE", .unit = f.ward, .field = f.staffing, .submitted = date(2031, 12, 1)});
  list.add({.id = "AFTER", .unit = f.ward, .field = f.staffing, .submitted = date(2026, 1, 7)});
  const std::string message =
      "proposal LATE submitted on 2031-12-01: the calendar knows the days off from 2025-01-01 to 2031-12-31 only, and "
      "cannot count on 2032-01-30 (list that year's holidays and widen it with know_only)";
  for (const unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    const auto refused = test::expect_throw<error>([&] { detail::tracker_access::sync(t, threads); });
    CHECK(refused.id() == "calendar.unknown_days_off");
    CHECK(std::string(refused.what()) == message);
    CHECK(t.size() == f.proposals.size());
    CHECK(t.live_board().total(group_by::country, 0) == f.proposals.size());
    CHECK_THROWS_AS((void)t.status(late), error);
  }
  CHECK_THROWS_WITH_AS((void)tracker(f.table, list), message.c_str(), error);
  // A change that would route it is refused the same way, and changes nothing.
  CHECK_THROWS_WITH_AS(t.change(late, date(2031, 12, 2), L::assigned), message.c_str(), error);
  CHECK(t.size() == f.proposals.size());
  CHECK(t.events().size() == 0);
}

TEST_CASE("reports count what is overdue past the law's deadlines apart from what is past internal ones") {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider);
  proposal_list list;
  const auto ward = *org.find_unit("04795");
  const auto land = *org.words().find_field("land");
  // A complaint (the law's clock: due 11 September 2026), a proposal (localgov's 60 days:
  // 2 October), a denunciation answered in time, all received on 3 August 2026.
  const auto complaint = list.add({.id = "K", .unit = ward, .field = land, .via = channel::complaint,
                                   .submitted = date(2026, 8, 3), .against = {*org.find_body("04795/ubnd")}});
  const auto proposal = list.add({.id = "P", .unit = ward, .field = land, .submitted = date(2026, 8, 3)});
  const auto denunciation = list.add({.id = "T", .unit = ward, .field = land, .via = channel::denunciation,
                                      .submitted = date(2026, 8, 3), .against = {*org.find_body("25/noi-vu")}});
  tracker t(table, list);
  CHECK(t.deadline(complaint) == deadline_kind::statutory);
  CHECK(t.deadline(proposal) == deadline_kind::internal);
  CHECK(t.due(complaint) == date(2026, 9, 11));
  CHECK(t.due(proposal) == date(2026, 10, 2));
  t.change(denunciation, date(2026, 8, 12), L::accepted);
  t.change(denunciation, date(2026, 8, 20), L::answered);
  const auto in_september = reports::make_status_report(t, date(2026, 9, 30), group_by::province);
  CHECK(in_september.overdue == 1);
  CHECK(in_september.overdue_statutory == 1);
  const auto in_october = reports::make_status_report(t, date(2026, 10, 15), group_by::province);
  CHECK(in_october.overdue == 2);
  CHECK(in_october.overdue_statutory == 1);
  REQUIRE(in_october.rows.size() == 1);
  CHECK(in_october.rows[0].overdue_statutory == 1);
  CHECK(reports::status_table(in_october).csv() ==
        "key,name,total,received,accepted,assigned,in_progress,answered,rejected,withdrawn,overdue,overdue_statutory,"
        "days_to_answer_median,days_to_answer_p90\n25,Tỉnh Phú Thọ,3,2,0,0,0,1,0,0,2,1,17,17\n");
  CHECK(reports::status_json(in_october).find("\"total\": 3, \"overdue\": 2, \"overdue_statutory\": 1, ") != std::string::npos);
}

TEST_CASE("permissions: lead and coordinating agencies and those above them, on the date") {
  fixture f;
  tracker t(f.table, f.proposals);
  t.check_permissions(true);
  // Vương Thị Bẩy directs Sở Tài chính: lead of PT-2025-002, coordinator of PT-2025-001.
  t.change(f.id("PT-2025-002"), date(2025, 12, 22), L::assigned, "vuong-thi-bay");
  t.change(f.id("PT-2025-001"), date(2025, 12, 22), L::assigned, "vuong-thi-bay");
  // Quách Tất Liêm, Vice-Chair of the People's Committee (concurrently a Party Committee
  // member), stands above every department.
  t.change(f.id("PT-2025-003"), date(2025, 12, 23), L::assigned, "quach-tat-liem");
  // Bùi Đức Hinh chairs the People's Council, above the People's Committee.
  t.change(f.id("PT-2025-005"), date(2025, 12, 23), L::assigned, "bui-duc-hinh");
  // The Secretary of a ward's Party Committee is not above Sở Khoa học và Công nghệ.
  const auto refused = test::expect_throw<permission_error>(
      [&] { t.change(f.id("PT-2025-003"), date(2026, 1, 5), L::in_progress, "nguyen-duc-dung"); });
  CHECK(std::string(refused.what()) ==
        "proposal PT-2025-003: Nguyễn Đức Dũng (nguyen-duc-dung) may not change it on 2026-01-05: it is led by Sở Khoa học "
        "và Công nghệ (25/khoa-hoc-cong-nghe); their posts that day: Bí thư Đảng ủy phường");
  CHECK(t.status(f.id("PT-2025-003")) == L::assigned);
  // Before a term starts, nobody holds the post.
  const auto before = test::expect_throw<permission_error>(
      [&] { t.change(f.id("PT-2025-004"), date(2025, 12, 20), L::assigned, "vuong-thi-bay"); });
  CHECK(std::string(before.what()).find("Sở Nội vụ") != std::string::npos);
  CHECK_THROWS_AS(t.change(f.id("PT-2025-004"), date(2025, 12, 20), L::assigned, "nobody"), permission_error);
}

TEST_CASE("permissions end with the term") {
  auto org = presets::load_vietnam_2025(test::units_path());
  io::read_officials(org,
                     "person_id,name,post,org_code,from,to\n"
                     "a,Nguyễn Văn A,director,25/noi-vu,2025-07-01,2025-12-31\n"
                     "b,Trần Thị B,director,25/noi-vu,2026-01-01,\n",
                     "officials.csv");
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  list.add({.id = "X", .unit = *org.find_unit("04795"), .field = *org.words().find_field("staffing"), .submitted = date(2025, 12, 1)});
  tracker t(table, list);
  t.check_permissions(true);
  t.change(proposal_id{0}, date(2025, 12, 31), L::assigned, "a");
  CHECK_THROWS_AS(t.change(proposal_id{0}, date(2026, 1, 2), L::in_progress, "a"), permission_error);
  t.change(proposal_id{0}, date(2026, 1, 2), L::in_progress, "b");
  CHECK(t.status(proposal_id{0}) == L::in_progress);
}

TEST_CASE("without head posts: the same bodies, routes and permissions; only the posts officials hold") {
  const auto& with_posts = test::with_officials();
  presets::vietnam_options options;
  options.head_posts = false;
  auto lean = presets::load_vietnam_2025(test::units_path(), options);
  CHECK(lean.post_count() == 0);
  const auto officials = test::data_path("scenario/officials.csv");
  io::read_officials(lean, io::read_file(officials), officials);
  // The officials' posts only: far fewer than a head post in every body.
  CHECK(lean.post_count() > 0);
  CHECK(lean.post_count() * 100 < with_posts.post_count());
  REQUIRE(lean.body_count() == with_posts.body_count());
  CHECK(lean.holdings().size() == with_posts.holdings().size());
  const std::size_t posts_left_out = with_posts.post_count() - lean.post_count();
  CHECK(boost::num_vertices(lean.graph()) + posts_left_out == boost::num_vertices(with_posts.graph()));
  CHECK(boost::num_edges(lean.graph()) + posts_left_out == boost::num_edges(with_posts.graph()));  // each a part_of line

  const auto rules = presets::vietnam_rules(with_posts.words());
  const routing_table table(with_posts, rules, presets::vietnam_calendar()), lean_table(lean, rules, presets::vietnam_calendar());
  REQUIRE(table.entries().size() == lean_table.entries().size());
  for (std::size_t i = 0; i < table.entries().size(); ++i) {
    const auto &a = table.entries()[i], &b = lean_table.entries()[i];
    REQUIRE((a.lead == b.lead && a.handled_at == b.handled_at && a.rule == b.rule && a.coordinators_count == b.coordinators_count));
  }

  // Every official, every scenario proposal, on dates before, in and after the terms.
  const auto path = test::data_path("scenario/proposals.csv");
  proposal_list list, lean_list;
  io::read_proposals(with_posts, list, io::read_file(path), path);
  io::read_proposals(lean, lean_list, io::read_file(path), path);
  const tracker t(table, list), lean_t(lean_table, lean_list);
  std::size_t allowed = 0, refused = 0;
  for (const auto& person : with_posts.persons()) {
    const auto lean_person = lean.find_person(person.key);
    REQUIRE(lean_person);
    for (std::size_t p = 0; p < list.size(); ++p)
      for (const auto on : {date(2025, 7, 1), date(2025, 12, 20), date(2025, 12, 22), date(2026, 1, 5), date(2026, 6, 30)}) {
        const bool may = t.may_change(*with_posts.find_person(person.key), id_at<proposal_id>(p), on);
        INFO(person.key << " " << list.id(id_at<proposal_id>(p)) << " " << on.to_string());
        CHECK(lean_t.may_change(*lean_person, id_at<proposal_id>(p), on) == may);
        ++(may ? allowed : refused);
      }
  }
  CHECK(allowed > 0);
  CHECK(refused > 0);
}

TEST_CASE("property: boards equal a brute-force recount at several dates; totals are conserved") {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    proposal_list list;
    generate(org, list, 400, seed);
    tracker t(table, list);
    random_history(t, seed * 7, 900);
    for (auto as_of : {date(2025, 6, 30), date(2025, 10, 1), date(2026, 1, 15), date(2026, 6, 30), date(2027, 12, 31)}) {
      INFO("seed " << seed << " as of " << as_of.to_string());
      const auto board = t.board_at(as_of);
      const auto expected = recount(t, as_of);
      for (const auto& [key, row] : expected) {
        const auto g = static_cast<group_by>(key.first);
        for (status_index s = 0; s < L::status_count; ++s) REQUIRE(board.count(g, key.second, s) == row[s]);
        REQUIRE(board.overdue(g, key.second) == row[L::status_count]);
      }
      // Conservation: units sum to provinces sum to the country; agencies and fields too.
      for (auto g : {group_by::province, group_by::unit, group_by::agency, group_by::field}) {
        std::uint64_t total = 0, overdue = 0;
        for (std::size_t k = 0; k < board.key_count(g); ++k) total += board.total(g, k), overdue += board.overdue(g, k);
        CHECK(total == board.total(group_by::country, 0));
        CHECK(overdue == board.overdue(group_by::country, 0));
      }
      const auto report = reports::make_status_report(t, as_of, group_by::unit);
      std::uint32_t sum = 0;
      for (const auto& r : report.rows) sum += r.total;
      CHECK(sum == board.total(group_by::country, 0));
    }
    // After every event, the board of that date and a replay of the trail alone both
    // reproduce the live board (overdue aside): nothing lost or counted twice.
    const auto after = t.board_at(date(2100, 1, 1));
    for (std::size_t k = 0; k < after.key_count(group_by::unit); ++k)
      for (status_index s = 0; s < L::status_count; ++s)
        REQUIRE(after.count(group_by::unit, k, s) == t.live_board().count(group_by::unit, k, s));
    for (const auto& [key, row] : recount(t, date(2100, 1, 1)))
      for (status_index s = 0; s < L::status_count; ++s)
        REQUIRE(t.live_board().count(static_cast<group_by>(key.first), key.second, s) == row[s]);
  }
}

namespace {

// The default lifecycle, except that an answer may be reopened (answered -> assigned):
// time to answer then counts every answer, not only a last one.
struct reopenable_lifecycle : default_lifecycle {
  [[nodiscard]] static constexpr bool is_final(status_index s) noexcept { return s == rejected || s == withdrawn; }
  [[nodiscard]] static constexpr bool allowed(status_index from, status_index to) noexcept {
    return (from == answered && to == assigned) || default_lifecycle::allowed(from, to);
  }
  [[nodiscard]] static constexpr bool allowed(channel via, status_index from, status_index to) noexcept {
    return (from == answered && to == assigned) || default_lifecycle::allowed(via, from, to);
  }
};

// The report's rows against a brute force from the trail alone: each proposal's status
// from its own events, each answer on or before the date a time to answer.
template <Lifecycle Life>
void check_report_against_trail(std::uint32_t seed) {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  generate(org, list, 300, seed);
  basic_tracker<Life, holiday_calendar> t(table, list);
  random_history(t, seed * 11, 1200);
  const auto& events = t.events();
  for (auto as_of : {date(2025, 8, 1), date(2026, 1, 15), date(2026, 9, 30), date(2030, 1, 1)}) {
    INFO("seed " << seed << " as of " << as_of.to_string());
    struct expected_row {
      std::uint32_t total = 0, overdue = 0;
      std::array<std::uint32_t, Life::status_count> status{};
      std::vector<std::int32_t> days;
    };
    std::map<std::string, expected_row> expected;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const auto p = static_cast<proposal_id>(i);
      if (list.submitted(p) > as_of) continue;
      auto& row = expected[org.words().field(list.field(p)).slug];
      status_index s = Life::initial;
      for (std::size_t e = 0; e < events.size(); ++e) {
        if (events.proposal(e) != p || events.on(e) > as_of) continue;
        s = events.to(e);
        if (s == Life::answer) row.days.push_back(events.on(e) - list.submitted(p));
      }
      ++row.total, ++row.status[s];
      row.overdue += !Life::is_final(s) && t.due(p) < as_of;
    }
    const auto report = reports::make_status_report(t, as_of, group_by::field);
    // The same history without a trail, watching this date: the same report, in less memory.
    basic_tracker<Life, holiday_calendar> watching(table, list);
    detail::tracker_access::keep_state_only(watching, as_of);
    random_history(watching, seed * 11, 1200);
    CHECK(watching.events().size() == 0);
    CHECK(watching.changes() == t.changes());
    CHECK(watching.memory_bytes() < t.memory_bytes());
    CHECK(watching.statuses_at(as_of) == t.statuses_at(as_of));
    const auto watched_report = reports::make_status_report(watching, as_of, group_by::field);
    CHECK(reports::status_table(watched_report).csv() == reports::status_table(report).csv());
    REQUIRE(report.rows.size() == expected.size());
    for (const auto& r : report.rows) {
      INFO("field " << r.key);
      auto& want = expected.at(r.key);
      CHECK(r.total == want.total);
      CHECK(r.overdue == want.overdue);
      for (status_index s = 0; s < Life::status_count; ++s) CHECK(r.status[s] == want.status[s]);
      std::sort(want.days.begin(), want.days.end());
      CHECK(r.answered == want.days.size());
      if (!want.days.empty()) {
        CHECK(r.median_days == detail::percentile(want.days, 0.5));
        CHECK(r.p90_days == detail::percentile(want.days, 0.9));
      }
    }
  }
}

}  // namespace

TEST_CASE("routing the proposals in several threads gives what one thread gives, first sync or later") {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  generate(org, list, 50000, 21);  // parts of 16,384 at least: three threads' worth
  const tracker one(table, list);
  auto same = [&](const tracker& t) {
    REQUIRE(t.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      const auto p = static_cast<proposal_id>(i);
      REQUIRE(t.status(p) == one.status(p));
      REQUIRE(t.due(p) == one.due(p));
      REQUIRE(t.last_change(p) == one.last_change(p));
      REQUIRE(t.keys(p).agency == one.keys(p).agency);
    }
    for (auto g : {group_by::country, group_by::province, group_by::unit, group_by::agency, group_by::field})
      for (std::size_t k = 0; k < one.live_board().key_count(g); ++k)
        REQUIRE(t.live_board().count(g, k, L::initial) == one.live_board().count(g, k, L::initial));
  };
  for (unsigned threads : {2u, 3u, 8u}) {
    CAPTURE(threads);
    same(detail::tracker_access::make<tracker>(table, list, threads));
  }
  // Later syncs route only the proposals added since, in parallel too, watching a date.
  proposal_list growing;
  generate(org, growing, 10000, 21);  // the same first proposals as `list`
  tracker later(table, growing);
  detail::tracker_access::keep_state_only(later, date(2026, 1, 1));
  proposal_list rest;
  generate(org, rest, 50000, 21);
  for (std::size_t i = 10000; i < rest.size(); ++i) growing.add(rest[static_cast<proposal_id>(i)]);
  detail::tracker_access::sync(later, 2);
  same(later);
  CHECK(later.statuses_at(date(2026, 1, 1)) == one.statuses_at(date(2026, 1, 1)));
}

TEST_CASE("a report counted in several threads is the report one thread counts") {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  generate(org, list, 50000, 23);  // parts of 16,384 at least: three threads' worth
  tracker t(table, list);
  random_history(t, 5, 60000);
  const auto hanoi = org.find_unit("01");
  REQUIRE(hanoi);
  for (const date as_of : {date(2026, 1, 20), date(2026, 3, 31), date(2100, 1, 1)})
    for (auto by : {group_by::country, group_by::province, group_by::unit, group_by::agency, group_by::field})
      for (const std::optional<unit_id> province : {std::optional<unit_id>{}, std::optional<unit_id>{*hanoi}}) {
        CAPTURE(as_of.to_string());
        CAPTURE(static_cast<int>(by));
        const auto one = reports::make_status_report(t, as_of, by, province);
        REQUIRE(one.total > 0);
        for (unsigned threads : {2u, 3u, 8u}) {
          CAPTURE(threads);
          const auto many = reports::make_status_report(t, as_of, by, province, threads);
          CHECK(many.total == one.total);
          CHECK(many.overdue == one.overdue);
          CHECK(reports::status_json(many) == reports::status_json(one));  // every row, count and percentile
          CHECK(reports::status_table(many).csv() == reports::status_table(one).csv());
        }
      }
}

TEST_CASE("without a trail (the one-date report's mode): the present and the watched date only; another date is an error") {
  const auto& org = test::national();
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  proposal_list list;
  generate(org, list, 300, 9);
  tracker t(table, list);
  random_history(t, 99, 900);
  const date watched(2026, 1, 15), later(2100, 1, 1), other(2025, 12, 1);
  for (const auto keep_date : {watched, date::max()}) {
    CAPTURE(keep_date.to_string());
    tracker w(table, list);
    CHECK(detail::tracker_access::keeps_trail(w));
    detail::tracker_access::keep_state_only(w, keep_date);
    CHECK_FALSE(detail::tracker_access::keeps_trail(w));
    CHECK(detail::tracker_access::watched(w) == keep_date);
    random_history(w, 99, 900);
    // After every change (the present): the columns, as with the trail.
    CHECK(w.statuses_at(later) == t.statuses_at(later));
    CHECK(reports::status_table(reports::make_status_report(w, later, group_by::unit)).csv() ==
          reports::status_table(reports::make_status_report(t, later, group_by::unit)).csv());
    for (std::size_t k = 0; k < t.live_board().key_count(group_by::unit); ++k)
      for (status_index s = 0; s < L::status_count; ++s)
        REQUIRE(w.live_board().count(group_by::unit, k, s) == t.live_board().count(group_by::unit, k, s));
    if (keep_date == watched) {
      const auto b = w.board_at(watched), expected = t.board_at(watched);
      for (std::size_t k = 0; k < expected.key_count(group_by::agency); ++k) {
        REQUIRE(b.overdue(group_by::agency, k) == expected.overdue(group_by::agency, k));
        for (status_index s = 0; s < L::status_count; ++s)
          REQUIRE(b.count(group_by::agency, k, s) == expected.count(group_by::agency, k, s));
      }
    }
    // A date some proposal changed after, and not watched: the trail would be needed.
    for (const auto d : keep_date == watched ? std::vector<date>{other, date(2026, 1, 16)} : std::vector<date>{other, watched}) {
      CAPTURE(d.to_string());
      CHECK_THROWS_WITH_AS((void)w.statuses_at(d),
                           ("the status as of " + d.to_string() + " needs the audit trail, which this tracker does not keep (it keeps the state as of " +
                            (keep_date == watched ? std::string("2026-01-15") : std::string("the last change")) + ")")
                               .c_str(),
                           error);
      CHECK_THROWS_AS((void)reports::make_status_report(w, d, group_by::field), error);
    }
  }
}

TEST_CASE("percentiles by counting or by selection equal those of the sorted values") {
  std::mt19937 rng(11);
  const std::vector<std::pair<std::int64_t, std::int64_t>> ranges = {
      {0, 0}, {0, 3}, {-5, 400}, {0, 100000}, {INT32_MIN, INT32_MAX}, {INT32_MAX - 10, INT32_MAX}, {INT32_MIN, INT32_MIN + 3}};
  for (int t = 0; t < 2000; ++t) {
    const auto [lo, hi] = ranges[static_cast<std::size_t>(t) % ranges.size()];
    std::uniform_int_distribution<std::int64_t> value(lo, hi);
    std::vector<std::int32_t> values(1 + rng() % 300);
    for (auto& v : values) v = static_cast<std::int32_t>(value(rng));
    if (t % 5 == 0) values.push_back(static_cast<std::int32_t>(lo));  // the span's ends, so both ways are taken
    auto sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [q1, q2] : {std::pair{0.5, 0.9}, std::pair{0.01, 1.0}, std::pair{0.9, 0.5}}) {
      auto scratch = values;
      const auto got = detail::select_percentiles(scratch, q1, q2);
      CAPTURE(t);
      REQUIRE(got[0] == detail::percentile(sorted, q1));
      REQUIRE(got[1] == detail::percentile(sorted, q2));
    }
  }
}

TEST_CASE("property: report rows and times to answer equal a brute force from the trail, answers final or not") {
  for (std::uint32_t seed : {4u, 5u}) {
    check_report_against_trail<default_lifecycle>(seed);
    check_report_against_trail<reopenable_lifecycle>(seed);
  }
}

TEST_CASE("events file: applied in order; every bad row names its line and column") {
  fixture f;
  const std::string header = "proposal_id,date,status,actor,note\n";
  auto load = [&](const std::string& rows, bool permissions) {
    tracker t(f.table, f.proposals);
    t.check_permissions(permissions);
    io::read_events(t, header + rows, "events.csv");
    return t.events().size();
  };
  auto message = [&](const std::string& rows, bool permissions = false) {
    return std::string(test::expect_throw<input_error>([&] { load(rows, permissions); }).what());
  };
  const auto path = test::data_path("scenario/events.csv");
  {
    tracker t(f.table, f.proposals);
    t.check_permissions(true);
    io::read_events(t, io::read_file(path), path);
    CHECK(t.events().size() == 6);
    CHECK(t.status(f.id("PT-2025-005")) == L::answered);
  }
  CHECK(load("PT-2025-001,2025-12-16,received,,\nPT-2025-001,2025-12-20,assigned,,\n", false) == 2);
  CHECK(message("PT-9,2026-01-01,assigned,,\n") ==
        "events.csv:2:1: unknown proposal id 'PT-9' (expected an id from the proposals file)");
  CHECK(message("PT-2025-001,2026-01-01,done,,\n") ==
        "events.csv:2:24: unknown status 'done' (expected one of: received, accepted, assigned, in_progress, answered, rejected, "
        "withdrawn)");
  CHECK(message("PT-2025-001,2026-02-30,assigned,,\n") ==
        "events.csv:2:13: bad date '2026-02-30' (expected a calendar date YYYY-MM-DD)");
  CHECK(message("PT-2025-001,2025-12-01,assigned,,\n") ==
        "events.csv:2:13: proposal PT-2025-001: change dated 2025-12-01 is before its submission on 2025-12-16");
  CHECK(message("PT-2025-001,2026-01-10,assigned,,\nPT-2025-001,2026-01-05,answered,,\n") ==
        "events.csv:3:13: proposal PT-2025-001: change dated 2026-01-05 is before its previous change on 2026-01-10");
  CHECK(message("PT-2025-001,2026-01-10,answered,,\n") ==
        "events.csv:2:24: proposal PT-2025-001: cannot go from received to answered (allowed after received for a proposal: assigned, "
        "rejected, withdrawn)");
  CHECK(message("PT-2025-001,2026-01-10,assigned,,\nPT-2025-001,2026-01-11,received,,\n") ==
        "events.csv:3:24: proposal PT-2025-001: received may only be its first event");
  CHECK(message("PT-2025-003,2026-01-05,assigned,nguyen-duc-dung,\n", true).starts_with(
      "events.csv:2:33: proposal PT-2025-003: Nguyễn Đức Dũng (nguyen-duc-dung) may not change it on 2026-01-05"));
  // Without officials, the history is taken as recorded.
  CHECK(load("PT-2025-003,2026-01-05,assigned,nguyen-duc-dung,\n", false) == 1);
}

TEST_CASE("the founding scenario's report: by unit and by agency, with what is overdue") {
  fixture f;
  tracker t(f.table, f.proposals);
  const auto path = test::data_path("scenario/events.csv");
  io::read_events(t, io::read_file(path), path);
  const auto by_agency = reports::make_status_report(t, date(2026, 3, 31), group_by::agency);
  std::vector<std::string> keys;
  for (const auto& r : by_agency.rows) keys.push_back(r.key + ":" + std::to_string(r.total) + "/" + std::to_string(r.overdue));
  CHECK(keys == std::vector<std::string>{"25/khoa-hoc-cong-nghe:1/1", "25/noi-vu:2/2", "25/nong-nghiep-moi-truong:1/0",
                                         "25/tai-chinh:1/1"});
  CHECK(by_agency.total == 5);
  CHECK(by_agency.overdue == 4);
  // On 1 February 2026 nothing was due yet (due 23 February).
  CHECK(reports::make_status_report(t, date(2026, 2, 1), group_by::agency).overdue == 0);
  const auto json = reports::status_json(reports::make_status_report(t, date(2026, 3, 31), group_by::province));
  CHECK(json ==
        "{\"as_of\": \"2026-03-31\", \"by\": \"province\", \"total\": 5, \"overdue\": 4, \"overdue_statutory\": 0, \"groups\": "
        "[{\"key\": \"25\", \"name\": \"Tỉnh Phú Thọ\", \"total\": 5, \"overdue\": 4, \"overdue_statutory\": 0, \"status\": {\"received\": 1, \"accepted\": 0, \"assigned\": 2, \"in_progress\": 1, "
        "\"answered\": 1, \"rejected\": 0, \"withdrawn\": 0}}]}\n");
  const auto by_field = reports::make_status_report(t, date(2026, 3, 31), group_by::field);
  const auto land = std::find_if(by_field.rows.begin(), by_field.rows.end(), [](auto& r) { return r.key == "land"; });
  REQUIRE(land != by_field.rows.end());
  CHECK(land->median_days == 56);  // submitted 16 December, answered 10 February
}

namespace {

// The records of a proposals file and of an events file (each with its line end; the
// header first) for `n` generated proposals over every commune-tier unit, some with
// quoted ids, titles and notes (doubled quotes, commas, line breaks), and a legal history
// in date order: enough records for many blocks of a parallel read.
// Numbered: ids KN-2026-0000001, KN-2026-0000002, ... in file order (see
// proposal_list::numbered); else P-0, P-1, ... and every 97th a quoted Q"i.
std::pair<std::vector<std::string>, std::vector<std::string>> generated_records(const organization_core& org, std::size_t n,
                                                                                std::uint32_t seed, bool numbered = false) {
  std::mt19937 rng(seed);
  std::vector<std::string> communes;
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    if (org.tier_of(id_at<unit_id>(u)) == tier::commune) communes.push_back(org.unit(id_at<unit_id>(u)).code);
  const auto& fields = org.words().fields();
  std::vector<std::string> proposals = {"id,unit_code,field,title,submitted,channel\n"};
  struct event {
    date on;
    std::string record;
  };
  std::vector<event> events;
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = i % 97 == 5 ? "\"Q\"\"" + std::to_string(i) + "\"" : "P-" + std::to_string(i);
    if (numbered) id = "KN-2026-" + std::string(7 - std::to_string(i + 1).size(), '0') + std::to_string(i + 1);
    const auto submitted = date(2025, 7, 1) + static_cast<std::int32_t>(rng() % 365);
    proposals.push_back(id + "," + communes[rng() % communes.size()] + "," + fields[rng() % fields.size()].slug + "," +
                        (i % 13 == 0 ? "\"Kiến nghị, \"\"số\"\"\n" + std::to_string(i) + "\"" : "Kiến nghị " + std::to_string(i)) +
                        "," + submitted.to_string() + "," + (rng() % 3 == 0 ? "petition" : "") + "\n");
    auto on = submitted;
    for (const char* status : {"assigned", "in_progress", "answered"}) {
      if (rng() % 4 == 0) break;
      on = on + static_cast<std::int32_t>(rng() % 30);
      const std::string note = rng() % 11 == 0 ? "\"ghi chú, \"\"x\"\"\"" : "";
      events.push_back({on, id + "," + on.to_string() + "," + status + ",," + note + "\n"});
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const event& a, const event& b) { return a.on < b.on; });
  std::vector<std::string> trail = {"proposal_id,date,status,actor,note\n"};
  for (const auto& e : events) trail.push_back(e.record);
  return {proposals, trail};
}

std::string joined(const std::vector<std::string>& records) {
  std::string text;
  for (const auto& r : records) text += r;
  return text;
}

// The line on which record `r` starts.
std::size_t line_of(const std::vector<std::string>& records, std::size_t r) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < r; ++i) line += static_cast<std::size_t>(std::count(records[i].begin(), records[i].end(), '\n'));
  return line;
}

}  // namespace

TEST_CASE("events of numbered proposals (one prefix, a counter in file order): found by number, the same trail") {
  fixture f;
  const auto [proposal_records, event_records] = generated_records(f.org, 5000, 3, true);
  const auto events_csv = joined(event_records);
  proposal_list numbered;
  io::read_proposals(f.org, numbered, joined(proposal_records), "p.csv");
  REQUIRE(detail::proposal_list_access::numbered(numbered));
  // The same proposals with the first two swapped: not numbered, ids found by the index.
  auto swapped = proposal_records;
  std::swap(swapped[1], swapped[2]);
  proposal_list indexed;
  io::read_proposals(f.org, indexed, joined(swapped), "p.csv");
  REQUIRE(!detail::proposal_list_access::numbered(indexed));
  tracker a(f.table, numbered), b(f.table, indexed);
  io::read_events(a, events_csv, "e.csv");
  io::read_events(b, events_csv, "e.csv");
  REQUIRE(a.events().size() == event_records.size() - 1);
  REQUIRE(b.events().size() == a.events().size());
  bool same = true;
  for (std::size_t e = 0; e < a.events().size(); ++e) {
    const auto& record = event_records[e + 1];
    const auto id = std::string_view(record).substr(0, record.find(','));
    same = same && numbered.id(a.events()[e].proposal) == id && indexed.id(b.events()[e].proposal) == id &&
           a.events()[e].to == b.events()[e].to;
  }
  CHECK(same);
  // Ids of the prefix but past the last number, before the first, of another width, or
  // not digits: unknown, at their line, as with the index.
  for (const char* unknown : {"KN-2026-0005001", "KN-2026-0000000", "KN-2026-000001", "KN-2026-00000001", "KN-2026-00000a1",
                              "KN-2027-0000001", "KN-2026-"}) {
    CAPTURE(unknown);
    const auto bad = events_csv + unknown + ",2026-12-31,assigned,,\n";
    for (const proposal_list* list : {&numbered, &indexed}) {
      tracker t(f.table, *list);
      const std::string message = test::expect_throw<input_error>([&] { io::read_events(t, bad, "e.csv"); }).what();
      CHECK(message == "e.csv:" + std::to_string(event_records.size() + 1) + ":1: unknown proposal id '" + unknown +
                           "' (expected an id from the proposals file)");
    }
  }
}

TEST_CASE("reads in chunks, in parallel or not: the same proposals, trail, board and errors as one pass") {
  fixture f;
  const auto [proposal_records, event_records] = generated_records(f.org, 20000, 11);
  const auto proposals_csv = joined(proposal_records), events_csv = joined(event_records);
  // One pass (a single chunk, the caller's thread) against chunks filled ahead by several
  // threads: of the default size, and of a few hundred bytes, which begin inside quoted
  // titles with line breaks (every 13th) and are then filled again.
  const std::size_t whole = proposals_csv.size() + events_csv.size();
  const std::vector<io::read_options> ways = {{.parallel = true}, {.parallel = true, .chunk_bytes = 777}, {.parallel = false, .chunk_bytes = 1500}};
  proposal_list one;
  io::read_proposals(f.org, one, proposals_csv, "p.csv", {.parallel = false, .chunk_bytes = whole});
  REQUIRE(one.size() == 20000);
  CHECK(one.title(proposal_id{13}) == "Kiến nghị, \"số\"\n13");
  CHECK(one.id(proposal_id{5}) == "Q\"5");
  tracker t1(f.table, one);
  io::read_events(t1, events_csv, "e.csv", {.parallel = false, .chunk_bytes = whole});
  REQUIRE(t1.events().size() > 20000);
  for (const auto& way : ways) {
    CAPTURE(way.parallel);
    CAPTURE(way.chunk_bytes);
    proposal_list two;
    io::read_proposals(f.org, two, proposals_csv, "p.csv", way);
    REQUIRE(two.size() == one.size());
    bool same = true;
    for (std::size_t i = 0; i < one.size(); ++i) {
      const auto p = static_cast<proposal_id>(i);
      same = same && one.id(p) == two.id(p) && one.title(p) == two.title(p) && one.unit(p) == two.unit(p) &&
             one.field(p) == two.field(p) && one.via(p) == two.via(p) && one.submitted(p) == two.submitted(p) &&
             one.line(p) == two.line(p) && two.find(two.id(p)) == p;
    }
    CHECK(same);
    tracker t2(f.table, two);
    io::read_events(t2, events_csv, "e.csv", way);
    REQUIRE(t2.events().size() == t1.events().size());
    for (std::size_t e = 0; e < t1.events().size(); ++e) {
      const auto a = t1.events()[e], b = t2.events()[e];
      same = same && a.proposal == b.proposal && a.on == b.on && a.from == b.from && a.to == b.to && a.note == b.note;
    }
    CHECK(same);
    CHECK(t1.live_board() == t2.live_board());
  }

  // One bad record at the start, inside, near the end and at the end: every way throws
  // the same error, at that record, after applying the same records. (Record r is the
  // r-th after the header.)
  for (const std::size_t row : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{100}, std::size_t{1001},
                                std::size_t{5003}, std::size_t{19999}, event_records.size() - 1}) {
    CAPTURE(row);
    const std::vector<std::pair<std::string, std::string>> bad_events = {
        {"unknown id", "NOPE,2026-01-01,assigned,,\n"},
        {"bad date", "P-1,2026-02-30,assigned,,\n"},
        {"unknown status", "P-1,2026-01-01,done,,\n"},
        {"unknown id and bad date: the id is checked first", "NOPE,2026-02-30,assigned,,\n"},
        {"two fields too many", "P-1,2026-01-01,assigned,,,,\n"},
        {"before the submission", "P-1,1990-01-01,assigned,,\n"},
        {"text after a closing quote", "P-1,2026-12-31,assigned,,\"x\"y\n"},
        {"an unterminated quote", "P-1,2026-12-31,assigned,,\"x\n"},
    };
    for (const auto& [what, record] : bad_events) {
      CAPTURE(what);
      auto records = event_records;
      records[row] = record;
      const auto text = joined(records);
      tracker t(f.table, one);
      const std::string message =
          test::expect_throw<input_error>([&] { io::read_events(t, text, "e.csv", {.chunk_bytes = whole}); }).what();
      // (An unterminated quote runs on to a later record's quote, where it fails.)
      if (std::string_view(what) != "an unterminated quote")
        CHECK(message.starts_with("e.csv:" + std::to_string(line_of(records, row)) + ":"));
      CHECK(t.events().size() == row - 1);
      for (const auto& way : ways) {
        CAPTURE(way.parallel);
        CAPTURE(way.chunk_bytes);
        tracker t2(f.table, one);
        CHECK(test::expect_throw<input_error>([&] { io::read_events(t2, text, "e.csv", way); }).what() == message);
        CHECK(t2.events().size() == t.events().size());
      }
    }
    if (row >= proposal_records.size()) continue;
    for (const auto& record : {std::string(row > 1 ? "P-0" : "P-1") + ",04795,land,t,2026-01-05,\n",
                               std::string("X,99999,land,t,2026-01-05,\n"), std::string("X,04795,land,t,2026-13-05,\n")}) {
      CAPTURE(record);
      auto records = proposal_records;
      records[row] = record;
      if (row == 1) records[2] = record;  // a duplicate of the first
      const auto text = joined(records);
      proposal_list list;
      const std::string message =
          test::expect_throw<input_error>([&] { io::read_proposals(f.org, list, text, "p.csv", {.chunk_bytes = whole}); }).what();
      const std::size_t failing = row == 1 && record.starts_with("P-1") ? 2 : row;
      CHECK(message.starts_with("p.csv:" + std::to_string(line_of(records, failing)) + ":"));
      CHECK(list.size() == failing - 1);
      for (const auto& way : ways) {
        CAPTURE(way.parallel);
        CAPTURE(way.chunk_bytes);
        proposal_list list2;
        CHECK(test::expect_throw<input_error>([&] { io::read_proposals(f.org, list2, text, "p.csv", way); }).what() == message);
        CHECK(list2.size() == list.size());
      }
    }
  }
}
