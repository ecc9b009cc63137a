// Complaints, second complaints and denunciations routed by their respondent to the
// decider the law names, with the acceptance step and the statutory clock; voters'
// petitions by field; and the tracker's acceptance and extensions of their periods. On
// Phú Thọ's real bodies and the preset's rules.
#include "../test_support.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/tracker.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace localgov;

namespace {

const organization& org() { return test::national(); }

const routing_table& table() {
  static const rule_set rules = presets::vietnam_rules(org().words());
  static const routing_table t(org(), rules, presets::vietnam_calendar(), presets::vietnam_decider);
  return t;
}

body_id body(std::string_view code) {
  const auto b = org().find_body(code);
  REQUIRE(b);
  return *b;
}

// A matter against `respondent` ("25/noi-vu" or "25/noi-vu#director") from Phường Hòa Bình.
proposal matter(channel via, std::string_view respondent_code, date received, area_kind area = area_kind::ordinary) {
  const auto hash = respondent_code.find('#');
  respondent against{body(respondent_code.substr(0, hash))};
  if (hash != std::string_view::npos) against.title = *org().words().find_post_title(respondent_code.substr(hash + 1));
  return {.id = "K-1", .unit = *org().find_unit("04795"), .field = *org().words().find_field("land"), .via = via,
          .submitted = received, .against = against, .area = area};
}

// "decider | accept_by | due | rule | coordinators" of a routed matter.
std::string routed(const proposal& p) {
  const auto r = table().route(p);
  REQUIRE(r);
  std::string coordinators;
  for (const auto c : r->coordinators) coordinators += (coordinators.empty() ? "" : ";") + org().code_of(c);
  const auto& rule = table().rules()[r->rule];
  const std::string decider = r->lead == no_id<body_id>
                                  ? "outside: " + std::string(r->outside)
                                  : org().code_of(r->lead) + "#" + org().words().post_title(r->decider_title).slug;
  return decider + " | " + r->accept_by.to_string() + " | " + r->due.to_string() + " | " + rule.id + " | " + coordinators;
}

const date monday_3_august_2026(2026, 8, 3);  // Law 136/2025/QH15 in force: acceptance in 7 working days

}  // namespace

TEST_CASE("a first complaint against a ward's decision: the ward's Chair, accepted within the law's days, then 30 days") {
  // From 1 July 2026: 7 working days to accept (4-7, 10-12 August), then 30 days.
  CHECK(routed(matter(channel::complaint, "04795/ubnd", monday_3_august_2026)) ==
        "04795/ubnd#chair | 2026-08-12 | 2026-09-11 | complaint/commune/2026 | 04795/van-phong-hdnd-ubnd");
  // Before: 10 days to accept (15 January), and the 30th day after it, Saturday 14 February,
  // is in the Tết break: the period ends on Monday 23 February (Civil Code Art. 148).
  CHECK(routed(matter(channel::complaint, "04795/ubnd", date(2026, 1, 5))) ==
        "04795/ubnd#chair | 2026-01-15 | 2026-02-23 | complaint/commune | 04795/van-phong-hdnd-ubnd");
  // A remote and difficult area: 45 days; the 45th, Saturday 26 September, rolls to Monday.
  CHECK(routed(matter(channel::complaint, "04795/ubnd", monday_3_august_2026, area_kind::remote)) ==
        "04795/ubnd#chair | 2026-08-12 | 2026-09-28 | complaint/commune/2026 | 04795/van-phong-hdnd-ubnd");
  // A ward division's act: the ward's Chair too.
  CHECK(routed(matter(channel::complaint, "04795/phong-kinh-te", monday_3_august_2026)).starts_with("04795/ubnd#chair | "));
}

