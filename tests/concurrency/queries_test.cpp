// The concurrency contract (docs/CONCURRENCY.md): once built, an organisation, a name
// index, a routing table and a tracker may be read from many threads at once through
// their const members and the free functions that take them by const reference. This
// test builds them once and runs every kind of const query from several std::threads;
// built with -fsanitize=thread (./dev sanitize thread) it proves there is no data race,
// and in every build it checks that each thread sees the single-threaded answers.
#include <localgov/io/events_csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/model/name_index.hpp>
#include <localgov/model/queries.hpp>
#include <localgov/model/validate.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/tracker.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

using namespace localgov;

namespace {

std::string data_path(const std::string& relative) { return std::string(LOCALGOV_TEST_DATA_DIR) + "/" + relative; }

// Everything the threads share, built once on the main thread and then only read.
struct shared_state {
  organization org = presets::load_vietnam_2025(data_path("vn-2025/units.csv"));
  rule_set rules;
  proposal_list proposals;
  std::optional<routing_table> table;
  std::optional<tracker> track;
  std::optional<name_index> names;

  shared_state() {
    const auto officials = data_path("scenario/officials.csv");
    io::read_officials(org, io::read_file(officials), officials);
    rules = presets::vietnam_rules(org.words());
    table.emplace(org, rules, presets::vietnam_calendar());
    const auto proposals_path = data_path("scenario/proposals.csv");
    io::read_proposals(org, proposals, io::read_file(proposals_path), proposals_path);
    track.emplace(*table, proposals);
    const auto events = data_path("scenario/events.csv");
    io::read_events(*track, io::read_file(events), events);
    names.emplace(org);
  }
};

// One thread's answers to every query, summarised so that threads can be compared.
struct answers {
  std::size_t units_found = 0, routed = 0, explained = 0, chain_length = 0, matches = 0, problems = 0;
  std::size_t report_total = 0, report_overdue = 0, board_rows = 0, under = 0;
  std::string first_match, first_lead;
  bool operator==(const answers&) const = default;
};

answers query_everything(const shared_state& s, std::size_t offset) {
  const organization& org = s.org;
  const routing_table& table = *s.table;
  const tracker& track = *s.track;
  answers a;
  const auto fields = org.words().fields().size();
  // Units in a different order per thread, so that threads touch the same data at once.
  for (std::size_t k = 0; k < org.unit_count(); ++k) {
    const auto u = id_at<unit_id>((k + offset * 97) % org.unit_count());
    if (org.find_unit(org.unit(u).code) == u) ++a.units_found;
    // What is asked of a unit depends on the unit alone, so every order gives the same answers.
    const auto i = index_of(u);
    const auto f = id_at<field_id>(i % fields);
    const auto via = i % 3 == 0 ? channel::petition : channel::proposal;
    if (const auto r = table.route(u, f, via, date(2025, 12, 16))) {
      ++a.routed;
      if (org.unit(u).code == "04795") a.first_lead = org.code_of(r->lead);
    }
    if (i % 50 == 0 && table.explain(u, f, via)) ++a.explained;
  }
  for (std::size_t b = 0; b < org.body_count(); b += 101)
    a.chain_length += chain_of_command(org, {node_kind::body, static_cast<std::uint32_t>(b)}).size();
  a.under = everything_under(org, {node_kind::unit, 0}).size();
  for (const char* query : {"hoa binh", "Phú Thọ", "PHUONG VIET TRI", "xa", "thanh hoa", "ha noi"}) {
    name_filter filter;
    filter.limit = 20;
    const auto found = s.names->find(query, filter);
    a.matches += found.size();
    if (a.first_match.empty() && !found.empty()) a.first_match = org.unit(found.front().unit).code;
  }
  a.problems = validate(org).size();
  const auto report = reports::make_status_report(track, date(2026, 3, 31), group_by::agency);
  a.report_total = report.total;
  a.report_overdue = report.overdue;
  a.board_rows = track.board_at(date(2026, 1, 31)).key_count(group_by::agency);
  for (std::size_t i = 0; i < track.size(); ++i) {
    const auto p = static_cast<proposal_id>(i);
    a.board_rows += track.status(p) + (track.due(p) > track.proposals().submitted(p) ? 1 : 0);
    if (track.keys(p).province == no_id<unit_id>) ++a.board_rows;
  }
  return a;
}

}  // namespace

TEST_CASE("concurrency: const queries on a built organisation, routing table and tracker from many threads") {
  const shared_state s;
  const auto expected = query_everything(s, 0);
  CHECK(expected.units_found == s.org.unit_count());
  CHECK(expected.routed > 0);
  CHECK(expected.matches > 0);
  CHECK(expected.report_total == s.proposals.size());

  constexpr std::size_t thread_count = 4;
  std::vector<answers> got(thread_count);
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < thread_count; ++t)
    threads.emplace_back([&, t] {
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      got[t] = query_everything(s, t + 1);
    });
  go.store(true, std::memory_order_release);
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < thread_count; ++t) {
    INFO("thread " << t);
    CHECK(got[t].units_found == expected.units_found);
    CHECK(got[t].routed == expected.routed);
    CHECK(got[t].chain_length == expected.chain_length);
    CHECK(got[t].matches == expected.matches);
    CHECK(got[t].first_match == expected.first_match);
    CHECK(got[t].problems == expected.problems);
    CHECK(got[t].report_total == expected.report_total);
    CHECK(got[t].report_overdue == expected.report_overdue);
    CHECK(got[t].under == expected.under);
    CHECK(got[t].board_rows == expected.board_rows);
    CHECK(got[t].explained == expected.explained);
    CHECK(got[t].first_lead == expected.first_lead);
  }
}

