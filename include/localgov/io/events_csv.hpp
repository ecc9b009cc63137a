// Loads status changes (proposal_id,date,status[,actor][,note]) into a tracker, in file order.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/huge_pages.hpp>
#include <localgov/detail/pipeline.hpp>
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
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

namespace detail_events {

// A record of an events file, parsed, its proposal looked up, waiting to be applied.
struct parsed_event {
  std::uint64_t id_hash;
  kept_fields::ref id, actor, note;
  std::size_t offset;  // of the record, with its line: to point at it again (csv_reader::reread)
  std::uint32_t line;
  date on;
  proposal_id proposal;  // no_id: an unknown id
  status_index status;
};
struct event_block {
  detail::big_vector<parsed_event> rows;  // see detail::reserve_huge_page
  kept_fields fields;
  // The last row's date or status did not parse: it is checked only as far as its id
  // (checked first, as for every row), then the fill's error is thrown (detail::run_chunks).
  bool last_row_failed = false;
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
  const csv_reader csv(text, file);  // the header; each chunk is read with a copy (csv.at)
  const auto id_col = csv.require_column("proposal_id");
  const auto date_col = csv.require_column("date");
  const auto status_col = csv.require_column("status");
  const auto actor_col = csv.find_column("actor");
  const auto note_col = csv.find_column("note");
  const auto& proposals = tracker.proposals();
  const auto changes_before = tracker.changes();
  std::size_t first_offset = 0;  // of the first record
  std::string statuses;
  for (status_index s = 0; s < L::status_count; ++s) {
    if (!statuses.empty()) statuses += ", ";
    statuses += L::name(s);
  }
  const std::string_view all = text.view();

  // Looks up the proposals of a block's rows, in a software pipeline: the proposal list is
  // far bigger than the caches, and each lookup is a chain of memory waits (the index
  // slot, the proposal's id offsets, the id's bytes), so they are started in steps, rows
  // ahead of the one looked up: `far` ahead the slot, `mid` ahead the offsets of the
  // proposal that probably has the id, `near` ahead the id's bytes. Hints only: every
  // row is looked up in full. Reads the list only, so fills may do it at the same time.
  auto look_up = [&](event_block& block) {
    constexpr std::size_t far = 24, mid = 12, near = 4;
    std::array<std::optional<proposal_id>, far> probable{};  // probable[k % far] for row k
    auto& rows = block.rows;
    const std::size_t n = rows.size();
    for (std::size_t k = 0; k < std::min(far, n); ++k) proposals.prefetch_slot(rows[k].id_hash);
    for (std::size_t k = 0; k < n; ++k) {
      if (k + far < n) proposals.prefetch_slot(rows[k + far].id_hash);
      if (k + mid < n)
        if (const auto& p = probable[(k + mid) % far] = proposals.probe(rows[k + mid].id_hash)) proposals.prefetch_id_offsets(*p);
      if (k + near < n && k + near >= mid)
        if (const auto& p = probable[(k + near) % far]) proposals.prefetch_id(*p);
      rows[k].proposal = proposals.find(block.fields.view(rows[k].id, all), rows[k].id_hash).value_or(no_id<proposal_id>);
    }
  };

  const auto plan = chunk_plan_for(csv, options);
  std::vector<event_block> blocks(detail::chunk_slots(plan.threads));
  // Filling: a chunk's records to rows, their proposals looked up. Any number at once,
  // each with a reader of its own.
  auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
    auto& block = blocks[slot];
    block.rows.clear(), block.fields.clear(), block.last_row_failed = false;
    detail::reserve_huge_page(block.rows);
    chunk_records chunk_csv(csv, chunk);
    const auto& records = chunk_csv.reader();
    date_field_reader dates;
    try {
      while (chunk_csv.next()) {
        parsed_event row{};
        row.id = block.fields.keep(records, id_col);
        row.id_hash = proposal_list::hash_id(records.field(id_col));
        row.offset = records.record_offset(), row.line = records.line();
        try {
          row.on = dates(records, date_col, "date");
          const auto status = parse_status<L>(records.field(status_col));
          if (!status)
            records.fail(status_col, "events.unknown_status",
                         "unknown status '" + excerpt(records.field(status_col)) + "' (expected one of: " + statuses + ")");
          row.status = *status;
        } catch (...) {
          block.last_row_failed = true;
          block.rows.push_back(row);
          throw;
        }
        if (actor_col) row.actor = block.fields.keep(records, *actor_col);
        if (note_col) row.note = block.fields.keep(records, *note_col);
        block.rows.push_back(row);
      }
    } catch (...) {
      look_up(block);  // the rows before the failure are used
      throw;
    }
    look_up(block);
    return chunk_csv.end();
  };
  // Using, in the text's order: each row applied to the tracker, whose state for the
  // proposal `ahead` rows in front starts loading (a hint).
  constexpr std::size_t ahead = 16;
  auto use = [&](std::size_t slot, const detail::filled_chunk& chunk) {
    text.release_behind(chunk.begin);
    const auto& block = blocks[slot];
    const auto& rows = block.rows;
    const std::size_t n = rows.size();
    for (std::size_t k = 0; k < n; ++k) {
      if (k + ahead < n)
        if (const auto p = rows[k + ahead].proposal; static_cast<std::size_t>(p) < tracker.size()) tracker.prefetch(p);
      const auto& row = rows[k];
      const auto line = row.line + chunk.line_shift;
      // A sample read, room for the whole file's events (see read_proposals).
      constexpr std::size_t sample = 1024;
      if (const auto read = tracker.changes() - changes_before; read == 0) first_offset = row.offset;
      else if (read == sample - 1) tracker.reserve_events(estimated_records(all.size(), sample, first_offset, row.offset, csv.header().size()));
      const auto p = row.proposal;
      if (p == no_id<proposal_id>)
        csv.reread(row.offset, line)
            .fail(id_col, "events.unknown_proposal",
                  "unknown proposal id '" + excerpt(block.fields.view(row.id, all)) + "' (expected an id from the proposals file)");
      if (k + 1 == n && block.last_row_failed) return;  // run_chunks throws the fill's error
      const auto actor = actor_col ? block.fields.view(row.actor, all) : std::string_view();
      const auto note = note_col ? block.fields.view(row.note, all) : std::string_view();
      try {
        if (row.status == L::initial)
          tracker.record_receipt(p, row.on, actor, note);
        else
          tracker.change(p, row.on, row.status, actor, note);
      } catch (const transition_error& e) {
        csv.reread(row.offset, line).fail(status_col, e.id(), e.what());
      } catch (const permission_error& e) {
        csv.reread(row.offset, line).fail(*actor_col, e.id(), e.what());
      } catch (const error& e) {
        csv.reread(row.offset, line).fail(date_col, e.id(), e.what());
      }
    }
  };
  detail::run_chunks(all, plan, fill, use);
}

#if !LOCALGOV_HEADER_ONLY
// Instantiated once, for the default tracker, in <localgov/src.hpp>.
extern template void read_events<tracker>(tracker&, input_text, std::string, read_options);
#endif

}  // namespace io
LOCALGOV_NAMESPACE_END