TEST_CASE("a complaint against a department or the provincial Chair: the Director, the Chair; second ones above") {
  CHECK(routed(matter(channel::complaint, "25/noi-vu", monday_3_august_2026)) ==
        "25/noi-vu#director | 2026-08-12 | 2026-09-11 | complaint/province/2026 | 25/thanh-tra");
  CHECK(routed(matter(channel::complaint, "25/ubnd#chair", monday_3_august_2026)) ==
        "25/ubnd#chair | 2026-08-12 | 2026-09-11 | complaint/province/2026 | 25/thanh-tra");
  // Second complaints: 45 days (the 45th a Saturday: Monday 28 September).
  CHECK(routed(matter(channel::complaint_second, "04795/ubnd", monday_3_august_2026)) ==
        "25/ubnd#chair | 2026-08-12 | 2026-09-28 | complaint_second/province/2026 | 25/thanh-tra");
  CHECK(routed(matter(channel::complaint_second, "25/noi-vu", monday_3_august_2026)) ==
        "25/ubnd#chair | 2026-08-12 | 2026-09-28 | complaint_second/province/2026 | 25/thanh-tra");
  // Remote: 60 days from 12 August, Sunday 11 October: Monday 12 October.
  CHECK(routed(matter(channel::complaint_second, "25/noi-vu", monday_3_august_2026, area_kind::remote)) ==
        "25/ubnd#chair | 2026-08-12 | 2026-10-12 | complaint_second/province/2026 | 25/thanh-tra");
  // Against the provincial Chair's own first decision: a minister decides, outside the
  // organisation; the clock is the law's all the same.
  CHECK(routed(matter(channel::complaint_second, "25/ubnd", monday_3_august_2026)) ==
        "outside: Bộ trưởng quản lý ngành, lĩnh vực | 2026-08-12 | 2026-09-28 | complaint_second/province/2026 | 25/thanh-tra");
}

TEST_CASE("a denunciation of a commune official and of a Director") {
  // 7 working days to accept (Denunciations Art. 24), then 30 days (Art. 30).
  CHECK(routed(matter(channel::denunciation, "04795/phong-kinh-te", monday_3_august_2026)) ==
        "04795/ubnd#chair | 2026-08-12 | 2026-09-11 | denunciation/commune | 04795/van-phong-hdnd-ubnd");
  CHECK(routed(matter(channel::denunciation, "25/noi-vu#director", monday_3_august_2026)) ==
        "25/ubnd#chair | 2026-08-12 | 2026-09-11 | denunciation/province | 25/thanh-tra");
  CHECK(routed(matter(channel::denunciation, "04795/ubnd#vice_chair", monday_3_august_2026)).starts_with("25/ubnd#chair | "));
  const auto why = table().explain(matter(channel::denunciation, "25/noi-vu#director", monday_3_august_2026));
  REQUIRE(why);
  REQUIRE(why->path.size() == 2);
  CHECK(org().code_of(why->path[1]) == "25/ubnd");
  // A complaint against the ward's own decision: the ward's People's Committee decides, a path of one.
  CHECK(table().explain(matter(channel::complaint, "04795/ubnd", monday_3_august_2026))->path.size() == 1);
  REQUIRE(why->facts.size() == 4);
  CHECK(why->facts[1] == "respondent: Sở Nội vụ (25/noi-vu), its Giám đốc");
  CHECK(why->facts[2] == "decider: Chủ tịch Ủy ban nhân dân tỉnh (25/ubnd#chair; Luật Tố cáo 2018, Điều 13 khoản 4 điểm a)");
  CHECK(why->facts[3].starts_with("rule denunciation/province (<vietnam_rules> line "));
  CHECK(why->facts[3].find("): accept within 7 working days, by 2026-08-12, then 30 calendar days (statutory deadline), due "
                           "2026-09-11; Luật Tố cáo 2018, Điều 24") != std::string::npos);
}

TEST_CASE("a voters' petition goes to the province's body answering for its field, on an internal deadline") {
  const proposal p{.id = "V-1", .unit = *org().find_unit("04795"), .field = *org().words().find_field("education"),
                   .via = channel::voter_petition, .submitted = date(2026, 8, 3)};
  const auto r = table().route(p);
  REQUIRE(r);
  CHECK(org().code_of(r->lead) == "25/giao-duc-dao-tao");
  CHECK(r->due == date(2026, 10, 2));
  CHECK(table().rules()[r->rule].deadline == deadline_kind::internal);
  CHECK(r->deadline == deadline_kind::internal);
  CHECK(r->accept_by == date::max());
  // A complaint's route says its deadline is the law's.
  CHECK(table().route(matter(channel::complaint, "25/noi-vu", monday_3_august_2026))->deadline == deadline_kind::statutory);
}

