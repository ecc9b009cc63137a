// bench_routing --data DIR [--proposals N] [--runs N]
//
// Routes N generated proposals (1,000,000 by default) over the national organisation
// with the flat routing table, and prints proposals per second; beside it, measured in
// the same run, the sqlite3 shell doing the same lookup: the same proposals and a routes
// table exported from ours, joined in one query that also computes the due dates
// (calendar days with date(), moved to the next working day when the last is a day off,
// and working days, both through a working-day calendar table).
// Both sides' checksums (rows routed, sum of lead ids, sum of due-date day numbers) are
// compared and the result printed.
#include "bench_util.hpp"
#include "options.hpp"
#include "peer_tables.hpp"

#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/routing/routing_table.hpp>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace localgov;

// The proposals as routing sees them: four columns, no text.
struct generated {
  std::vector<unit_id> unit;
  std::vector<field_id> field;
  std::vector<channel> via;
  std::vector<date> submitted;
};

// Commune-tier origins, every field, both channels, submitted on any day of 2026.
generated generate(const organization& org, std::size_t n) {
  std::vector<unit_id> communes;
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    if (org.tier_of(id_at<unit_id>(u)) == tier::commune) communes.push_back(id_at<unit_id>(u));
  const auto fields = static_cast<std::uint32_t>(org.words().fields().size());
  const date first{2026, 1, 1};
  bench::rng random{20260101};
  generated g;
  g.unit.reserve(n), g.field.reserve(n), g.via.reserve(n), g.submitted.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    g.unit.push_back(communes[random.below(static_cast<std::uint32_t>(communes.size()))]);
    g.field.push_back(id_at<field_id>(random.below(fields)));
    g.via.push_back(random.chance(50) ? channel::proposal : channel::petition);
    g.submitted.push_back(first + static_cast<std::int32_t>(random.below(365)));
  }
  return g;
}

struct checksum {
  std::uint64_t routed = 0;     // proposals some rule covers
  std::uint64_t leads = 0;      // sum of the lead bodies' ids
  std::int64_t due_days = 0;    // sum of the due dates as days since 1970-01-01
  friend bool operator==(const checksum&, const checksum&) = default;
};

checksum route_all(const routing_table& table, const generated& g) {
  checksum sum;
  const auto n = g.unit.size();
  for (std::size_t i = 0; i < n; ++i)
    if (const auto r = table.route(g.unit[i], g.field[i], g.via[i], g.submitted[i])) {
      ++sum.routed;
      sum.leads += index_of(r->lead);
      sum.due_days += r->due.days_since_epoch();
    }
  return sum;
}

// proposals.csv, then routes.csv and calendar.csv (bench::write_peer_tables), for the peer.
void write_peer_files(const bench::scratch_dir& dir, const organization& org, const rule_set& rules,
                      const routing_table& table, const generated& g) {
  const auto& words = org.words();
  std::string text = "id,unit_code,field,channel,submitted\n";
  text.reserve(g.unit.size() * 40);
  char day[11] = {};
  for (std::size_t i = 0; i < g.unit.size(); ++i) {
    g.submitted[i].write_iso(day);
    text += "P" + std::to_string(i + 1) + ',' + org.unit(g.unit[i]).code + ',' + words.field(g.field[i]).slug + ',' +
            std::string(format_as(g.via[i])) + ',' + std::string(day, 10) + '\n';
  }
  bench::write_text(dir / "proposals.csv", text);

  bench::write_peer_tables(dir, org, rules, table);
}

// The peer's one query: every proposal joined to its route, the due date computed, and
// the same three checksums.
constexpr std::string_view peer_query =
    "select count(*), sum(lead_id), sum(cast(julianday(due) - 2440587.5 as integer)) from ("
    "select r.lead_id as lead_id, "
    "case r.count when 'calendar' then (select min(c.day) from calendar c "
    "where c.working = 1 and c.day >= date(p.submitted, '+' || r.days || ' days')) "
    "else (select w.day from workdays w where w.ordinal = "
    "(select c.ordinal from calendar c where c.day = p.submitted) + r.days) end as due "
    "from proposals p join routes r on r.unit_code = p.unit_code and r.field = p.field and r.channel = p.channel);";

