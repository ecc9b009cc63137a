// bench_scale --data DIR [--small N] [--factor F] [--runs R] [--no-cli] [--keep]
//
// Does the cost grow linearly with the data? Generates N proposals (1,000,000 by
// default) and F x N (F = 10: 10,000,000) deterministically over every commune-tier unit
// of the national organisation, with about two legal status changes each, and at both
// sizes measures, R times (3 by default) in pairs of runs (small, large) so that the
// drift of a noisy machine affects both alike, each run in a fresh child process (so
// that each size's memory is its own), and prints medians:
//   - the in-memory pipeline: fill the proposal list (sized once, each id's index slot
//     loaded 16 ids ahead, as io::read_proposals does), route and track every proposal
//     (tracker construction routes each one), apply every event (with tracker::prefetch
//     16 changes ahead, as io::read_events does), make the status report as of the
//     report date — its time and the growth of the resident set it causes;
//   - `localgov report` end to end on the CSV files of that size (the program next to
//     this one in bin/), its wall-clock time and peak resident set (wait4's ru_maxrss).
// Targets: F x the data costs at most 1.2 x F the time (12x for F = 10), and the CLI's
// peak memory at the larger size stays under 1.5 GB. The CSV files of both sizes (about
// 180 bytes per proposal with its events) go to $TMPDIR; when the disk has too little room, the
// factor is lowered and the output says so.
#include "bench_util.hpp"
#include "options.hpp"

#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
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
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {

using namespace localgov;
using L = default_lifecycle;

constexpr date as_of{2026, 12, 31};
constexpr double bytes_per_proposal_on_disk = 200;  // proposals.csv + events.csv, rounded up

struct generated_event {
  std::uint32_t proposal;
  date on;
  status_index to;
};

// Proposals in columns, numbered in order of submission; events in date order.
struct history {
  std::vector<unit_id> unit;
  std::vector<field_id> field;
  std::vector<channel> via;
  std::vector<date> submitted;
  std::vector<generated_event> events;
};

std::string id_text(std::uint32_t i) {
  char out[24];
  std::snprintf(out, sizeof out, "S-%08u", i + 1);
  return out;
}

// About two events per proposal: assigned (86%), then in progress and/or answered,
// or rejected / withdrawn early; the same seed gives the same history everywhere.
history generate(const organization& org, std::size_t n) {
  history h;
  std::vector<unit_id> communes;
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    if (org.tier_of(id_at<unit_id>(u)) == tier::commune) communes.push_back(id_at<unit_id>(u));
  const auto fields = static_cast<std::uint32_t>(org.words().fields().size());
  bench::rng random{20260101};
  h.unit.reserve(n), h.field.reserve(n), h.via.reserve(n), h.submitted.reserve(n);
  h.events.reserve(n * 21 / 10);
  std::vector<std::int32_t> days(n);
  for (auto& d : days) d = static_cast<std::int32_t>(random.below(365));
  std::sort(days.begin(), days.end());
  for (std::uint32_t i = 0; i < n; ++i) {
    h.unit.push_back(communes[random.below(static_cast<std::uint32_t>(communes.size()))]);
    h.field.push_back(id_at<field_id>(random.below(fields)));
    h.via.push_back(random.chance(60) ? channel::proposal : channel::petition);
    date d = date{2026, 1, 1} + days[i];
    h.submitted.push_back(d);
    auto event = [&](std::uint32_t max_gap, status_index to) {
      d += static_cast<std::int32_t>(random.below(max_gap + 1));
      h.events.push_back({i, d, to});
    };
    const auto first = random.below(100);
    if (first < 4) {
      event(10, L::rejected);
    } else if (first < 6) {
      event(20, L::withdrawn);
    } else if (first < 14) {
      event(3, L::received);
    } else {
      event(7, L::assigned);
      const auto then = random.below(100);
      if (then < 20) {
        event(20, L::in_progress);
      } else if (then < 70) {
        event(75, L::answered);
      } else if (then < 90) {
        event(20, L::in_progress), event(60, L::answered);
      }
    }
  }
  std::stable_sort(h.events.begin(), h.events.end(),
                   [](const generated_event& a, const generated_event& b) { return a.on < b.on; });
  return h;
}

// Streams the two CSV files (never the whole text in memory).
class csv_file {
 public:
  explicit csv_file(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "wb")) {
    if (f_ == nullptr) throw std::runtime_error("cannot write " + path);
  }
  csv_file(const csv_file&) = delete;
  csv_file& operator=(const csv_file&) = delete;
  ~csv_file() {
    if (f_ != nullptr) std::fclose(f_);
  }
  std::string buffer;
  void flush(bool last = false) {
    if (buffer.size() < (1u << 20) && !last) return;
    if (std::fwrite(buffer.data(), 1, buffer.size(), f_) != buffer.size()) throw std::runtime_error("cannot write " + path_);
    buffer.clear();
    if (last && std::fclose(std::exchange(f_, nullptr)) != 0) throw std::runtime_error("cannot write " + path_);
  }

 private:
  std::string path_;
  std::FILE* f_;
};

