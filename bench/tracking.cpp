// bench_tracking --data DIR [--proposals N] [--runs N] [--e2e-runs N]
//
// A national-scale history, generated deterministically: N proposals (1,000,000 by
// default) from every commune-tier unit over 2026, and about two legal status changes
// each, in date order. Prints:
//   - incremental updates per second: tracker::change (and record_receipt) applying the
//     whole history to a fresh tracker, permissions not checked;
//   - the full roll-up: tracker::board_at(as of 2026-12-31), every board row recounted;
//   - bytes per tracked proposal: the tracker's, and the proposal list's without titles;
//   - `localgov report` end to end on the CSV files (a subprocess: the program in the
//     same bin/ directory as this one) beside the sqlite3 shell importing the same files
//     (with the routes and working-day calendar exported from the library) and running
//     the same report in one query; both outputs compared row by row.
#include "bench_util.hpp"
#include "options.hpp"
#include "peer_tables.hpp"

#include <localgov/io/csv.hpp>
#include <localgov/io/events_csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/tracking/tracker.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

namespace {

using namespace localgov;
using L = default_lifecycle;

constexpr date as_of{2026, 12, 31};
constexpr std::string_view as_of_text = "2026-12-31";

struct generated_event {
  std::uint32_t proposal;
  date on;
  status_index to;
  std::uint8_t note;    // 0: none, else 1 + index into notes
  std::uint16_t actor;  // index into history::actors
};

// Proposals in columns, numbered in order of submission; events in date order (a
// proposal's own in the order they happened).
struct history {
  std::vector<unit_id> unit;
  std::vector<field_id> field, sector;
  std::vector<channel> via;
  std::vector<date> submitted;
  std::vector<generated_event> events;
  std::vector<std::string> actors;  // 200 officials per province: "cb-25-017"
};

constexpr std::array<std::string_view, 4> notes{"Đã đôn đốc, chờ ý kiến các sở", "Chuyển lại đúng cơ quan chủ trì",
                                                 "Bổ sung hồ sơ theo yêu cầu", "Đã trả lời bằng văn bản"};

std::string proposal_id_text(std::uint32_t i) {
  char out[24];
  std::snprintf(out, sizeof out, "KN-2026-%07u", i + 1);
  return out;
}

// The lifecycle walked forward from the submission, at most a few months: an optional
// receipt (15%), then rejected (4%), withdrawn (2%), left received (8%) or assigned
// (86%, reassigned once in 5%), after which 15% stay assigned, 20% stay in progress, 40%
// are answered, 15% answered after being in progress, 5% rejected after it and 5%
// withdrawn. About 2.0 events per proposal; those past the report date are still loaded.
history generate(const organization& org, std::size_t n) {
  history h;
  std::vector<unit_id> communes;
  std::vector<std::uint16_t> province_slot(org.unit_count(), 0);
  std::uint16_t provinces = 0;
  for (std::size_t u = 0; u < org.unit_count(); ++u) {
    const auto id = id_at<unit_id>(u);
    if (org.tier_of(id) == tier::commune) {
      communes.push_back(id);
    } else {
      province_slot[u] = provinces++;
      for (int k = 0; k < 200; ++k) {
        char actor[24];
        std::snprintf(actor, sizeof actor, "cb-%s-%03d", org.unit(id).code.c_str(), k);
        h.actors.emplace_back(actor);
      }
    }
  }
  const auto fields = static_cast<std::uint32_t>(org.words().fields().size());
  bench::rng random{20261231};
  h.unit.reserve(n), h.field.reserve(n), h.sector.reserve(n), h.via.reserve(n), h.submitted.reserve(n);
  h.events.reserve(n * 21 / 10);
  // A register numbers proposals as they arrive: ids in order of submission.
  std::vector<std::int32_t> days(n);
  for (auto& d : days) d = static_cast<std::int32_t>(random.below(365));
  std::sort(days.begin(), days.end());
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto unit = communes[random.below(static_cast<std::uint32_t>(communes.size()))];
    h.unit.push_back(unit);
    h.field.push_back(id_at<field_id>(random.below(fields)));
    h.sector.push_back(random.chance(10) ? id_at<field_id>(random.below(fields)) : no_id<field_id>);
    h.via.push_back(random.chance(60) ? channel::proposal : channel::petition);
    date d = date{2026, 1, 1} + days[i];
    h.submitted.push_back(d);

    const auto actor_base = static_cast<std::uint16_t>(province_slot[index_of(org.province_of(unit))] * 200);
    auto event = [&](std::uint32_t max_gap, status_index to) {
      d += static_cast<std::int32_t>(random.below(max_gap + 1));
      const auto note = random.chance(1) ? static_cast<std::uint8_t>(1 + random.below(notes.size())) : std::uint8_t{0};
      h.events.push_back({i, d, to, note, static_cast<std::uint16_t>(actor_base + random.below(200))});
    };
    if (random.chance(15)) event(2, L::received);
    const auto first = random.below(100);
    if (first < 4) {
      event(10, L::rejected);
    } else if (first < 6) {
      event(20, L::withdrawn);
    } else if (first < 14) {
      // left received
    } else {
      event(7, L::assigned);
      if (random.chance(5)) event(10, L::assigned);
      const auto then = random.below(100);
      if (then < 15) {
        // stays assigned
      } else if (then < 35) {
        event(20, L::in_progress);
      } else if (then < 75) {
        event(75, L::answered);
      } else if (then < 90) {
        event(20, L::in_progress), event(60, L::answered);
      } else if (then < 95) {
        event(20, L::in_progress), event(30, L::rejected);
      } else {
        event(40, L::withdrawn);
      }
    }
  }
  std::stable_sort(h.events.begin(), h.events.end(),
                   [](const generated_event& a, const generated_event& b) { return a.on < b.on; });
  return h;
}

