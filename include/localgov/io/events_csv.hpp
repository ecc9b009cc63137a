// Loads status changes and extensions (proposal_id,date,status[,actor][,note][,extension_days])
// into a tracker, in file order.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/csv_chunks.hpp>
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

}  // namespace io
namespace detail {

// A record of an events file, parsed, its proposal looked up, waiting to be applied. 36
// bytes: the rows are written by the core that parses them and read by the one that
// applies them, so their size is memory traffic.
struct parsed_event {
  std::uint32_t offset;  // of the record from its chunk's begin, with its line: to read it again (io::csv_reader::reread)
  std::uint32_t line;
  proposal_id proposal;  // no_id: an unknown id
  date on;
  detail::kept_fields::ref actor, note;
  status_index status;
  std::int16_t extension_days;  // an extension (extension_days column) of so many days; 0: a change
};
static_assert(sizeof(parsed_event) <= 36);
// A cache line or more to itself: a loader's blocks are filled by different threads at
// once, each fill writing its vector's end and reading its fields' base every record;
// blocks sharing a line made both loaders a quarter slower (measured in process).
struct alignas(64) event_block {
  detail::big_vector<parsed_event> rows;  // see detail::reserve_block
  detail::kept_fields fields;
  // The last row's date or status did not parse: it is checked only as far as its id
  // (checked first, as for every row), then the fill's error is thrown (detail::run_chunks).
  bool last_row_failed = false;
};

// Looks up the proposals of rows as they are parsed, in a software pipeline: the proposal
// list is far bigger than the caches, and each lookup is a chain of memory waits (the
// index slot, then the id cell of the proposal it names), so they are started in steps,
// rows ahead of the one looked up: the slot when a row is parsed, the id cell of the
// proposal that probably has the id `mid` rows later, and the lookup `far` rows after
// the parse. Hints only: every row is looked up in full. Reads the list only, so fills
// may do it at the same time.
// When the list is numbered (proposal_list::numbered), a lookup has nothing to wait for
// and is done at once.
class event_lookups {
 public:
  explicit event_lookups(const proposal_list& proposals) : proposals_(proposals), numbered_(detail::proposal_list_access::numbered(proposals)) {}

  // Row `row` of `block`, parsed, has the id kept as `id`: starts its lookup, and ends
  // the one `far` rows before.
  void add(event_block& block, std::size_t row, detail::kept_fields::ref id, std::string_view text) {
    const auto key = block.fields.view(id, text);
    if (numbered_) {
      block.rows[row].proposal = detail::proposal_list_access::find_numbered(proposals_, key).value_or(no_id<proposal_id>);
      return;
    }
    auto& p = pending_[added_ % far];
    if (added_ >= far) finish(block, p, text);
    p = {detail::proposal_list_access::hash_id(key), id, row};
    detail::proposal_list_access::prefetch_slot(proposals_, p.hash);
    if (added_ >= mid - 1)
      if (const auto probable = detail::proposal_list_access::probe(proposals_, pending_[(added_ + 1 - mid) % far].hash))
        detail::proposal_list_access::prefetch_id(proposals_, *probable);
    ++added_;
  }
  // Ends every lookup started: the block's rows all have their proposal.
  void finish_all(event_block& block, std::string_view text) {
    for (std::size_t k = added_ > far ? added_ - far : 0; k < added_; ++k) finish(block, pending_[k % far], text);
    added_ = 0;
  }

 private:
  static constexpr std::size_t far = 24, mid = 12;
  struct lookup {
    std::uint64_t hash;
    detail::kept_fields::ref id;
    std::size_t row;
  };
  void finish(event_block& block, const lookup& l, std::string_view text) const {
    block.rows[l.row].proposal = detail::proposal_list_access::find(proposals_, block.fields.view(l.id, text), l.hash).value_or(no_id<proposal_id>);
  }