void write_inputs(const std::string& proposals_path, const std::string& events_path, const organization& org,
                  const history& h) {
  const auto& words = org.words();
  char day[11] = {};
  {
    csv_file out(proposals_path);
    out.buffer = "id,unit_code,field,title,submitted,channel\n";
    for (std::uint32_t i = 0; i < h.unit.size(); ++i) {
      h.submitted[i].write_iso(day);
      out.buffer += id_text(i) + ',' + org.unit(h.unit[i]).code + ',' + words.field(h.field[i]).slug + ",Kiến nghị số " +
                    std::to_string(i % 997 + 1) + ',' + std::string(day, 10) + ',' + std::string(format_as(h.via[i])) + '\n';
      out.flush();
    }
    out.flush(true);
  }
  csv_file out(events_path);
  out.buffer = "proposal_id,date,status\n";
  for (const auto& e : h.events) {
    e.on.write_iso(day);
    out.buffer += id_text(e.proposal) + ',' + std::string(day, 10) + ',' + std::string(L::name(e.to)) + '\n';
    out.flush();
  }
  out.flush(true);
}

// Timings the child hands back through memory shared with the parent.
struct pipeline_times {
  double fill_ms = -1, route_track_ms = -1, events_ms = -1, board_ms = -1, total_ms = -1;
  double warm_ms = -1;  // bench::warm_memory's time before a warmed run
  std::size_t overdue = 0;
};

// One size: its history, the in-memory runs and the CLI runs.
struct size_result {
  std::size_t proposals = 0;
  history h;
  std::array<std::vector<pipeline_times>, 2> times;  // by memory: warmed first, as found
  std::vector<double> memory_growth_kb;  // peak resident set growth of each warmed in-memory run
  std::vector<bench::process_result> cli;
  std::optional<bench::scratch_dir> cli_dir;  // its CSV files
};

enum memory_state { warmed, as_found };
// Bytes a child touches and frees before its run (bench::warm_memory): more than the run
// grows by (about 130 bytes per proposal).
constexpr std::size_t warm_bytes_per_proposal = 200;