std::string title_of(const organization& org, const history& h, std::uint32_t i) {
  return "Kiến nghị về " + org.words().field(h.field[i]).name_vi + " (số " + std::to_string(i % 997 + 1) + ")";
}

void fill(proposal_list& list, const organization& org, const history& h) {
  list.reserve(h.unit.size());
  for (std::uint32_t i = 0; i < h.unit.size(); ++i)
    list.add({proposal_id_text(i), h.unit[i], h.field[i], h.via[i], h.submitted[i], title_of(org, h, i), h.sector[i]});
}

// Applies every event in order; with `ahead` > 0, first hints the tracker of the change
// that many events later (tracker::prefetch), as a caller with a stream of changes can.
void apply(tracker& t, const history& h, std::size_t ahead = 0) {
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    if (ahead != 0 && i + ahead < h.events.size()) localgov::detail::tracker_access::prefetch(t, static_cast<proposal_id>(h.events[i + ahead].proposal));
    const auto p = static_cast<proposal_id>(e.proposal);
    const std::string_view note = e.note ? notes[e.note - 1u] : std::string_view();
    if (e.to == L::initial)
      t.record_receipt(p, e.on, h.actors[e.actor], note);
    else
      t.change(p, e.on, e.to, h.actors[e.actor], note);
  }
}

// ---- the files both report programs read ---------------------------------------------

void write_inputs(const bench::scratch_dir& dir, const organization& org, const history& h) {
  const auto& words = org.words();
  std::string text = "id,unit_code,field,title,submitted,channel,sector\n";
  text.reserve(h.unit.size() * 90);
  char day[11] = {};
  for (std::uint32_t i = 0; i < h.unit.size(); ++i) {
    h.submitted[i].write_iso(day);
    text += proposal_id_text(i) + ',' + org.unit(h.unit[i]).code + ',' + words.field(h.field[i]).slug + ',';
    io::append_csv_field(text, title_of(org, h, i));
    text += ',' + std::string(day, 10) + ',' + std::string(format_as(h.via[i])) + ',' +
            (h.sector[i] == no_id<field_id> ? std::string() : words.field(h.sector[i]).slug) + '\n';
  }
  bench::write_text(dir / "proposals.csv", text);

  text = "proposal_id,date,status,actor,note\n";
  text.reserve(h.events.size() * 45);
  for (const auto& e : h.events) {
    e.on.write_iso(day);
    text += proposal_id_text(e.proposal) + ',' + std::string(day, 10) + ',' + std::string(L::name(e.to)) + ',' +
            h.actors[e.actor] + ',';
    if (e.note) io::append_csv_field(text, notes[e.note - 1u]);
    text += '\n';
  }
  bench::write_text(dir / "events.csv", text);
}