// The loaders' parallel reads (io::read_options): the threads that parse chunks and the
// caller's share only the blocks handed over and read-only data (the organisation, the
// proposal list the events look their ids up in); under ThreadSanitizer this proves it.
// A generated file of several thousand records read in chunks of a few kilobytes, so that
// many chunks are parsed at once, some from a guessed start inside a quoted field.
TEST_CASE("concurrency: proposals and events read in chunks by several threads give what one pass gives") {
  const shared_state s;
  const organization& org = s.org;
  std::string proposals = "id,unit_code,field,title,submitted,channel\n", events = "proposal_id,date,status,actor,note\n";
  const auto& fields = org.words().fields();
  for (std::size_t i = 0; i < 5000; ++i) {
    const auto& unit = org.unit(id_at<unit_id>(i * 7 % org.unit_count())).code;
    const auto submitted = date(2025, 7, 1) + static_cast<std::int32_t>(i % 200);
    proposals += "P" + std::to_string(i) + "," + unit + "," + fields[i % fields.size()].slug + ",\"t," + (i % 10 == 0 ? "\n" : " ") +
                 "\"\"" + std::to_string(i) + "\"\"\"," + submitted.to_string() + ",\n";
    events += "P" + std::to_string(i) + "," + (submitted + 3).to_string() + ",assigned,,\"n\"\"" + std::to_string(i) + "\"\n";
  }
  proposal_list one, two;
  io::read_proposals(org, one, proposals, "p.csv");
  io::read_proposals(org, two, proposals, "p.csv", {.parallel = true, .chunk_bytes = 4096});
  REQUIRE(two.size() == one.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    const auto p = static_cast<proposal_id>(i);
    REQUIRE(two.id(p) == one.id(p));
    REQUIRE(two.title(p) == one.title(p));
    REQUIRE(two.line(p) == one.line(p));
  }
  tracker t1(*s.table, one), t2(*s.table, two);
  io::read_events(t1, events, "e.csv");
  io::read_events(t2, events, "e.csv", {.parallel = true, .chunk_bytes = 1000});
  REQUIRE(t2.events().size() == t1.events().size());
  CHECK(t2.live_board() == t1.live_board());
  CHECK(t2.events()[4999].note == "n\"4999");
  // An error deep in the file: the same message, after the same records, either way.
  const auto bad = events + "P1,2025-01-01,assigned,,\n";
  tracker t3(*s.table, one), t4(*s.table, two);
  std::string m3, m4;
  try {
    io::read_events(t3, bad, "e.csv");
  } catch (const input_error& e) {
    m3 = e.what();
  }
  try {
    io::read_events(t4, bad, "e.csv", {.parallel = true, .chunk_bytes = 1000});
  } catch (const input_error& e) {
    m4 = e.what();
  }
  CHECK(m3.starts_with("e.csv:5002:"));
  CHECK(m4 == m3);
}

TEST_CASE("concurrency: a tracker's first sync routed by several threads gives what one thread gives") {
  const shared_state s;
  const organization& org = s.org;
  proposal_list list;
  const auto fields = org.words().fields().size();
  for (std::size_t i = 0; i < 50000; ++i)  // three parts of 16,384 proposals at least
    list.add({.id = "S" + std::to_string(i), .unit = id_at<unit_id>(i * 7 % org.unit_count()), .field = id_at<field_id>(i % fields),
              .via = i % 3 == 0 ? channel::petition : channel::proposal,
              .submitted = date(2025, 7, 1) + static_cast<std::int32_t>(i % 300)});
  const tracker one(*s.table, list);
  const auto three = detail::tracker_access::make<tracker>(*s.table, list, 3);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto p = static_cast<proposal_id>(i);
    REQUIRE(three.due(p) == one.due(p));
    REQUIRE(three.keys(p).agency == one.keys(p).agency);
    REQUIRE(three.last_change(p) == one.last_change(p));
  }
  CHECK(three.live_board() == one.live_board());
  // And a report counted by three threads: the same rows, counts and times to answer.
  tracker answered(*s.table, list);
  for (std::size_t i = 0; i < list.size(); i += 2) {
    const auto p = static_cast<proposal_id>(i);
    const auto assigned = list.submitted(p) + static_cast<std::int32_t>(i % 40);
    answered.change(p, assigned, default_lifecycle::assigned);
    if (i % 4 == 0) answered.change(p, assigned + static_cast<std::int32_t>(i % 17), default_lifecycle::answered);
  }
  for (auto by : {group_by::province, group_by::agency}) {
    const auto report = reports::make_status_report(answered, date(2026, 12, 31), by);
    std::uint32_t answers = 0;
    for (const auto& r : report.rows) answers += r.answered;
    CHECK(answers > 12000);  // of 12,500 (by agency, those routed to no agency are left out)
    CHECK(reports::status_json(reports::make_status_report(answered, date(2026, 12, 31), by, std::nullopt, 3)) == reports::status_json(report));
  }
}