TEST_CASE("proposals file: a respondent is required where the law has one, refused elsewhere, checked") {
  const std::string header = "id,unit_code,field,title,submitted,channel,respondent,remote\n";
  auto message = [&](const std::string& row) {
    proposal_list list;
    return std::string(test::expect_throw<input_error>([&] { io::read_proposals(org(), list, header + row, "p.csv"); }).what());
  };
  CHECK(message("K,04795,land,x,2026-08-03,complaint,,\n") ==
        "p.csv:2:37: a complaint needs its respondent (a respondent column: the code of the body it is against, as 25/noi-vu, "
        "or of a post, as 25/noi-vu#director)");
  CHECK(message("K,04795,land,x,2026-08-03,proposal,25/noi-vu,\n") ==
        "p.csv:2:36: a proposal has no respondent (only complaint, complaint_second and denunciation take one)");
  CHECK(message("K,04795,land,x,2026-08-03,complaint,25/so-dat-dai,\n") ==
        "p.csv:2:37: unknown body '25/so-dat-dai' (expected a body's code, as 25/noi-vu or 04795/ubnd)");
  CHECK(message("K,04795,land,x,2026-08-03,denunciation,25/noi-vu#boss,\n").starts_with(
      "p.csv:2:40: unknown post title 'boss' (expected one of: secretary, "));
  CHECK(message("K,04795,land,x,2026-08-03,complaint,25/noi-vu,maybe\n") == "p.csv:2:47: bad remote 'maybe' (expected yes or no)");
  CHECK(message("K,04795,land,x,2026-08-03,letter,,\n") ==
        "p.csv:2:27: unknown channel 'letter' (expected proposal, petition, voter_petition, complaint, complaint_second or "
        "denunciation)");
  proposal_list list;
  io::read_proposals(org(), list,
                     header + "K,04795,land,x,2026-08-03,complaint,04795/ubnd,yes\nD,04795,land,x,2026-08-03,denunciation,25/noi-vu#director,\n"
                              "P,04795,land,x,2026-08-03,,,\n",
                     "p.csv");
  REQUIRE(list.size() == 3);
  CHECK(index_of(list.against(*list.find("K")).body) == index_of(body("04795/ubnd")));
  CHECK(list.area(*list.find("K")) == area_kind::remote);
  CHECK(list.against(*list.find("D")).title == *org().words().find_post_title("director"));
  CHECK(list.area(*list.find("D")) == area_kind::ordinary);
  CHECK(list.against(*list.find("P")).body == no_id<body_id>);
  CHECK(routed(list[*list.find("K")]) == "04795/ubnd#chair | 2026-08-12 | 2026-09-28 | complaint/commune/2026 | 04795/van-phong-hdnd-ubnd");
  // A respondent that is not the organisation's is refused when routed, not read out of bounds.
  const proposal stray{.id = "S", .unit = *org().find_unit("04795"), .field = *org().words().find_field("land"),
                       .via = channel::complaint, .submitted = date(2026, 8, 3), .against = {id_at<body_id>(org().body_count())}};
  CHECK_THROWS_WITH_AS((void)table().route(stray), "proposal S: its respondent is not a body (or post title) of the organisation",
                       error);
  // In code, too: a complaint without a respondent is refused.
  CHECK_THROWS_WITH_AS(list.add({.id = "X", .unit = *org().find_unit("04795"), .field = *org().words().find_field("land"),
                                 .via = channel::complaint, .submitted = date(2026, 8, 3)}),
                       "proposal X: a complaint needs its respondent, the body (or post) it is against", error);
}

namespace {

// A tracker of the matters `list` holds, on the preset's table.
struct tracked {
  proposal_list list;
  std::vector<proposal_id> keys;
  explicit tracked(std::initializer_list<proposal> matters) {
    int n = 0;
    for (auto m : matters) {
      const auto id = "M-" + std::to_string(++n);
      m.id = id;  // the list keeps its own copy
      keys.push_back(list.add(m));
    }
  }
};

using L = default_lifecycle;
const date thursday_6_august_2026(2026, 8, 6);

}  // namespace