// The in-memory pipeline over `h`, once, in a fresh child process, its memory warmed
// first or taken as found.
void measure_in_memory(const routing_table& table, size_result& r, memory_state memory_state) {
  const auto& h = r.h;
  const std::size_t n = r.proposals;
  auto* shared = static_cast<pipeline_times*>(
      mmap(nullptr, sizeof(pipeline_times), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  if (shared == MAP_FAILED) throw std::runtime_error("mmap failed");
  *shared = {};
  double warm_ms = -1;  // set in the child, before the measured run
  const auto memory = bench::measure_in_child([&] {
    pipeline_times t;
    t.warm_ms = warm_ms;
    const bench::stopwatch total;
    bench::stopwatch watch;
    auto list = std::make_unique<proposal_list>();
    // As io::read_proposals does: the tables sized once (ids of 10 bytes, titles of at
    // most 22), each id hashed 16 ids ahead and its index slot started loading.
    list->reserve(n, std::size_t{10} * n, std::size_t{22} * n);
    constexpr std::uint32_t ahead = 16;
    std::array<std::string, ahead> ids;
    std::array<std::uint64_t, ahead> hashes{};
    auto look_ahead = [&](std::uint32_t i) {
      ids[i % ahead] = id_text(i);
      hashes[i % ahead] = localgov::detail::proposal_list_access::hash_id(ids[i % ahead]);
      localgov::detail::proposal_list_access::prefetch_slot(*list, hashes[i % ahead]);
    };
    for (std::uint32_t i = 0; i < std::min<std::size_t>(ahead, n); ++i) look_ahead(i);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::string id = std::move(ids[i % ahead]);
      const auto hash = hashes[i % ahead];
      if (i + ahead < n) look_ahead(i + ahead);
      const std::string title = "Kiến nghị số " + std::to_string(i % 997 + 1);
      localgov::detail::proposal_list_access::try_add(*list, hash, {id, h.unit[i], h.field[i], h.via[i], h.submitted[i], title}, 0);
    }
    t.fill_ms = watch.ms();
    watch.restart();
    auto track = std::make_unique<tracker>(table, *list);  // routes every proposal
    t.route_track_ms = watch.ms();
    watch.restart();
    // As io::read_events does: each change's state starts loading 16 changes ahead.
    for (std::size_t k = 0; k < h.events.size(); ++k) {
      const auto& e = h.events[k];
      if (k + 16 < h.events.size()) localgov::detail::tracker_access::prefetch(*track, static_cast<proposal_id>(h.events[k + 16].proposal));
      const auto p = static_cast<proposal_id>(e.proposal);
      if (e.to == L::initial)
        track->record_receipt(p, e.on);
      else
        track->change(p, e.on, e.to);
    }
    t.events_ms = watch.ms();
    watch.restart();
    const auto report = reports::make_status_report(*track, as_of, group_by::province);
    t.board_ms = watch.ms();
    t.total_ms = total.ms();
    t.overdue = report.overdue;
    *shared = t;
    return std::make_pair(std::move(list), std::move(track));
  }, [&] {
    if (memory_state == warmed) warm_ms = bench::warm_memory(warm_bytes_per_proposal * n);
  });
  const auto t = *shared;
  munmap(shared, sizeof(pipeline_times));
  if (!memory || t.total_ms < 0) throw std::runtime_error("the measuring child failed at " + std::to_string(n) + " proposals");
  r.times[memory_state].push_back(t);
  if (memory_state == warmed) r.memory_growth_kb.push_back(static_cast<double>(memory->peak_growth_kb()));
}

// The runs' totals, "a, b, c" in ms: the spread behind the median.
std::string run_list(const std::vector<pipeline_times>& runs) {
  std::string out;
  for (const auto& t : runs) out += (out.empty() ? "" : ", ") + std::to_string(static_cast<long>(t.total_ms + 0.5));
  return out;
}

double median_of(const std::vector<pipeline_times>& runs, double pipeline_times::*field) {
  std::vector<double> v;
  for (const auto& t : runs) v.push_back(t.*field);
  return bench::median(v);
}

double free_disk_bytes(const std::string& path) {
  struct statvfs s {};
  if (statvfs(path.c_str(), &s) != 0) return -1;
  return static_cast<double>(s.f_bavail) * static_cast<double>(s.f_frsize);
}

}  // namespace

