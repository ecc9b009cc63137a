// Loads status changes (proposal_id,date,status[,actor][,note]) into a tracker, in file order.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/pipeline.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/tracking/tracker.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

namespace detail_events {

// A record of an events file, parsed and waiting to be applied.
struct parsed_event {
  std::uint64_t id_hash;
  kept_fields::ref id, actor, note;
  std::size_t offset;  // of the record, with its line: to point at it again (csv_reader::reread)
  std::uint32_t line;
  date on;
  status_index status;
};
struct event_block {
  std::vector<parsed_event> rows;
  kept_fields fields;
  // The last row's date or status did not parse: it is applied only as far as its id
  // (checked first, as for every row), then this is thrown.
  std::exception_ptr failure;
};

}  // namespace detail_events

// Applies every event of the file to the tracker in file order. A proposal's events
// may not predate its submission or its previous event; the initial status may appear
// only as a proposal's first event; transitions must be allowed; and when the tracker
// checks permissions, a named actor must be allowed to make the change. Each failure
// throws input_error at its line and column, with the tracker's reason; the events
// before it are applied. With options.parallel the file is parsed in a second thread
// (same results, same errors). O(rows).
template <class Tracker>
void read_events(Tracker& tracker, input_text text, std::string file, read_options options = {}) {
  using L = typename Tracker::lifecycle;
  using detail_events::event_block, detail_events::parsed_event;
  csv_reader csv(text, file);
  const auto id_col = csv.require_column("proposal_id");
  const auto date_col = csv.require_column("date");
  const auto status_col = csv.require_column("status");
  const auto actor_col = csv.find_column("actor");
  const auto note_col = csv.find_column("note");
  const csv_reader records = csv;  // the applying side's own reader, to point at a record again
  const auto& proposals = tracker.proposals();
  const auto events_before = tracker.events().size();
  std::size_t first_offset = 0;  // of the first record
  std::string statuses;
  for (status_index s = 0; s < L::status_count; ++s) {
    if (!statuses.empty()) statuses += ", ";
    statuses += L::name(s);
  }

  std::array<event_block, detail::pipeline_slots> blocks;
  // Parsing side: records to rows, each id hashed for the lookup.
  auto fill = [&](std::size_t slot) {
    auto& block = blocks[slot];
    block.rows.clear(), block.fields.clear(), block.failure = nullptr;
    block.rows.reserve(records_per_block);
    while (block.rows.size() < records_per_block) {
      if (!csv.next()) return false;
      parsed_event row{};
      row.id = block.fields.keep(csv, id_col);
      row.id_hash = proposal_list::hash_id(csv.field(id_col));
      row.offset = csv.record_offset(), row.line = csv.line();
      try {
        row.on = parse_date_field(csv, date_col, "date");
        const auto status = parse_status<L>(csv.field(status_col));
        if (!status)
          csv.fail(status_col, "events.unknown_status",
                   "unknown status '" + excerpt(csv.field(status_col)) + "' (expected one of: " + statuses + ")");
        row.status = *status;
      } catch (...) {
        block.failure = std::current_exception();
        block.rows.push_back(row);
        return false;
      }
      if (actor_col) row.actor = block.fields.keep(csv, *actor_col);
      if (note_col) row.note = block.fields.keep(csv, *note_col);
      block.rows.push_back(row);
    }
    return true;
  };
  // Applying side. Software pipelining, for files far bigger than the caches: each
  // lookup is a chain of memory waits (the index slot, the proposal's id, its state), so
  // they are started in steps, rows ahead of the one applied: `far` ahead, the slot of
  // the row's id; `mid` ahead, the proposal that probably has that id (its id offsets and
  // state); `near` ahead, the id's bytes. Hints only: every row is looked up and checked
  // in full when its turn comes.
  constexpr std::size_t far = 32, mid = 16, near = 6;
  std::array<std::optional<proposal_id>, far> probable{};  // probable[k % far] for row k
  const std::string_view all = text.view();
  auto use = [&](std::size_t slot) {
    const auto& block = blocks[slot];
    const auto& rows = block.rows;
    const std::size_t n = rows.size();
    for (std::size_t k = 0; k < std::min(far, n); ++k) proposals.prefetch_slot(rows[k].id_hash);
    for (std::size_t k = 0; k < n; ++k) {
      if (k + far < n) proposals.prefetch_slot(rows[k + far].id_hash);
      if (k + mid < n) {
        auto& p = probable[(k + mid) % far] = proposals.probe(rows[k + mid].id_hash);
        if (p) {
          proposals.prefetch_id_offsets(*p);
          if (static_cast<std::size_t>(*p) < tracker.size()) tracker.prefetch(*p);
        }
      }
      if (k + near < n && k + near >= mid)
        if (const auto& p = probable[(k + near) % far]) proposals.prefetch_id(*p);
      const auto& row = rows[k];
      // A sample read, room for the whole file's events (see read_proposals).
      constexpr std::size_t sample = 1024;
      if (const auto read = tracker.events().size() - events_before; read == 0) first_offset = row.offset;
      else if (read == sample - 1) tracker.reserve_events(estimated_records(all.size(), sample, first_offset, row.offset, records.header().size()));
      const auto id = block.fields.view(row.id, all);
      const auto p = proposals.find(id, row.id_hash);
      if (!p)
        records.reread(row.offset, row.line)
            .fail(id_col, "events.unknown_proposal", "unknown proposal id '" + excerpt(id) + "' (expected an id from the proposals file)");
      if (k + 1 == n && block.failure) std::rethrow_exception(block.failure);
      const auto actor = actor_col ? block.fields.view(row.actor, all) : std::string_view();
      const auto note = note_col ? block.fields.view(row.note, all) : std::string_view();
      try {
        if (row.status == L::initial)
          tracker.record_receipt(*p, row.on, actor, note);
        else
          tracker.change(*p, row.on, row.status, actor, note);
      } catch (const transition_error& e) {
        records.reread(row.offset, row.line).fail(status_col, e.id(), e.what());
      } catch (const permission_error& e) {
        records.reread(row.offset, row.line).fail(*actor_col, e.id(), e.what());
      } catch (const error& e) {
        records.reread(row.offset, row.line).fail(date_col, e.id(), e.what());
      }
    }
  };
  detail::run_pipeline(options.parallel, fill, use);
}

#if !LOCALGOV_HEADER_ONLY
// Instantiated once, for the default tracker, in <localgov/src.hpp>.
extern template void read_events<tracker>(tracker&, input_text, std::string, read_options);
#endif

}  // namespace io
LOCALGOV_NAMESPACE_END
