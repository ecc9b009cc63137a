// bench_national_build --data DIR [--runs N]
//
// Builds the national organisation (presets::vietnam_2025: parse units.csv, then every
// unit's bodies, head posts and reporting lines) and prints how long it takes, cold (the
// first build in a process: every page is new) and warm (repeated in one process), and
// how much memory one build takes; and, measured in the same run, the sqlite3 shell
// importing the same file into an in-memory table with a unique index on code.
#define LOCALGOV_BENCH_COUNT_ALLOCATIONS
#include "bench_util.hpp"
#include "options.hpp"

#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace localgov;

struct row {
  std::string what;
  bench::summary time;
  std::string memory;  // "-" when not measured
};

std::string mib(double kb) {
  if (kb < 0) return "-";
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MiB", kb / 1024);
  return out;
}

std::string ratio(double a, double b) {
  if (a < 0 || b <= 0) return "-";
  char out[32];
  std::snprintf(out, sizeof out, "%.1fx", a / b);
  return out;
}

void print_table(const std::vector<row>& rows) {
  std::printf("%-46s %10s %10s %13s\n", "what", "median ms", "min ms", "peak memory");
  for (const auto& r : rows)
    std::printf("%-46s %10.2f %10.2f %13s\n", r.what.c_str(), r.time.median, r.time.min, r.memory.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  // Forked now, while this process is small, so that the peer's peak RSS is its own.
  bench::process_runner runner;

  std::string data_dir;
  int runs = 15;
  bench::options command_line("bench_national_build",
                              "Times presets::vietnam_2025 on DIR/vn-2025/units.csv, cold (N fresh child processes)\n"
                              "and warm (N builds in one process), measures one build's memory, and runs the sqlite3\n"
                              "shell on the same file in the same run for comparison.\n"
                              "Example: bench_national_build --data data\n");
  command_line.add("--data", "DIR", data_dir, "the data directory: DIR/vn-2025/units.csv").required();
  command_line.add("--runs", "N", runs, "runs of each figure (builds cold, warm, ...), median reported", 1);
  if (const auto status = command_line.parse(argc, argv)) return *status;

  const std::string file = data_dir + "/vn-2025/units.csv";
  std::string text;
  // A bad file fails here rather than in a child. Only the units are read, and they are
  // kept, so that the cold runs below find no freed memory in this process to reuse.
  std::optional<organization> units_only;
  try {
    text = io::read_file(file);
    units_only.emplace(presets::vietnam_vocabulary());
    io::read_units(*units_only, text, file);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_national_build: %s\n", e.what());
    return 2;
  }

  // ---- localgov, cold: each build in a child forked from this process before it has
  // built anything, so that no page is reused from an earlier build (malloc keeps freed
  // memory) and every page the build touches is new, as in a program that builds once.
  std::vector<double> cold_ms;
  std::optional<bench::child_memory> memory;
  for (int i = 0; i < runs; ++i) {
    const auto m = bench::measure_in_child([&] { return presets::vietnam_2025(text, file); });
    if (!m) continue;
    cold_ms.push_back(m->wall_ms);
    if (!memory || m->peak_growth_kb() < memory->peak_growth_kb()) memory = m;  // the least disturbed run
  }

  // The page faults alone: as many fresh pages as a cold build's RSS grows by, touched
  // once each, also in fresh children.
  std::vector<double> touch_ms;
  if (memory && memory->peak_growth_kb() > 0)
    for (int i = 0; i < runs; ++i) {
      const auto bytes = static_cast<std::size_t>(memory->peak_growth_kb()) * 1024;
      if (const auto m = bench::measure_in_child([&] { return bench::fresh_pages(bytes); })) touch_ms.push_back(m->wall_ms);
    }

  // ---- localgov, warm: repeated in this process, so malloc reuses the previous build's
  // pages. The destructor runs after the clock stops, and is timed on its own.
  std::size_t units = 0, bodies = 0, posts = 0, vertices = 0, edges = 0;
  std::vector<double> warm_ms, teardown_ms;
  for (int i = 0; i <= runs; ++i) {  // the first is a warm-up
    bench::stopwatch teardown;
    {
      const bench::stopwatch watch;
      const auto org = presets::vietnam_2025(text, file);
      if (i > 0) warm_ms.push_back(watch.ms());
      units = org.unit_count(), bodies = org.body_count(), posts = org.post_count();
      vertices = boost::num_vertices(org.graph()), edges = boost::num_edges(org.graph());
      teardown.restart();
    }
    if (i > 0) teardown_ms.push_back(teardown.ms());
  }
  const auto parse = bench::summarize(bench::repeat_ms(runs, [&] {
    io::csv_reader csv(text, file);
    std::size_t bytes = 0;
    while (csv.next())
      for (std::size_t i = 0; i < csv.size(); ++i) bytes += csv.field(i).size();
    bench::keep(bytes);
  }));
  const auto units_pass = bench::summarize(bench::repeat_ms(runs, [&] {
    organization org(presets::vietnam_vocabulary());
    io::read_units(org, text, file);
    bench::keep(org.unit_count());
  }));

  std::printf("national build from %s (%zu bytes): %zu units, %zu bodies, %zu posts;\n", file.c_str(), text.size(),
              units, bodies, posts);
  std::printf("graph of %zu vertices, %zu edges; %d runs of each\n\n", vertices, edges, runs);

  const double build_kb = memory ? double(memory->peak_growth_kb()) : -1;
  const auto warm = bench::summarize(warm_ms);
  std::vector<row> rows{
      {"localgov: CSV parse only (csv_reader)", parse, "-"},
      {"localgov: units only (io::read_units)", units_pass, "-"},
      {"localgov: national build, warm (one process)", warm, "-"},
      {"localgov: national build, cold (fresh process)", bench::summarize(cold_ms), mib(build_kb)},
      {"localgov: its destructor, warm", bench::summarize(teardown_ms), "-"},
      {"this machine: first touch of as many new pages", bench::summarize(touch_ms), mib(build_kb)},
  };

  // ---- sqlite3: the same file into an in-memory table, with the unique index on code a
  // lookup table needs. Start-up (exec, dynamic linking) is timed on its own.
  std::optional<bench::summary> sqlite_net;
  double sqlite_kb = -1;
  std::string sqlite_version;
  if (const auto sqlite = bench::find_program("sqlite3")) {
    const auto version = runner.run({*sqlite, "-version"}).out;
    sqlite_version = *sqlite + " " + version.substr(0, version.find(' '));
    const std::vector<std::string> start_up{*sqlite, "-batch", ":memory:", "select 1;"};
    const std::vector<std::string> import{*sqlite,
                                          "-batch",
                                          ":memory:",
                                          ".mode csv",
                                          ".import " + file + " units",
                                          "create unique index units_code on units(code);",
                                          "select count(*) from units;"};
    const auto check = runner.run(import);  // also a warm-up
    if (check.exit_code != 0 || std::strtoul(check.out.c_str(), nullptr, 10) != units) {
      std::fprintf(stderr, "bench_national_build: sqlite3 import failed (exit %d): %s%s\n", check.exit_code,
                   check.out.c_str(), check.err.c_str());
      return 1;
    }
    std::vector<double> start_ms, import_ms;
    long start_kb = 0, import_kb = 0;
    for (int i = 0; i < runs; ++i) {  // interleaved, so that drift affects both alike
      const auto s = runner.run(start_up);
      const auto m = runner.run(import);
      start_ms.push_back(s.wall_ms);
      import_ms.push_back(m.wall_ms);
      start_kb = std::max(start_kb, s.max_rss_kb);
      import_kb = std::max(import_kb, m.max_rss_kb);
    }
    const auto start = bench::summarize(start_ms), gross = bench::summarize(import_ms);
    sqlite_net = bench::summary{gross.median - start.median, gross.min - start.min, gross.max - start.max, gross.runs};
    sqlite_kb = double(import_kb - start_kb);
    rows.push_back({"sqlite3: start-up (:memory: 'select 1')", start, mib(double(start_kb))});
    rows.push_back({"sqlite3: .import + unique index on code", gross, mib(double(import_kb))});
    rows.push_back({"sqlite3: the same, net of start-up", *sqlite_net, mib(sqlite_kb)});
  }
  print_table(rows);
  if (sqlite_net) {
    std::printf("%-46s %10s %10s %13s\n", "ratio localgov warm build / sqlite3 net",
                ratio(warm.median, sqlite_net->median).c_str(), ratio(warm.min, sqlite_net->min).c_str(),
                ratio(build_kb, sqlite_kb).c_str());
  } else {
    std::printf("sqlite3: not found in PATH (Debian package sqlite3); localgov's figures only\n");
  }

  std::printf("\nmemory of one national build (the least disturbed cold run):\n");
  if (memory) {
    std::printf("  peak RSS growth    %7.1f MiB  VmHWM after the build - VmRSS before it\n", build_kb / 1024);
    std::printf("  heap live after    %7.1f MiB  in %lld allocations: what the organisation holds\n",
                double(memory->heap_live) / 1048576, memory->heap_allocations);
    std::printf("  heap peak during   %7.1f MiB  live bytes at their highest, temporaries included\n",
                double(memory->heap_peak) / 1048576);
    std::printf("  heap per vertex    %7.0f B    per unit with all under it %.0f B; per body or post %.0f B\n",
                double(memory->heap_live) / double(vertices), double(memory->heap_live) / double(units),
                double(memory->heap_live) / double(bodies + posts));
  } else {
    std::printf("  not measured: the child process failed\n");
  }
  std::printf("Heap bytes are malloc_usable_size of each block (malloc's headers not counted). A cold\n"
              "build pays a page fault for every page it touches first; the first-touch row times\n"
              "those alone, on as many fresh pages as the build's resident set grows by.\n");
  if (sqlite_net)
    std::printf("sqlite3 (%s): memory is wait4's ru_maxrss of the whole process;\n"
                "net = import - start-up (of the medians, of the minima, of the peaks).\n",
                sqlite_version.c_str());
  return 0;
}