int main(int argc, char** argv) try {
  bench::process_runner runner;  // first, while this process is small
  std::string data;
  long small = 1'000'000, factor = 10;
  int runs = 3;
  bool no_cli = false, keep = false;
  bench::options command_line("bench_scale",
                              "Routes, tracks and reports N and F x N generated proposals with about 2 events each,\n"
                              "in memory (fresh child per run) and with `localgov report` on CSV files in $TMPDIR,\n"
                              "R times in pairs; prints the median time and memory at both sizes and the ratios\n"
                              "(targets: time ratio at most 1.2 x F; CLI peak memory under 1.5 GB).\n");
  command_line.add("--data", "DIR", data, "the data directory: DIR/vn-2025/units.csv").required();
  command_line.add("--small", "N", small, "proposals at the smaller size", 1);
  command_line.add("--factor", "F", factor, "the larger size over the smaller", 2);
  command_line.add("--runs", "R", runs, "runs of each size, in pairs (small, large), median reported", 1);
  command_line.flag("--no-cli", no_cli, "measure in memory only, without `localgov report`");
  command_line.flag("--keep", keep, "leave the generated CSV files in place, and print where");
  if (const auto status = command_line.parse(argc, argv)) return *status;
  bool with_cli = !no_cli;
  const std::string units_csv = data + "/vn-2025/units.csv";
  const std::string cli = bench::program_beside_this("localgov");
  if (with_cli && access(cli.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "bench_scale: %s not found; measuring in memory only\n", cli.c_str());
    with_cli = false;
  }
  if (with_cli) {
    const char* tmp = std::getenv("TMPDIR");
    const std::string tmpdir = tmp && *tmp ? tmp : "/tmp";
    const double room = free_disk_bytes(tmpdir);
    const auto wanted = [&](long f) { return static_cast<double>(small) * static_cast<double>(f + 1) * bytes_per_proposal_on_disk * 1.2; };
    const long asked = factor;
    while (factor > 2 && room >= 0 && wanted(factor) > room) --factor;
    if (room >= 0 && wanted(factor) > room) {
      std::printf("NOTE: %s has %.1f GB free, too little for the CSV files; the CLI is not run\n", tmpdir.c_str(), room / 1e9);
      with_cli = false;
      factor = asked;
    } else if (factor != asked) {
      std::printf("NOTE: %s has %.1f GB free, too little for %ld x %ld proposals as CSV (%.1f GB): factor lowered to %ld\n",
                  tmpdir.c_str(), room / 1e9, asked, small, wanted(asked) / 1e9, factor);
    }
  }

  const auto org = presets::load_vietnam_2025(units_csv);
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  std::printf("scale: %ld and %ld proposals over %zu units (%zu bodies), about 2 events each; a fresh child process per run\n\n",
              small, small * factor, org.unit_count(), org.body_count());

  // Both histories first, then the runs in pairs (small, large), so that drift of this
  // noisy machine affects both sizes alike; each figure is the median of its runs.
  std::array<size_result, 2> sizes;
  sizes[0].proposals = static_cast<std::size_t>(small);
  sizes[1].proposals = static_cast<std::size_t>(small * factor);
  for (auto& r : sizes) r.h = generate(org, r.proposals);
  for (int run = 0; run < runs; ++run)
    for (const auto state : {warmed, as_found})
      for (auto& r : sizes) measure_in_memory(table, r, state);
  if (with_cli) {
    for (auto& r : sizes) {
      r.cli_dir.emplace("localgov-scale");
      if (keep) r.cli_dir->keep();
      write_inputs(*r.cli_dir / "proposals.csv", *r.cli_dir / "events.csv", org, r.h);
    }
    for (int run = 0; run < runs; ++run)
      for (auto& r : sizes) {
        const auto& dir = *r.cli_dir;
        r.cli.push_back(runner.run({cli, "report", "--units", units_csv, "--proposals", dir / "proposals.csv", "--events",
                                    dir / "events.csv", "--as-of", "2026-12-31", "--format", "csv", "--output",
                                    dir / "report.csv"}));
        if (r.cli.back().exit_code != 0)
          throw std::runtime_error("localgov report failed (" + std::to_string(r.cli.back().exit_code) + ") at " +
                                   std::to_string(r.proposals) + " proposals:\n" + r.cli.back().err);
      }
  }

  const double f = static_cast<double>(factor);
  const auto& a = sizes[0];
  const auto& b = sizes[1];
  for (const auto state : {warmed, as_found}) {
    std::printf(state == warmed ? "in memory, medians of %d runs, each child's memory warmed first (bench::warm_memory):\n"
                                : "\nin memory, medians of %d runs, memory as found (on a VM that takes back freed memory,\n"
                                  "first touches can cost the host's faults too):\n",
                runs);
    for (const auto& r : sizes) {
      const auto& times = r.times[state];
      std::printf("%10zu proposals, %10zu events: fill %6.0f ms, route+track %6.0f ms, events %6.0f ms, report %5.0f ms; "
                  "total %6.0f ms (runs %s)",
                  r.proposals, r.h.events.size(), median_of(times, &pipeline_times::fill_ms),
                  median_of(times, &pipeline_times::route_track_ms), median_of(times, &pipeline_times::events_ms),
                  median_of(times, &pipeline_times::board_ms), median_of(times, &pipeline_times::total_ms),
                  run_list(times).c_str());
      // How cold fresh memory was: the warm-up's first touches, per 100 MB.
      if (state == warmed)
        std::printf("; warming took %.0f ms per 100 MB",
                    median_of(times, &pipeline_times::warm_ms) * 1e8 / static_cast<double>(warm_bytes_per_proposal * r.proposals));
      std::printf("\n");
    }
    const auto stage_ratio = [&](double pipeline_times::*field) {
      return median_of(b.times[state], field) / median_of(a.times[state], field);
    };
    const double time_ratio = stage_ratio(&pipeline_times::total_ms);
    std::printf("%ldx the data: %.2fx the time (target: at most %.1fx) %s; by stage: fill %.2fx, route+track %.2fx, "
                "events %.2fx, report %.2fx\n",
                factor, time_ratio, 1.2 * f, time_ratio <= 1.2 * f ? "ok" : "ABOVE TARGET",
                stage_ratio(&pipeline_times::fill_ms), stage_ratio(&pipeline_times::route_track_ms),
                stage_ratio(&pipeline_times::events_ms), stage_ratio(&pipeline_times::board_ms));
  }
  const double ga = bench::median(a.memory_growth_kb), gb = bench::median(b.memory_growth_kb);
  std::printf("\nmemory: +%.0f MiB at %zu proposals (%.0f bytes each), +%.0f MiB at %zu (%.0f bytes each): %.2fx\n",
              ga / 1024, a.proposals, ga * 1024 / static_cast<double>(a.proposals), gb / 1024, b.proposals,
              gb * 1024 / static_cast<double>(b.proposals), gb / ga);
  if (with_cli) {
    std::vector<double> wa, wb;
    long peak_kb = 0;
    for (const auto& c : a.cli) wa.push_back(c.wall_ms);
    for (const auto& c : b.cli) wb.push_back(c.wall_ms), peak_kb = std::max(peak_kb, c.max_rss_kb);
    const double cli_ratio = bench::median(wb) / bench::median(wa);
    const double peak_gb = static_cast<double>(peak_kb) * 1024 / 1e9;
    std::printf("localgov report (medians of %d runs): %.0f ms at %zu proposals, %.0f ms at %zu\n", runs,
                bench::median(wa), a.proposals, bench::median(wb), b.proposals);
    std::printf("localgov report, %ldx the data: %.2fx the time (target: at most %.1fx) %s; peak RSS %.2f GB at %zu proposals "
                "(target: under 1.5 GB) %s\n",
                factor, cli_ratio, 1.2 * f, cli_ratio <= 1.2 * f ? "ok" : "ABOVE TARGET", peak_gb, b.proposals,
                peak_gb < 1.5 ? "ok" : "ABOVE TARGET");
    if (keep)
      for (const auto& r : sizes) std::printf("(files kept in %s)\n", r.cli_dir->path().c_str());
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_scale: %s\n", e.what());
  return 1;
}