std::string per_second(double count, double ms) {
  char out[32];
  if (ms <= 0) return "-";
  const double rate = count / (ms / 1000);
  if (rate >= 1e6)
    std::snprintf(out, sizeof out, "%.1f M/s", rate / 1e6);
  else
    std::snprintf(out, sizeof out, "%.0f k/s", rate / 1e3);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // Forked now, while this process is small (see bench::process_runner).
  bench::process_runner runner;

  std::string data_dir;
  long count = 1'000'000;
  int runs = 7;
  bench::options command_line("bench_routing",
                              "Routes N generated proposals over the national organisation built from\n"
                              "DIR/vn-2025/units.csv, median of the passes, and runs the sqlite3 shell on the same\n"
                              "proposals and routes in the same run for comparison.\n"
                              "Example: bench_routing --data data\n");
  command_line.add("--data", "DIR", data_dir, "the data directory: DIR/vn-2025/units.csv").required();
  command_line.add("--proposals", "N", count, "proposals to generate", 1);
  command_line.add("--runs", "N", runs, "passes of each side, median reported", 1);
  if (const auto status = command_line.parse(argc, argv)) return *status;

  try {
    const auto org = presets::load_vietnam_2025(data_dir + "/vn-2025/units.csv");
    const auto rules = presets::vietnam_rules(org.words());
    const auto calendar = presets::vietnam_calendar();

    // The table's build, timed apart (it runs once per organisation and rule set).
    std::vector<double> build_ms;
    std::size_t table_bytes = 0;
    for (int i = 0; i < 3; ++i) {
      const bench::stopwatch watch;
      const routing_table t(org, rules, calendar);
      build_ms.push_back(watch.ms());
      table_bytes = t.memory_bytes();
    }
    const routing_table table(org, rules, calendar);
    const auto g = generate(org, static_cast<std::size_t>(count));

    checksum ours;
    std::vector<double> route_ms;
    route_all(table, g);  // warm-up
    for (int i = 0; i < runs; ++i) {
      const bench::stopwatch watch;
      ours = route_all(table, g);
      route_ms.push_back(watch.ms());
      bench::keep(ours);
    }
    const auto timing = bench::summarize(route_ms);
    const double n = static_cast<double>(count);

    std::printf("routing %ld generated proposals (commune-tier origins, %zu fields, both channels, 2026)\n", count,
                org.words().fields().size());
    std::printf("over %zu units and %zu bodies, %zu rules; %d passes of each\n\n", org.unit_count(), org.body_count(),
                rules.size(), runs);
    std::printf("routing table: built in %.1f ms (median of %zu), %zu bytes (%.1f MiB) of flat arrays\n\n",
                bench::median(build_ms), build_ms.size(), table_bytes, double(table_bytes) / 1048576);
    std::printf("%-44s %10s %10s %12s %12s\n", "what", "median ms", "min ms", "median rate", "ns/proposal");
    std::printf("%-44s %10.2f %10.2f %12s %12.1f\n", "localgov: routing_table::route, one core", timing.median,
                timing.min, per_second(n, timing.median).c_str(), timing.median * 1e6 / n);

    const auto sqlite = bench::find_program("sqlite3");
    if (!sqlite) {
      std::printf("\nsqlite3: not found in PATH (Debian package sqlite3); localgov's figures only\n");
      std::printf("checksum: %" PRIu64 " routed, lead ids %" PRIu64 ", due days %" PRId64 "\n", ours.routed, ours.leads,
                  ours.due_days);
      return 0;
    }

    const bench::scratch_dir dir("localgov-bench-routing");
    write_peer_files(dir, org, rules, table, g);
    // Statements go through a script read with .read: sqlite3 times (.timer) what it reads
    // from input, not what it is given as command-line arguments.
    std::string script =
        "create table proposals(id text, unit_code text, field text, channel text, submitted text);\n"
        "create table routes(unit_code text, field text, channel text, lead text, lead_id integer,\n"
        "  days integer, count text, deadline text, primary key (unit_code, field, channel)) without rowid;\n"
        "create table calendar(day text primary key, ordinal integer, working integer) without rowid;\n"
        ".mode csv\n"
        ".import --skip 1 " + (dir / "proposals.csv") + " proposals\n"
        ".import --skip 1 " + (dir / "routes.csv") + " routes\n"
        ".import --skip 1 " + (dir / "calendar.csv") + " calendar\n"
        "create table workdays(ordinal integer primary key, day text);\n"
        "insert into workdays select ordinal, day from calendar where working = 1;\n"
        ".timer on\n";
    for (int i = 0; i < runs; ++i) script += std::string(peer_query) + "\n";
    bench::write_text(dir / "route.sql", script);
    const std::vector<std::string> args{*sqlite, "-batch", ":memory:", ".read " + (dir / "route.sql")};
    const auto result = runner.run(args);
    const auto times = bench::sqlite_run_times_ms(result.out);
    checksum theirs;
    const bool parsed = std::sscanf(result.out.c_str(), "%" SCNu64 ",%" SCNu64 ",%" SCNd64, &theirs.routed,
                                    &theirs.leads, &theirs.due_days) == 3;
    if (result.exit_code != 0 || !parsed || times.size() < static_cast<std::size_t>(runs)) {
      std::fprintf(stderr, "bench_routing: sqlite3 failed (exit %d): %s%s\n", result.exit_code, result.out.c_str(),
                   result.err.c_str());
      return 1;
    }
    const std::vector<double> query_ms(times.end() - runs, times.end());
    const auto peer = bench::summarize(query_ms);
    double query_total = 0;
    for (double t : query_ms) query_total += t;
    std::printf("%-44s %10.2f %10.2f %12s %12.1f\n", "sqlite3: the same lookup, one join query", peer.median, peer.min,
                per_second(n, peer.median).c_str(), peer.median * 1e6 / n);
    std::printf("%-44s %10.0f %10s %12s\n", "sqlite3: its .import and setup, once", result.wall_ms - query_total, "-", "-");
    std::printf("\nratio sqlite3 query / localgov (median): %.0fx   (min / min: %.0fx)\n", peer.median / timing.median,
                peer.min / timing.min);
    std::printf("checksums: localgov %" PRIu64 " routed, lead ids %" PRIu64 ", due days %" PRId64 "\n", ours.routed,
                ours.leads, ours.due_days);
    std::printf("           sqlite3  %" PRIu64 " routed, lead ids %" PRIu64 ", due days %" PRId64 "\n", theirs.routed,
                theirs.leads, theirs.due_days);
    std::printf("agreement: %s\n", ours == theirs ? "yes, all three match" : "NO: the checksums differ");
    std::printf("\nlocalgov: route() over arrays of (unit_id, field_id, channel, date) already in memory;\n"
                "sqlite3: the query alone (.timer on), after importing the same proposals, the routes\n"
                "exported from the table and the working-day calendar into :memory: tables.\n");
    return ours == theirs ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_routing: %s\n", e.what());
    return 2;
  }
}