  const proposal_list& proposals_;
  const bool numbered_;
  std::array<lookup, far> pending_{};
  std::size_t added_ = 0;
};

}  // namespace detail
namespace io {

// Applies every event of the file to the tracker in file order. A proposal's events
// may not predate its submission or its previous event; the initial status may appear
// only as a proposal's first event; transitions must be allowed; and when the tracker
// checks permissions, a named actor must be allowed to make the change. Each failure
// throws input_error at its line and column, with the tracker's reason; the events
// before it are applied. A row with `extension_days` (1 to 9999) is an extension of the
// proposal's period (basic_tracker::extend), its status the one the proposal has. With options.parallel the file is parsed in a second thread
// (same results, same errors). O(rows).
template <class Tracker>
void read_events(Tracker& tracker, input_text text, std::string file, read_options options = {}) {
  using L = typename Tracker::lifecycle;
  using detail::event_block, detail::parsed_event;
  const csv_reader csv(text, file);  // the header; each chunk is read with a copy (csv.at)
  const auto id_col = csv.require_column("proposal_id");
  const auto date_col = csv.require_column("date");
  const auto status_col = csv.require_column("status");
  const auto actor_col = csv.find_column("actor");
  const auto note_col = csv.find_column("note");
  const auto extension_col = csv.find_column("extension_days");
  const auto& proposals = tracker.proposals();
  const auto changes_before = tracker.changes();
  std::size_t first_offset = 0;  // of the first record
  std::string statuses;
  for (status_index s = 0; s < L::status_count; ++s) {
    if (!statuses.empty()) statuses += ", ";
    statuses += L::name(s);
  }
  const std::string_view all = text.view();

  const auto plan = detail::chunk_plan_for(csv, options);
  std::vector<event_block> blocks(detail::chunk_slots(plan.threads));
  // Filling: a chunk's records to rows, their proposals looked up. Any number at once,
  // each with a reader of its own.
  auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
    auto& block = blocks[slot];
    block.rows.clear(), block.fields.clear(chunk.begin), block.last_row_failed = false;
    detail::reserve_block(block.rows, plan.chunk_bytes);
    detail::chunk_records chunk_csv(csv, chunk);
    const auto& records = chunk_csv.reader();
    date_field_reader dates;
    detail::event_lookups lookups(proposals);
    try {
      while (chunk_csv.next()) {
        parsed_event row{};
        const auto id = block.fields.keep(records, id_col);
        row.offset = chunk_csv.offset_in_chunk(), row.line = records.line();
        try {
          row.on = dates(records, date_col, "date");
          const auto status = parse_status<L>(records.field(status_col));
          if (!status)
            records.fail(status_col, "events.unknown_status",
                         "unknown status '" + excerpt(records.field(status_col)) + "' (expected one of: " + statuses + ")");
          row.status = *status;
          if (actor_col) require_at_most(records, *actor_col, "actor", limits::code);
          if (note_col) require_at_most(records, *note_col, "note", limits::note);
          if (extension_col && !records.field(*extension_col).empty()) {
            const auto days = records.field(*extension_col);
            std::int16_t n = 0;
            bool ok = days.size() <= 4;
            for (std::size_t k = 0; ok && k < days.size(); ++k) {  // at most 4 digits: no overflow
              ok = days[k] >= '0' && days[k] <= '9';
              n = static_cast<std::int16_t>(n * 10 + (days[k] - '0'));
            }
            if (!ok || n == 0)
              records.fail(*extension_col, "events.bad_extension",
                           "bad extension '" + excerpt(days) + "' (expected the days it adds, 1 to 9999, or nothing for a change)");
            row.extension_days = n;
          }
        } catch (...) {
          block.last_row_failed = true;
          block.rows.push_back(row);
          lookups.add(block, block.rows.size() - 1, id, all);
          throw;
        }
        if (actor_col) row.actor = block.fields.keep(records, *actor_col);
        if (note_col) row.note = block.fields.keep(records, *note_col);
        block.rows.push_back(row);
        lookups.add(block, block.rows.size() - 1, id, all);
      }
    } catch (...) {
      lookups.finish_all(block, all);  // the rows before the failure are used
      throw;
    }
    lookups.finish_all(block, all);
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
        if (const auto p = rows[k + ahead].proposal; static_cast<std::size_t>(p) < tracker.size()) detail::tracker_access::prefetch(tracker, p);
      const auto& row = rows[k];
      const auto line = row.line + chunk.line_shift;
      const auto offset = chunk.begin + row.offset;
      // A sample read, room for the whole file's events (see read_proposals).
      constexpr std::size_t sample = 1024;
      if (const auto read = tracker.changes() - changes_before; read == 0) first_offset = offset;
      else if (read == sample - 1) tracker.reserve_events(detail::estimated_records(all.size(), sample, first_offset, offset, csv.header().size()));
      const auto p = row.proposal;
      if (p == no_id<proposal_id>) {
        const auto again = csv.reread(offset, line);
        again.fail(id_col, "events.unknown_proposal",
                   "unknown proposal id '" + excerpt(again.field(id_col)) + "' (expected an id from the proposals file)");
      }
      if (k + 1 == n && block.last_row_failed) return;  // run_chunks throws the fill's error
      const auto actor = actor_col ? block.fields.view(row.actor, all) : std::string_view();
      const auto note = note_col ? block.fields.view(row.note, all) : std::string_view();
      if (row.extension_days > 0) {
        try {
          if (static_cast<std::size_t>(p) >= tracker.size()) tracker.sync();  // as change() does
          if (const auto now = tracker.status(p); now != row.status)
            csv.reread(offset, line).fail(status_col, "events.extension_status",
                                          "an extension keeps the proposal's status: expected " + std::string(L::name(now)));
          tracker.extend(p, row.on, row.extension_days, actor, note);
        } catch (const input_error&) {
          throw;
        } catch (const permission_error& e) {
          csv.reread(offset, line).fail(actor_col.value_or(id_col), e.id(), e.what());
        } catch (const error& e) {
          csv.reread(offset, line).fail(std::string_view(e.id()) == "tracking.date_order" ? date_col : *extension_col, e.id(), e.what());
        }
        continue;
      }
      try {
        if (row.status == L::initial)
          tracker.record_receipt(p, row.on, actor, note);
        else
          tracker.change(p, row.on, row.status, actor, note);
      } catch (const transition_error& e) {
        if (std::string_view(e.id()) == "tracking.no_reason") csv.reread(offset, line).fail(note_col.value_or(status_col), e.id(), e.what());
        csv.reread(offset, line).fail(status_col, e.id(), e.what());
      } catch (const permission_error& e) {
        csv.reread(offset, line).fail(actor_col.value_or(id_col), e.id(), e.what());  // no actor column: the row
      } catch (const error& e) {
        csv.reread(offset, line).fail(date_col, e.id(), e.what());
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
