// bench_hostile --data DIR [--holders N] [--runs R]
//
// Hostile inputs at scale, each beside a peer doing the same job in the same run:
//   - N holders of one post (10,000 by default), every term open-ended, so that each
//     overlaps all those before it: `localgov validate` (the program next to this one in
//     bin/) finds one problem per holder past the first, in O(N log N), and prints the
//     first 100 and a count; beside it, the sqlite3 shell finds the same terms with a
//     window function (each term against the furthest end among the terms before it).
//     Targets: under a second and under 100 MB peak, whatever N's square would be.
// Medians of R runs (3 by default), in pairs so that drift affects both alike; the counts
// of overlapping terms must agree.
#include "bench_util.hpp"
#include "options.hpp"

#include <localgov/date.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

namespace {

// The officials file: `holders` Directors of Sở Tài chính, Phú Thọ, from 1 July 2025 on,
// a day apart modulo a year, none with an end.
std::string crowded_post(long holders) {
  std::string text = "person_id,name,post,org_code,from,to\n";
  for (long i = 0; i < holders; ++i)
    text += "p" + std::to_string(i) + ",Người " + std::to_string(i) + ",director,25/tai-chinh," +
            (localgov::date(2025, 7, 1) + static_cast<std::int32_t>(i % 365)).to_string() + ",\n";
  return text;
}

// The same question in SQL: terms of a post that start on or before the furthest end of
// the terms that started before them.
std::string peer_script(const std::string& officials) {
  return ".mode csv\n"
         "create table terms(person_id text, name text, post text, org_code text, start text, finish text);\n"
         ".import --skip 1 '" + officials + "' terms\n"
         ".timer on\n"
         ".mode list\n"
         "select count(*) from (\n"
         "  select start, max(coalesce(nullif(finish, ''), '9999-12-31')) over (\n"
         "    partition by post, org_code order by start rows between unbounded preceding and 1 preceding) as reach\n"
         "  from terms\n"
         ") where start <= reach;\n";
}

// The problems localgov printed on stderr: "(N in all)" after the first 100, or its lines.
long problems_counted(const std::string& err) {
  if (const auto at = err.rfind(" more problems ("); at != std::string::npos)
    return std::strtol(err.c_str() + at + 16, nullptr, 10);
  return static_cast<long>(std::count(err.begin(), err.end(), '\n'));
}

}  // namespace

int main(int argc, char** argv) try {
  bench::process_runner runner;  // forked while this process is small
  std::string data_dir;
  long holders = 10'000;
  int runs = 3;
  bench::options command_line("bench_hostile", "Hostile inputs at scale beside a peer: many holders of one post.");
  command_line.add("--data", "DIR", data_dir, "the data: DIR/vn-2025/units.csv").required();
  command_line.add("--holders", "N", holders, "holders of one post", 2L, 10'000'000L);
  command_line.add("--runs", "R", runs, "runs of each, medians reported", 1);
  if (const auto status = command_line.parse(argc, argv)) return *status;

  const bench::scratch_dir dir("localgov-hostile");
  const auto officials = dir / "officials.csv";
  bench::write_text(officials, crowded_post(holders));
  bench::write_text(dir / "peer.sql", peer_script(officials));
  const std::string cli = bench::program_beside_this("localgov");
  const std::vector<std::string> ours_args{cli, "validate", "--units", data_dir + "/vn-2025/units.csv", "--officials", officials};
  const auto sqlite = bench::find_program("sqlite3");
  const std::vector<std::string> theirs_args{sqlite.value_or("sqlite3"), "-batch", ":memory:", ".read " + (dir / "peer.sql")};

  std::vector<double> ours_ms, theirs_ms;
  long ours_kb = 0, theirs_kb = 0, ours_count = -1, theirs_count = -1;
  for (int i = 0; i < runs; ++i) {
    const auto ours = runner.run(ours_args);
    if (ours.exit_code != 2) {  // the file has problems: validate exits 2
      std::fprintf(stderr, "bench_hostile: localgov validate exited %d: %s\n", ours.exit_code, ours.err.c_str());
      return 1;
    }
    ours_ms.push_back(ours.wall_ms);
    ours_kb = std::max(ours_kb, ours.max_rss_kb);
    ours_count = problems_counted(ours.err);
    if (!sqlite) continue;
    const auto theirs = runner.run(theirs_args);
    if (theirs.exit_code != 0 || !theirs.err.empty()) {
      std::fprintf(stderr, "bench_hostile: sqlite3 failed (exit %d): %s\n", theirs.exit_code, theirs.err.c_str());
      return 1;
    }
    theirs_ms.push_back(theirs.wall_ms);
    theirs_kb = std::max(theirs_kb, theirs.max_rss_kb);
    theirs_count = std::strtol(theirs.out.c_str(), nullptr, 10);
  }

  std::printf("%ld holders of one post, every term open (%ld overlapping terms), %d runs\n\n", holders, holders - 1, runs);
  std::printf("%-52s %10s %10s %12s\n", "", "median ms", "min ms", "peak RSS");
  const auto ours = bench::summarize(ours_ms);
  std::printf("%-52s %10.0f %10.0f %8.1f MiB\n", "localgov validate (problems found, first 100 printed)", ours.median, ours.min,
              double(ours_kb) / 1024);
  if (!sqlite) {
    std::printf("sqlite3: not found in PATH (Debian package sqlite3); localgov's figures only\n");
    return 0;
  }
  const auto theirs = bench::summarize(theirs_ms);
  std::printf("%-52s %10.0f %10.0f %8.1f MiB\n", "sqlite3: .import + window query", theirs.median, theirs.min,
              double(theirs_kb) / 1024);
  std::printf("\nratio sqlite3 / localgov (median): %.2fx\n", theirs.median / ours.median);
  std::printf("agreement: %s (localgov %ld problems, sqlite3 %ld overlapping terms)\n",
              ours_count == theirs_count && ours_count == holders - 1 ? "yes" : "NO", ours_count, theirs_count);
  std::printf("targets: under 1 s: %s; under 100 MB: %s\n", ours.median < 1000 ? "met" : "NOT met",
              ours_kb < 100 * 1024 ? "met" : "NOT met");
  return ours_count == theirs_count ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_hostile: %s\n", e.what());
  return 1;
}