// The same report in SQL: each proposal's status as of the date (its last event on or
// before it, in file order; received without one), overdue (not final and due before
// the date: calendar days with date(), moved to the next working day through the calendar
// table when the last day is a day off, working days through the calendar table), of
// those the ones past a statutory deadline, counts by province, and the nearest-rank
// median and 90th percentile of days to answer.
std::string peer_script(const bench::scratch_dir& dir, const std::string& units_csv) {
  const std::string d = "'" + std::string(as_of_text) + "'";
  return "create table units(code text primary key, name text, kind text, parent_code text) without rowid;\n"
         "create table proposals(id text, unit_code text, field text, title text, submitted text, channel text, sector text);\n"
         "create table events(proposal_id text, date text, status text, actor text, note text);\n"
         "create table routes(unit_code text, field text, channel text, lead text, lead_id integer,\n"
         "  days integer, count text, deadline text, primary key (unit_code, field, channel)) without rowid;\n"
         "create table calendar(day text primary key, ordinal integer, working integer) without rowid;\n"
         ".mode csv\n"
         ".import --skip 1 " + units_csv + " units\n"
         ".import --skip 1 " + (dir / "proposals.csv") + " proposals\n"
         ".import --skip 1 " + (dir / "events.csv") + " events\n"
         ".import --skip 1 " + (dir / "routes.csv") + " routes\n"
         ".import --skip 1 " + (dir / "calendar.csv") + " calendar\n"
         "create table workdays(ordinal integer primary key, day text);\n"
         "insert into workdays select ordinal, day from calendar where working = 1;\n"
         ".timer on\n"
         "with latest as (\n"
         "  select proposal_id, status, max(rowid) from events where date <= " + d + " group by proposal_id\n"
         "), tracked as (\n"
         "  select case when u.parent_code = '' then u.code else u.parent_code end as province,\n"
         "         coalesce(l.status, 'received') as status, r.deadline,\n"
         "         case r.count when 'calendar' then (select min(c.day) from calendar c\n"
         "             where c.working = 1 and c.day >= date(p.submitted, '+' || r.days || ' days'))\n"
         "           when 'working' then (select w.day from workdays w where w.ordinal =\n"
         "             (select c.ordinal from calendar c where c.day = p.submitted) + r.days) end as due\n"
         "  from proposals p join units u on u.code = p.unit_code\n"
         "  left join routes r on r.unit_code = p.unit_code and r.field = p.field\n"
         "    and r.channel = coalesce(nullif(p.channel, ''), 'proposal')\n"
         "  left join latest l on l.proposal_id = p.id\n"
         "  where p.submitted <= " + d + "\n"
         "), counts as (\n"
         "  select province, count(*) as total, sum(status = 'received') as received, sum(status = 'accepted') as accepted,\n"
         "    sum(status = 'assigned') as assigned,\n"
         "    sum(status = 'in_progress') as in_progress, sum(status = 'answered') as answered,\n"
         "    sum(status = 'rejected') as rejected, sum(status = 'withdrawn') as withdrawn,\n"
         "    sum(status not in ('answered', 'rejected', 'withdrawn') and due < " + d + ") as overdue,\n"
         "    sum(status not in ('answered', 'rejected', 'withdrawn') and due < " + d + " and deadline = 'statutory')\n"
         "      as overdue_statutory\n"
         "  from tracked group by province\n"
         "), answers as (\n"
         "  select case when u.parent_code = '' then u.code else u.parent_code end as province,\n"
         "         cast(julianday(e.date) - julianday(p.submitted) as integer) as days\n"
         "  from events e join proposals p on p.id = e.proposal_id join units u on u.code = p.unit_code\n"
         "  where e.status = 'answered' and e.date <= " + d + "\n"
         "), ranked as (\n"
         "  select province, days, row_number() over (partition by province order by days) as k,\n"
         "    count(*) over (partition by province) as n from answers\n"
         "), times as (\n"
         "  select province, max(case when k = max(1, (n + 1) / 2) then days end) as median,\n"
         "    max(case when k = max(1, (9 * n + 9) / 10) then days end) as p90\n"
         "  from ranked group by province\n"
         ")\n"
         "select c.province, u.name, c.total, c.received, c.accepted, c.assigned, c.in_progress, c.answered, c.rejected, c.withdrawn,\n"
         "  c.overdue, c.overdue_statutory, t.median, t.p90\n"
         "from counts c join units u on u.code = c.province left join times t on t.province = c.province\n"
         "order by c.province;\n";
}

