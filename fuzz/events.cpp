// Fuzzes the events loader on fresh trackers of the scenario's proposals (with
// permission checks), read in one pass and in chunks of 1 to 64 bytes (chosen by the
// input's size) by several threads: both must give the same error and the same trail;
// then reports on what was accepted.
#include "fuzz_org.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/tracking/tracker.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  localgov::tracker track(fuzz::small_table(), fuzz::scenario_proposals());
  localgov::tracker parallel(fuzz::small_table(), fuzz::scenario_proposals());
  track.check_permissions(size % 2 == 0);
  parallel.check_permissions(size % 2 == 0);
  const auto error = fuzz::localgov_error_of([&] { localgov::io::read_events(track, text, "events.csv"); });
  if (error != fuzz::localgov_error_of([&] {
        localgov::io::read_events(parallel, text, "events.csv", {.parallel = true, .chunk_bytes = 1 + size % 64});
      }))
    __builtin_trap();
  if (parallel.events().size() != track.events().size() || !(parallel.live_board() == track.live_board())) __builtin_trap();
  // Whatever was applied before an error must leave the tracker consistent.
  const auto report = localgov::reports::make_status_report(track, localgov::date(2026, 12, 31), localgov::group_by::agency);
  if (report.total != track.size()) __builtin_trap();
  return 0;
}
