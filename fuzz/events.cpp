// Fuzzes the events loader on a fresh tracker of the scenario's proposals (with
// permission checks), then reports on what it accepted.
#include "fuzz_org.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/tracking/tracker.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  localgov::tracker track(fuzz::small_table(), fuzz::scenario_proposals());
  track.check_permissions(size % 2 == 0);
  fuzz::expect_only_localgov_errors([&] { localgov::io::read_events(track, text, "events.csv"); });
  // Whatever was applied before an error must leave the tracker consistent.
  const auto report = localgov::reports::make_status_report(track, localgov::date(2026, 12, 31), localgov::group_by::agency);
  if (report.total != track.size()) __builtin_trap();
  return 0;
}