// The records of a CSV text (read with the library's own reader); the header is skipped
// when `header`.
std::vector<std::vector<std::string>> csv_rows(const std::string& text, bool header) {
  std::vector<std::vector<std::string>> rows;
  const std::string with_header = header ? text : "k,n,total,s1,s2,s3,s4,s5,s6,s7,overdue,overdue_statutory,median,p90\n" + text;
  io::csv_reader csv(with_header, "report");
  while (csv.next()) {
    rows.emplace_back();
    for (std::size_t i = 0; i < csv.size(); ++i) rows.back().emplace_back(csv.field(i));
  }
  return rows;
}

std::string rate(double count, double ms) {
  char out[32];
  if (ms <= 0) return "-";
  std::snprintf(out, sizeof out, "%.1f M/s", count / (ms / 1000) / 1e6);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // Forked now, while this process is small (see bench::process_runner).
  bench::process_runner runner;

  std::string data_dir;
  long count = 1'000'000;
  int runs = 5, e2e_runs = 3;
  bool keep = false;
  bench::options command_line("bench_tracking",
                              "Tracks N generated proposals (about 2 events each) over the national organisation\n"
                              "from DIR/vn-2025/units.csv: incremental updates, full roll-up and memory, then\n"
                              "`localgov report` on the CSV files beside the sqlite3 shell on the same files.\n"
                              "Example: bench_tracking --data data\n");
  command_line.add("--data", "DIR", data_dir, "the data directory: DIR/vn-2025/units.csv").required();
  command_line.add("--proposals", "N", count, "proposals to generate", 1, 9'999'999);
  command_line.add("--runs", "N", runs, "runs of each in-process figure, median reported", 1);
  command_line.add("--e2e-runs", "N", e2e_runs, "runs of each end-to-end figure, median reported; 0 skips them", 0);
  command_line.flag("--keep", keep, "leave the generated files and the peer's script (report.sql), and print where");
  if (const auto status = command_line.parse(argc, argv)) return *status;
  const std::string units_csv = data_dir + "/vn-2025/units.csv";

  try {
    const auto org = presets::load_vietnam_2025(units_csv);
    const auto rules = presets::vietnam_rules(org.words());
    const routing_table table(org, rules, presets::vietnam_calendar());
    const auto h = generate(org, static_cast<std::size_t>(count));
    proposal_list list;
    fill(list, org, h);
    const double n = static_cast<double>(count), events = static_cast<double>(h.events.size());

    std::printf("tracking %ld generated proposals and %zu events (%.2f per proposal) over %zu units, %zu bodies;\n",
                count, h.events.size(), events / n, org.unit_count(), org.body_count());
    std::printf("report date %s; %d runs of each in-process figure, %d of each end-to-end one\n\n",
                std::string(as_of_text).c_str(), runs, e2e_runs);

    // In-process figures are taken with malloc reusing freed memory, so that they measure
    // the work and not first-touch page faults (dear on virtual machines); the page-fault
    // column says how far that holds. The end-to-end runs below pay for every page.
    bench::keep_freed_memory();

    // ---- (a) incremental updates: every event applied to a fresh tracker, one by one,
    // and with the tracker told of the change 16 ahead (interleaved runs).
    constexpr std::size_t ahead = 16;
    std::size_t tracker_bytes = 0;
    std::size_t trailless_bytes = 0;
    std::vector<double> apply_ms, apply_faults, prefetched_ms, trailless_ms;
    for (int i = 0; i <= runs; ++i) {  // the first is a warm-up
      for (const int variant : {0, 1, 2}) {  // plain, prefetching, without the trail
        tracker t(table, list);
        if (variant == 2) detail::tracker_access::keep_state_only(t, as_of);  // as `localgov report` does
        t.reserve_events(h.events.size());             // as read_events does for a file
        const long faults_before = bench::minor_faults();
        const bench::stopwatch watch;
        apply(t, h, variant == 1 ? ahead : 0);
        if (i == 0) continue;
        (variant == 0 ? apply_ms : variant == 1 ? prefetched_ms : trailless_ms).push_back(watch.ms());
        if (variant == 0) apply_faults.push_back(double(bench::minor_faults() - faults_before));
        (variant == 2 ? trailless_bytes : tracker_bytes) = t.memory_bytes();
      }
    }
    tracker t(table, list);
    t.reserve_events(h.events.size());
    apply(t, h);

    // ---- (b) the full roll-up as of the report date.
    std::uint32_t rolled_total = 0;
    const auto rollup = bench::summarize(bench::repeat_ms(runs, [&] {
      const auto board = t.board_at(as_of);
      rolled_total = board.total(group_by::country, 0);
      bench::keep(board);
    }));
    // A roll-up after the last event reproduces the live board's counts.
    const auto final_board = t.board_at(date{2100, 1, 1});
    bool reproduces = true;
    for (std::size_t g = 0; g < 5; ++g)
      for (std::size_t k = 0; k < t.live_board().key_count(static_cast<group_by>(g)); ++k)
        for (status_index s = 0; s < L::status_count; ++s)
          reproduces = reproduces && final_board.count(static_cast<group_by>(g), k, s) ==
                                         t.live_board().count(static_cast<group_by>(g), k, s);

    const auto updates = bench::summarize(apply_ms);
    const auto prefetched = bench::summarize(prefetched_ms);
    std::printf("%-52s %10s %10s %12s %12s\n", "in process", "median ms", "min ms", "median rate", "page faults");
    std::printf("%-52s %10.1f %10.1f %12s %12.0f\n", "incremental updates: change(), record_receipt()", updates.median,
                updates.min, rate(events, updates.median).c_str(), bench::median(apply_faults));
    std::printf("%-52s %10.1f %10.1f %12s\n", "  the same, tracker::prefetch 16 changes ahead", prefetched.median,
                prefetched.min, rate(events, prefetched.median).c_str());
    const auto trailless = bench::summarize(trailless_ms);
    std::printf("%-52s %10.1f %10.1f %12s\n", "  the same, no trail (state as of 2026-12-31 only)", trailless.median,
                trailless.min, rate(events, trailless.median).c_str());
    std::printf("%-52s %10.1f %10.1f %12s\n", "full roll-up: board_at(2026-12-31)", rollup.median, rollup.min,
                rate(n + events, rollup.median).c_str());
    std::printf("  (roll-up rate in proposals + events per second, the trail read for proposals changed after\n"
                "   the date; %u proposals on the board;\n"
                "   a roll-up after the last event reproduces the live board: %s)\n\n",
                rolled_total, reproduces ? "yes" : "NO");

    // ---- (c) memory.
    std::printf("memory per tracked proposal:\n");
    std::printf("  tracker (status, due, last change, trail, live board)  %6.1f B   (%zu bytes)\n",
                double(tracker_bytes) / n, tracker_bytes);
    std::printf("    of which the trail                                    %6.1f B   (%.2f events x 14 B, capacity %s)\n",
                double(t.events().memory_bytes()) / n, events / n, "included");
    std::printf("    of which the live board                               %6.1f B\n", double(t.live_board().memory_bytes()) / n);
    std::printf("  the same without the trail, as of one date (report)    %6.1f B\n", double(trailless_bytes) / n);
    std::printf("  proposal list without titles (ids, columns, id index)  %6.1f B%s\n", double(list.memory_bytes(false)) / n,
                localgov::detail::proposal_list_access::numbered(list) ? "   (ids numbered: no id index needed)" : "");
    std::printf("  proposal list with titles                              %6.1f B\n", double(list.memory_bytes(true)) / n);
    std::printf("  tracker + list without titles                          %6.1f B\n\n",
                double(tracker_bytes + list.memory_bytes(false)) / n);

    // ---- (d) end to end: localgov report against the sqlite3 shell, on the same files.
    if (e2e_runs == 0) return 0;
    bench::scratch_dir dir("localgov-bench-tracking");
    if (keep) dir.keep();
    write_inputs(dir, org, h);
    bench::write_peer_tables(dir, org, rules, table);
    const auto proposals_bytes = io::read_file(dir / "proposals.csv").size();
    const auto events_bytes = io::read_file(dir / "events.csv").size();
    std::printf("end to end: proposals.csv %.1f MiB, events.csv %.1f MiB, units.csv; report as of %s by province\n",
                double(proposals_bytes) / 1048576, double(events_bytes) / 1048576, std::string(as_of_text).c_str());
    if (keep) std::printf("  (the files are kept in %s)\n", dir.path().c_str());
    const auto in_huge = [](double share) { return share < 0 ? std::string("?") : std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; };
    std::printf("  page cache: proposals.csv %s and events.csv %s in 2 MiB pages (see bench::file_in_huge_pages)\n",
                in_huge(bench::file_in_huge_pages(dir / "proposals.csv")).c_str(),
                in_huge(bench::file_in_huge_pages(dir / "events.csv")).c_str());

    // In this process, stage by stage, as the program does it (for where the time goes;
    // the files parsed in chunks by every core when there is more than one): small allocations
    // reuse freed memory (see above), the large tables are mapped in huge pages as in the
    // program (those let go of kept for reuse, up to 32 MiB, as the program reuses the
    // proposals loader's blocks for the events), so this is the work without most of the
    // first-touch page faults that the program itself pays.
    const io::read_options options{.parallel = std::thread::hardware_concurrency() > 1};
    constexpr int stages = 6;
    std::vector<double> stage_ms[stages], stage_faults[stages];
    for (int i = 0; i < runs; ++i) {
      int stage = 0;
      bench::stopwatch watch;
      long faults = bench::minor_faults();
      auto lap = [&] {
        stage_ms[stage].push_back(watch.ms());
        const long now = bench::minor_faults();
        stage_faults[stage++].push_back(double(now - faults));
        faults = now;
        watch.restart();
      };
      const auto o = presets::vietnam_2025(io::read_file(units_csv), units_csv);
      lap();
      const auto rs = presets::vietnam_rules(o.words());
      const routing_table tb(o, rs, presets::vietnam_calendar());
      lap();
      proposal_list ps;  // as the program does: no titles, the files mapped
      ps.keep_titles(false);
      io::read_proposals(o, ps, io::mapped_file(dir / "proposals.csv"), dir / "proposals.csv", options);
      lap();
      auto tr = detail::tracker_access::make<tracker>(tb, ps, options.parallel ? std::thread::hardware_concurrency() : 1);
      detail::tracker_access::keep_state_only(tr, as_of);  // as the program does
      lap();
      io::read_events(tr, io::mapped_file(dir / "events.csv"), dir / "events.csv", options);
      lap();
      const auto report = reports::make_status_report(tr, as_of, group_by::province);
      const auto csv = reports::status_table(report).csv();
      lap();
      bench::keep(csv);
    }
    const char* stage_names[stages] = {"national organisation from units.csv", "rules and routing table",
                                       options.parallel ? "read_proposals (chunks parsed by every core, indexed in order)" : "read_proposals (read file + parse + index)",
                                       options.parallel ? "tracker (route every proposal, in every core)" : "tracker (route every proposal)",
                                       options.parallel ? "read_events (chunks parsed and looked up by every core, applied in order)" : "read_events (read file + parse + apply)", "status report and its CSV"};
    double stages_total = 0, faults_total = 0;
    std::printf("  localgov report's stages in this process, small allocations reused (median): %4s %12s\n", "ms", "page faults");
    for (int s = 0; s < stages; ++s) {
      const double m = bench::median(stage_ms[s]), f = bench::median(stage_faults[s]);
      stages_total += m, faults_total += f;
      std::printf("    %-64s %10.1f %12.0f\n", stage_names[s], m, f);
    }
    std::printf("    %-64s %10.1f %12.0f\n\n", "sum", stages_total, faults_total);

    const std::string cli = bench::program_beside_this("localgov");
    const std::vector<std::string> cli_args{cli,           "report",         "--units",          units_csv,
                                            "--proposals", dir / "proposals.csv", "--events",   dir / "events.csv",
                                            "--as-of",     std::string(as_of_text), "--by",     "province",
                                            "--format",    "csv"};
    const auto sqlite = bench::find_program("sqlite3");
    if (access(cli.c_str(), X_OK) != 0) {
      std::printf("%s: not built (cmake --build BUILD --target localgov_cli); no end-to-end figures\n", cli.c_str());
      return 0;
    }
    if (sqlite) bench::write_text(dir / "report.sql", peer_script(dir, units_csv));
    const std::vector<std::string> sqlite_args{sqlite ? *sqlite : "sqlite3", "-batch", ":memory:",
                                               ".read " + (dir / "report.sql")};

    std::vector<double> ours_ms, theirs_ms, query_ms;
    long ours_kb = 0, theirs_kb = 0;
    bench::process_result ours_out, theirs_out;
    for (int i = 0; i < e2e_runs; ++i) {  // in pairs, so that drift affects both alike
      ours_out = runner.run(cli_args);
      if (ours_out.exit_code != 0) {
        std::fprintf(stderr, "bench_tracking: localgov report failed (exit %d): %s\n", ours_out.exit_code,
                     ours_out.err.c_str());
        return 1;
      }
      ours_ms.push_back(ours_out.wall_ms);
      ours_kb = std::max(ours_kb, ours_out.max_rss_kb);
      if (!sqlite) continue;
      theirs_out = runner.run(sqlite_args);
      if (theirs_out.exit_code != 0 || !theirs_out.err.empty()) {
        std::fprintf(stderr, "bench_tracking: sqlite3 failed (exit %d): %s\n", theirs_out.exit_code,
                     theirs_out.err.c_str());
        return 1;
      }
      theirs_ms.push_back(theirs_out.wall_ms);
      theirs_kb = std::max(theirs_kb, theirs_out.max_rss_kb);
      const auto times = bench::sqlite_run_times_ms(theirs_out.out);
      if (!times.empty()) query_ms.push_back(times.back());
    }
    const auto ours = bench::summarize(ours_ms);
    std::printf("%-52s %10s %10s %12s %12s\n", "end to end (subprocesses)", "median ms", "min ms", "peak RSS",
                "page faults");
    std::printf("%-52s %10.0f %10.0f %8.0f MiB %12ld\n", "localgov report --format csv", ours.median, ours.min,
                double(ours_kb) / 1024, ours_out.minor_faults);
    if (!sqlite) {
      std::printf("sqlite3: not found in PATH (Debian package sqlite3); localgov's figures only\n");
      return 0;
    }
    const auto theirs = bench::summarize(theirs_ms);
    std::printf("%-52s %10.0f %10.0f %8.0f MiB %12ld\n", "sqlite3: .import the five files + the report query",
                theirs.median, theirs.min, double(theirs_kb) / 1024, theirs_out.minor_faults);
    std::printf("%-52s %10.0f %10s\n", "  of which the query (.timer)", bench::median(query_ms), "-");
    std::printf("\nratio sqlite3 / localgov, end to end (median): %.1fx   (min / min: %.1fx)\n",
                theirs.median / ours.median, theirs.min / ours.min);

    // The generated ids are numbered (one prefix, a counter in file order), which the
    // program finds by number, without an id index (see proposal_list::numbered). Other
    // ids go through the hash index: the same files with the first two proposals swapped.
    {
      std::string text = io::read_file(dir / "proposals.csv");
      const auto second = text.find('\n') + 1, third = text.find('\n', second) + 1, fourth = text.find('\n', third) + 1;
      text = text.substr(0, second) + text.substr(third, fourth - third) + text.substr(second, third - second) + text.substr(fourth);
      const auto unnumbered = dir / "proposals-unnumbered.csv";
      bench::write_text(unnumbered, text);
      auto args = cli_args;
      args[5] = unnumbered;
      std::vector<double> unnumbered_ms;
      for (int i = 0; i <= e2e_runs; ++i) {  // the first a warm-up, as the file is new
        const auto out = runner.run(args);
        if (out.exit_code != 0 || out.out != ours_out.out) {
          std::fprintf(stderr, "bench_tracking: localgov report on %s failed or differs (exit %d): %s\n", unnumbered.c_str(),
                       out.exit_code, out.err.c_str());
          return 1;
        }
        if (i > 0) unnumbered_ms.push_back(out.wall_ms);
      }
      const auto u = bench::summarize(unnumbered_ms);
      std::printf("the same report, ids not numbered (first two rows swapped: every id through the hash index),\n"
                  "  %d runs back to back after the pairs above: median %.0f ms, min %.0f ms; sqlite3's median / it: %.1fx\n",
                  e2e_runs, u.median, u.min, theirs.median / u.median);
    }

    // Agreement: every row, every column (province, name, total, seven statuses, overdue and
    // of those past a statutory deadline, median and 90th percentile of days to answer).
    const auto a = csv_rows(ours_out.out, true);
    const auto b = csv_rows(theirs_out.out.substr(0, theirs_out.out.find("Run Time:")), false);
    std::size_t cells = 0, differing = 0;
    for (std::size_t r = 0; r < std::max(a.size(), b.size()); ++r) {
      if (r >= a.size() || r >= b.size() || a[r].size() != b[r].size()) {
        ++differing;
        continue;
      }
      for (std::size_t c = 0; c < a[r].size(); ++c, ++cells) differing += a[r][c] != b[r][c];
    }
    std::printf("agreement: %s (%zu rows x %zu columns; localgov %zu rows, sqlite3 %zu rows)\n",
                differing == 0 && !a.empty() ? "yes, every cell matches" : "NO: the reports differ", a.size(),
                a.empty() ? std::size_t{0} : a[0].size(), a.size(), b.size());
    if (differing != 0) {
      std::printf("localgov:\n%s\nsqlite3:\n%s\n", ours_out.out.c_str(), theirs_out.out.c_str());
      return 1;
    }
    std::uint64_t total = 0;
    for (const auto& row : a) total += std::strtoull(row[2].c_str(), nullptr, 10);
    std::printf("  (%llu proposals in the report; the CLI's output ends: %s)\n", static_cast<unsigned long long>(total),
                a.empty() ? "-" : (a.back()[0] + "," + a.back()[1] + "," + a.back()[2] + ",...").c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_tracking: %s\n", e.what());
    return 2;
  }
}