TEST_CASE("acceptance moves the clock: the period runs from the day a complaint is accepted") {
  tracked m{matter(channel::complaint, "04795/ubnd", monday_3_august_2026),
            matter(channel::complaint, "04795/ubnd", monday_3_august_2026),
            matter(channel::complaint, "04795/ubnd", monday_3_august_2026)};
  tracker t(table(), m.list);
  const auto early = m.keys[0], late = m.keys[1], refused = m.keys[2];
  // Before acceptance, from the last day it was due (12 August): 11 September.
  CHECK(t.due(early) == date(2026, 9, 11));
  // Accepted on 6 August: the 30th day, Saturday 5 September, rolls to Monday the 7th.
  t.change(early, thursday_6_august_2026, L::accepted);
  CHECK(t.due(early) == date(2026, 9, 7));
  CHECK(t.clock(early).accepted == thursday_6_august_2026);
  // Accepted late, on 17 August: 16 September, past the day it would have had.
  t.change(late, date(2026, 8, 17), L::accepted);
  CHECK(t.due(late) == date(2026, 9, 16));
  // It is accepted or refused before anything else, and a refusal gives its reason.
  const auto skipped = test::expect_throw<transition_error>([&] { t.change(refused, date(2026, 8, 5), L::assigned); });
  CHECK(skipped.id() == "tracking.illegal_transition");
  CHECK(std::string(skipped.what()).ends_with("(allowed after received for a complaint: accepted, rejected, withdrawn)"));
  CHECK(test::expect_throw<transition_error>([&] { t.change(refused, date(2026, 8, 5), L::rejected); }).id() == "tracking.no_reason");
  CHECK(t.status(refused) == L::received);
  t.change(refused, date(2026, 8, 5), L::rejected, {}, "Quyết định hành chính đã có bản án của Tòa án (Điều 11)");
  CHECK(t.status(refused) == L::rejected);
  // A proposal has no acceptance step.
  proposal_list proposals;
  const auto p = proposals.add({.id = "P", .unit = *org().find_unit("04795"), .field = *org().words().find_field("land"),
                                .submitted = monday_3_august_2026});
  tracker field(table(), proposals);
  CHECK(test::expect_throw<transition_error>([&] { field.change(p, thursday_6_august_2026, L::accepted); }).id() ==
        "tracking.illegal_transition");
}

