// Loads status changes (proposal_id,date,status[,actor][,note]) into a tracker, in file order.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/tracking/tracker.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// Applies every event of the file to the tracker in file order. A proposal's events
// may not predate its submission or its previous event; the initial status may appear
// only as a proposal's first event; transitions must be allowed; and when the tracker
// checks permissions, a named actor must be allowed to make the change. Each failure
// throws input_error at its line and column, with the tracker's reason. O(rows).
template <class Tracker>
void read_events(Tracker& tracker, input_text text, std::string file) {
  using L = typename Tracker::lifecycle;
  csv_reader csv(text, file);
  const auto id_col = csv.require_column("proposal_id");
  const auto date_col = csv.require_column("date");
  const auto status_col = csv.require_column("status");
  const auto actor_col = csv.find_column("actor");
  const auto note_col = csv.find_column("note");
  const auto& proposals = tracker.proposals();
  tracker.reserve_events(count_newlines(text));
  std::string statuses;
  for (status_index s = 0; s < L::status_count; ++s) {
    if (!statuses.empty()) statuses += ", ";
    statuses += L::name(s);
  }
  // Software pipelining, for files far bigger than the caches: each record's lookup is a
  // chain of memory waits (the index slot, the proposal's id, its state), so they are
  // started in steps, records ahead of the one applied: `far` ahead, a reader running
  // ahead hashes the record's id and starts loading its slot; `mid` ahead, the slot
  // names the proposal that probably has that id, whose id offsets and state start
  // loading; `near` ahead, the id's bytes. Hints only: every record is looked up and
  // checked in full when its turn comes, in file order.
  constexpr std::size_t far = 32, mid = 16, near = 6;
  struct hint {
    std::uint64_t hash = 0;
    std::optional<proposal_id> probable;
    bool seen = false;
  };
  std::array<hint, far> hints{};  // hints[k % far] for record k
  auto ahead = csv.lookahead(0);
  std::size_t record = 0;  // of the next csv.next()
  auto look_ahead = [&](std::size_t k) {  // ahead is on record k
    hints[k % far] = {proposals.hash_id(ahead.field(id_col)), std::nullopt, true};
    proposals.prefetch_slot(hints[k % far].hash);
  };
  for (std::size_t k = 0; k < far && ahead.advance(); ++k) look_ahead(k);
  while (csv.next()) {
    if (ahead.advance()) look_ahead(record + far);
    else hints[record % far].seen = false;
    if (auto& h = hints[(record + mid) % far]; h.seen && (h.probable = proposals.probe(h.hash))) {
      proposals.prefetch_id_offsets(*h.probable);
      if (static_cast<std::size_t>(*h.probable) < tracker.size()) tracker.prefetch(*h.probable);
    }
    if (const auto& h = hints[(record + near) % far]; h.seen && h.probable) proposals.prefetch_id(*h.probable);
    ++record;
    const auto id = csv.field(id_col);
    const auto p = proposals.find(id);
    if (!p) csv.fail(id_col, "events.unknown_proposal", "unknown proposal id '" + excerpt(id) + "' (expected an id from the proposals file)");
    const auto on = parse_date_field(csv, date_col, "date");
    const auto status = parse_status<L>(csv.field(status_col));
    if (!status)
      csv.fail(status_col, "events.unknown_status", "unknown status '" + excerpt(csv.field(status_col)) + "' (expected one of: " + statuses + ")");
    const auto actor = actor_col ? csv.field(*actor_col) : std::string_view();
    const auto note = note_col ? csv.field(*note_col) : std::string_view();
    try {
      if (*status == L::initial)
        tracker.record_receipt(*p, on, actor, note);
      else
        tracker.change(*p, on, *status, actor, note);
    } catch (const transition_error& e) {
      csv.fail(status_col, e.id(), e.what());
    } catch (const permission_error& e) {
      csv.fail(*actor_col, e.id(), e.what());
    } catch (const error& e) {
      csv.fail(date_col, e.id(), e.what());
    }
  }
}

#if !LOCALGOV_HEADER_ONLY
// Instantiated once, for the default tracker, in <localgov/src.hpp>.
extern template void read_events<tracker>(tracker&, input_text, std::string);
#endif

}  // namespace io
LOCALGOV_NAMESPACE_END