TEST_CASE("complex and remote periods: extensions the law allows, and one past its maximum refused") {
  tracked m{matter(channel::complaint, "04795/ubnd", monday_3_august_2026),
            matter(channel::complaint, "04795/ubnd", monday_3_august_2026, area_kind::remote),
            matter(channel::complaint_second, "25/noi-vu", monday_3_august_2026, area_kind::remote),
            matter(channel::denunciation, "04795/phong-kinh-te", monday_3_august_2026)};
  tracker t(table(), m.list);
  const auto first = m.keys[0], remote = m.keys[1], second_remote = m.keys[2], denunciation = m.keys[3];
  for (const auto k : m.keys) t.change(k, thursday_6_august_2026, L::accepted);

  // A first complaint: 30 days, 45 if complex (Complaints Art. 28): one extension of 15.
  CHECK(test::expect_throw<error>([&] { t.extend(first, date(2026, 8, 20), 16); }).id() == "tracking.extension_too_long");
  t.extend(first, date(2026, 8, 20));
  CHECK(t.due(first) == date(2026, 9, 21));  // the 45th day, Sunday 20 September, rolled
  const auto past_limit = test::expect_throw<error>([&] { t.extend(first, date(2026, 8, 21)); });
  CHECK(past_limit.id() == "tracking.extension_limit");
  CHECK(std::string(past_limit.what()).starts_with("proposal M-1: its period cannot be extended: it has had 1, the most rule "
                                                   "complaint/commune/2026 allows (Luật Khiếu nại 2011, Điều 28"));
  CHECK(t.due(first) == date(2026, 9, 21));
  CHECK(t.clock(first).extensions == 1);

  // Remote: 45 days, 60 if complex.
  CHECK(t.due(remote) == date(2026, 9, 21));
  t.extend(remote, date(2026, 8, 20));
  CHECK(t.due(remote) == date(2026, 10, 5));

  // A second complaint in a remote area: 60 days, 70 if complex (Art. 37): 10 more at most.
  CHECK(t.due(second_remote) == date(2026, 10, 5));
  CHECK(test::expect_throw<error>([&] { t.extend(second_remote, date(2026, 8, 20), 11); }).id() == "tracking.extension_too_long");
  t.extend(second_remote, date(2026, 8, 20), 10);
  CHECK(t.due(second_remote) == date(2026, 10, 15));

  // A denunciation: 30 days, extended once by up to 30 if complex, twice if especially
  // complex (Denunciations Art. 30); never a third time.
  CHECK(t.due(denunciation) == date(2026, 9, 7));
  t.extend(denunciation, date(2026, 9, 1), 30, {}, "Vụ việc phức tạp");
  CHECK(t.due(denunciation) == date(2026, 10, 5));
  t.extend(denunciation, date(2026, 10, 1), 30, {}, "Vụ việc đặc biệt phức tạp");
  CHECK(t.due(denunciation) == date(2026, 11, 4));
  CHECK(test::expect_throw<error>([&] { t.extend(denunciation, date(2026, 11, 2), 10); }).id() == "tracking.extension_limit");
  CHECK(t.due(denunciation) == date(2026, 11, 4));
  // The trail has each extension, its status unchanged and its days.
  const auto& events = t.events();
  REQUIRE(events.size() == 4 + 5);  // acceptances, extensions
  const auto last = events[events.size() - 1];
  CHECK(last.proposal == denunciation);
  CHECK(last.from == L::accepted);
  CHECK(last.to == L::accepted);
  CHECK(last.extended_days == 30);
  CHECK(last.note == "Vụ việc đặc biệt phức tạp");
  CHECK(events[0].extended_days == 0);

  // Before acceptance, after the answer, or for a matter whose rule allows none: refused.
  tracked more{matter(channel::complaint, "04795/ubnd", monday_3_august_2026)};
  tracker u(table(), more.list);
  CHECK(test::expect_throw<error>([&] { u.extend(more.keys[0], thursday_6_august_2026); }).id() == "tracking.not_accepted");
  u.change(more.keys[0], thursday_6_august_2026, L::accepted);
  CHECK(test::expect_throw<error>([&] { u.extend(more.keys[0], date(2026, 8, 5)); }).id() == "tracking.date_order");
  u.change(more.keys[0], date(2026, 9, 1), L::answered);
  CHECK(test::expect_throw<error>([&] { u.extend(more.keys[0], date(2026, 9, 2)); }).id() == "tracking.closed");
  proposal_list proposals;
  const auto p = proposals.add({.id = "P", .unit = *org().find_unit("04795"), .field = *org().words().find_field("land"),
                                .submitted = monday_3_august_2026});
  tracker field(table(), proposals);
  CHECK(test::expect_throw<error>([&] { field.extend(p, thursday_6_august_2026); }).id() == "tracking.no_extension");
}

TEST_CASE("events file: a complaint accepted and extended, a denunciation refused without a reason") {
  proposal_list list;
  io::read_proposals(org(), list,
                     "id,unit_code,field,title,submitted,channel,respondent,remote\n"
                     "KN-1,04795,land,Khiếu nại thu hồi đất,2026-08-03,complaint,04795/ubnd,yes\n"
                     "TC-1,04795,staffing,Tố cáo,2026-08-03,denunciation,25/noi-vu#director,\n",
                     "proposals.csv");
  tracker t(table(), list);
  const auto complaint = *list.find("KN-1"), denunciation = *list.find("TC-1");
  io::read_events(t,
                  "proposal_id,date,status,note,extension_days\n"
                  "KN-1,2026-08-06,accepted,Thông báo thụ lý,\n"
                  "KN-1,2026-08-20,accepted,Vụ việc phức tạp,15\n",
                  "events.csv");
  CHECK(t.due(complaint) == date(2026, 10, 5));  // remote and complex: 60 days from 6 August
  CHECK(t.clock(complaint).extensions == 1);
  auto message = [&](const std::string& rows) {
    return std::string(test::expect_throw<input_error>([&] {
                         io::read_events(t, "proposal_id,date,status,note,extension_days\n" + rows, "more.csv");
                       }).what());
  };
  CHECK(message("KN-1,2026-08-21,accepted,,15\n") ==
        "more.csv:2:27: proposal KN-1: its period cannot be extended: it has had 1, the most rule complaint/commune/2026 "
        "allows (" + table().rules()[table().route(list[complaint])->rule].basis + ")");
  CHECK(message("TC-1,2026-08-06,rejected,,\n") ==
        "more.csv:2:26: proposal TC-1: a refusal to accept it needs its reason (expected a note)");
  CHECK(t.status(denunciation) == L::received);
}
