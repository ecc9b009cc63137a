// Proposals and petitions as a flat table (structure of arrays): a million of them fit
// in a few dozen bytes each, ids in 16-byte cells (longer ones in an arena), titles in
// an arena.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/detail/huge_pages.hpp>
#include <localgov/detail/string_index.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/routing/proposal.hpp>
#include <localgov/routing/rules.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {
// The line of each row of a table read from a file, as runs: rows on consecutive lines
// (one record a line, as most files are) make one run, and so do rows added in code
// (line 0). A million proposals' lines take a few bytes instead of 4 MB; a file whose
// every record spans several lines takes 12 bytes a row. Rows are added in order.
class line_runs {
 public:
  void add(std::uint32_t line) {
    const auto row = static_cast<std::uint32_t>(rows_++);
    if (!runs_.empty()) {
      const auto& last = runs_.back();
      if (line == last.line + (last.step ? row - last.row : 0)) return;  // the run goes on
      if (row == last.row + 1 && last.step == 0 && line == last.line + 1) {  // a run of one becomes a run of steps
        runs_.back().step = 1;
        return;
      }
    }
    runs_.push_back({row, line, 0});
  }
  // The line of row `i` (< the rows added). O(log runs).
  [[nodiscard]] std::uint32_t operator[](std::size_t i) const noexcept {
    const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t r, const run_start& s) { return r < s.row; }) - 1;
    return run->line + (run->step ? static_cast<std::uint32_t>(i - run->row) : 0);
  }
  [[nodiscard]] std::size_t memory_bytes() const noexcept { return runs_.capacity() * sizeof(run_start); }

 private:
  struct run_start {
    std::uint32_t row;
    std::uint32_t line;
    std::uint32_t step;  // 1: each row one line further; 0: every row on the same line (rows added in code)
  };
  std::vector<run_start> runs_;
  std::size_t rows_ = 0;
};

// An id of up to 15 bytes, in place, or where a longer one lies in an arena: 16 bytes a
// row, so that finding a proposal by id waits for one line of memory after the index
// slot, not for an offset and then the bytes it points at.
class id_cell {
 public:
  static constexpr std::size_t inline_bytes = 15;
  id_cell() = default;
  // `id` in place when it fits; else its place in `arena`, where it is appended.
  id_cell(std::string_view id, big_string& arena) {
    if (id.size() <= inline_bytes) {
      std::memcpy(bytes_, id.data(), id.size());
      size_ = static_cast<std::uint8_t>(id.size());
      return;
    }
    const std::uint64_t at = arena.size();
    std::memcpy(bytes_, &at, sizeof at);
    for (std::size_t i = 0; i < size_bytes; ++i) bytes_[sizeof at + i] = static_cast<char>(id.size() >> (8 * i));  // ids under 2^56 bytes
    size_ = in_arena;
    arena.append(id);
  }
  [[nodiscard]] std::string_view view(const big_string& arena) const noexcept {
    if (size_ != in_arena) return {bytes_, size_};
    std::uint64_t at = 0;
    std::memcpy(&at, bytes_, sizeof at);
    return std::string_view(arena).substr(at, arena_bytes());
  }
  // The bytes it took in the arena (0 when in place): for undoing an append.
  [[nodiscard]] std::size_t arena_bytes() const noexcept {
    if (size_ != in_arena) return 0;
    std::size_t size = 0;
    for (std::size_t i = 0; i < size_bytes; ++i) size |= std::size_t{static_cast<unsigned char>(bytes_[8 + i])} << (8 * i);
    return size;
  }

 private:
  static constexpr std::uint8_t in_arena = 0xFF;
  static constexpr std::size_t size_bytes = 7;  // after the 8 of the offset
  char bytes_[inline_bytes] = {};
  std::uint8_t size_ = 0;
};
static_assert(sizeof(id_cell) == 16);

// Ids that are one prefix and a counter of fixed width, in the order of the rows
// (KN-2026-0000001, KN-2026-0000002, ...), as numbering systems issue them: while every
// row's id is so, finding an id is reading its number, with no memory to wait for (an
// index lookup waits for a slot and an id cell, two cache misses in a list of a million).
// Watches the ids as rows are added; the first that breaks the pattern ends it for good.
class numbered_ids {
 public:
  // Row `row` (the list's size before it) is added with `id`, not a duplicate: whether the
  // pattern holds still (the first row starts it, if its id ends in digits). Amortised O(1).
  bool continues(std::string_view id, std::size_t row) {
    if (row == 0) start(id);
    else if (holds_) {
      // The expected id is the previous one, its counter plus one; a carry out of the
      // counter's width ends the pattern.
      std::size_t i = next_.size();
      while (i > prefix_size_ && next_[i - 1] == '9') next_[--i] = '0';
      if (i == prefix_size_) {
        stop();
      } else {
        ++next_[i - 1];
        if (id != next_) stop();
      }
    }
    return holds_;
  }
  // Whether the pattern holds for every row so far.
  [[nodiscard]] bool holds() const noexcept { return holds_; }
  // While it holds: the row with `id` among the first `rows`, or nullopt if none has it. O(id).
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id, std::size_t rows) const noexcept {
    if (id.size() != next_.size() || id.compare(0, prefix_size_, next_.data(), prefix_size_) != 0) return std::nullopt;
    const auto number = number_of(id.substr(prefix_size_));
    if (!number || *number - first_ >= rows) return std::nullopt;  // below the first number too: it wraps around
    return static_cast<std::uint32_t>(*number - first_);
  }

 private:
  // Counters of up to 18 digits fit the 64 bits of a number.
  static constexpr std::size_t max_digits = 18;
  [[nodiscard]] static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
  // The number `digits` spell (at most max_digits of them), or nullopt if one is not a digit.
  [[nodiscard]] static std::optional<std::uint64_t> number_of(std::string_view digits) noexcept {
    std::uint64_t number = 0;
    for (const char c : digits) {
      if (!is_digit(c)) return std::nullopt;
      number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return number;
  }
  void start(std::string_view id) {
    std::size_t digits = 0;
    while (digits < id.size() && is_digit(id[id.size() - 1 - digits])) ++digits;
    if (digits == 0 || digits > max_digits) return stop();
    next_.assign(id);
    prefix_size_ = id.size() - digits;
    first_ = *number_of(id.substr(prefix_size_));
    holds_ = true;
  }
  void stop() noexcept { holds_ = false; }

  bool holds_ = false;
  std::string next_;  // the last row's id, then the next one's being checked
  std::size_t prefix_size_ = 0;
  std::uint64_t first_ = 0;  // row 0's number
};
}  // namespace detail

namespace detail {
struct proposal_list_access;
}

// Proposals by key, in the order they were added: add, find by id, read, iterate.
//
//   proposal_list list;
//   const auto p = list.add({.id = "PT-1", .unit = ward, .field = land, .submitted = today});
//   for (const auto key : list.keys()) table.route(list[key]);
class proposal_list {
 public:
  // Out of line, as the rest of the special members: an inline constructor instantiates
  // every member's destructor in every file that includes this header.
  proposal_list();
  proposal_list(const proposal_list& other);
  proposal_list(proposal_list&& other) noexcept;
  proposal_list& operator=(const proposal_list& other);
  proposal_list& operator=(proposal_list&& other) noexcept;
  ~proposal_list();

  // Room for `n` proposals in all and, when given, for `id_bytes` and `title_bytes` of
  // ids and titles in all (else those grow as they are filled).
  void reserve(std::size_t n, std::size_t id_bytes = 0, std::size_t title_bytes = 0);
  // Whether add() keeps titles (it does unless told otherwise). Without them title() is
  // empty and a million proposals take some 50 MB less: for callers that never show a
  // title, such as a status report. Set before the first proposal is added.
  void keep_titles(bool keep) {
    LOCALGOV_ASSERT(size() == 0, "keep_titles is set before proposals are added");
    keep_titles_ = keep;
  }

  // Bytes of ids longer than a cell's 15 and of titles held, for sizing with reserve().
  [[nodiscard]] std::size_t id_bytes() const noexcept { return long_ids_.size(); }
  [[nodiscard]] std::size_t title_bytes() const noexcept { return titles_.size(); }

  // Adds a proposal and returns its key. Throws error ("proposals.duplicate_id"),
  // adding nothing, when a proposal in the list has the same id. O(1) expected.
  proposal_id add(const proposal& p);
  // add() for a caller to whom a duplicate is an answer, not an error: the new key, or
  // the existing one with `added` false (nothing is added). O(1) expected.
  add_result try_add(const proposal& p) { return try_add(hash_id(p.id), p, 0); }

  [[nodiscard]] std::size_t size() const noexcept { return unit_.size(); }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  // Every key, in order: `for (const auto p : list.keys())`.
  [[nodiscard]] id_range<proposal_id> keys() const noexcept { return id_range<proposal_id>(size()); }
  // The proposal with `key`; its views point into the list, valid until it is changed or
  // destroyed. Throws error ("proposals.unknown_key") for a key not in the list.
  [[nodiscard]] proposal operator[](proposal_id key) const {
    if (index_of(key) >= size()) throw_unknown_key(key);
    return {id(key), unit(key), field(key), via(key), submitted(key), title(key), sector(key), against(key), area(key)};
  }

  // The key of the proposal with this id; nullopt when there is none. O(1) expected.
  [[nodiscard]] std::optional<proposal_id> find(std::string_view id) const { return find(id, hash_id(id)); }

  [[nodiscard]] std::string_view id(proposal_id p) const { return id_cells_[static_cast<std::size_t>(p)].view(long_ids_); }
  // Empty when titles are not kept (see keep_titles).
  [[nodiscard]] std::string_view title(proposal_id p) const {
    return keep_titles_ ? slice(titles_, title_end_, static_cast<std::size_t>(p)) : std::string_view();
  }
  [[nodiscard]] unit_id unit(proposal_id p) const { return unit_[static_cast<std::size_t>(p)]; }
  [[nodiscard]] field_id field(proposal_id p) const { return field_[static_cast<std::size_t>(p)]; }
  [[nodiscard]] field_id sector(proposal_id p) const { return sector_[static_cast<std::size_t>(p)]; }
  [[nodiscard]] channel via(proposal_id p) const { return via_[static_cast<std::size_t>(p)]; }
  [[nodiscard]] date submitted(proposal_id p) const { return submitted_[static_cast<std::size_t>(p)]; }
  // Whom a complaint, second complaint or denunciation is against; no_id for the others.
  // O(log of such matters).
  [[nodiscard]] respondent against(proposal_id p) const {
    const auto* e = find_extra(p);
    return e ? e->against : respondent{};
  }
  [[nodiscard]] area_kind area(proposal_id p) const {
    const auto* e = find_extra(p);
    return e ? e->area : area_kind::ordinary;
  }
  // Line in the proposals file; 0 when added in code.
  [[nodiscard]] std::uint32_t line(proposal_id p) const { return lines_[static_cast<std::size_t>(p)]; }

  // Bytes held: columns, id arena and id index; the titles (their arena and offsets)
  // only when `with_titles`. Capacities, not sizes: what the list occupies.
  [[nodiscard]] std::size_t memory_bytes(bool with_titles = true) const noexcept {
    const std::size_t titles = titles_.capacity() + title_end_.capacity() * sizeof(std::uint64_t);
    return long_ids_.capacity() + id_cells_.capacity() * sizeof(detail::id_cell) + unit_.capacity() * sizeof(unit_id) +
           (field_.capacity() + sector_.capacity()) * sizeof(field_id) + via_.capacity() * sizeof(channel) +
           submitted_.capacity() * sizeof(date) + lines_.memory_bytes() + index_.memory_bytes() +
           extras_.capacity() * sizeof(extra) +
           (with_titles ? titles : 0);
  }

  std::string source;  // the file the proposals came from

 private:
  // The loaders' lookups in steps, reached through detail::proposal_list_access.
  friend struct detail::proposal_list_access;

  // For loaders, which hash ids ahead and know each row's line: try_add() with the id's
  // hash_id() and the line it was read from.
  add_result try_add(std::uint64_t id_hash, const proposal& p, std::uint32_t line) {
    if (routed_by_respondent(p.via) != (p.against.body != no_id<body_id>)) [[unlikely]]
      throw_respondent(p);
    const auto row = static_cast<std::uint32_t>(size());
    LOCALGOV_ASSERT(row < UINT32_MAX, "proposal rows fit in 32 bits");
    if (numbered_.holds())
      if (const auto existing = numbered_.find(p.id, row)) return {static_cast<proposal_id>(*existing), false};
    id_cells_.emplace_back(p.id, long_ids_);
    // Numbered ids need no index: one is built for the rows so far when the pattern ends.
    if (!numbered_.continues(p.id, row)) {
      index_rows_before(row);
      if (const auto existing = index_.insert(row, id_hash)) {
        long_ids_.resize(long_ids_.size() - id_cells_.back().arena_bytes());
        id_cells_.pop_back();
        return {static_cast<proposal_id>(*existing), false};
      }
    }
    if (keep_titles_) {
      titles_.append(p.title);
      title_end_.push_back(static_cast<std::uint64_t>(titles_.size()));
    }
    unit_.push_back(p.unit), field_.push_back(p.field), sector_.push_back(p.sector), via_.push_back(p.via);
    submitted_.push_back(p.submitted), lines_.add(line);
    if (p.against.body != no_id<body_id> || p.area != area_kind::ordinary) extras_.push_back({row, p.against, p.area});
    return {static_cast<proposal_id>(row), true};
  }
  // find() for a caller that has the id's hash_id() already.
  [[nodiscard]] std::optional<proposal_id> find(std::string_view id, std::uint64_t id_hash) const {
    if (numbered_.holds()) return find_numbered(id);
    if (auto row = index_.find(id, id_hash)) return static_cast<proposal_id>(*row);
    return std::nullopt;
  }
  // Whether every id is one prefix and a counter in the rows' order (see
  // detail::numbered_ids): then find_numbered() finds any id without a hash or a memory
  // wait, and the hints below are of no use.
  [[nodiscard]] bool numbered() const noexcept { return numbered_.holds(); }
  [[nodiscard]] std::optional<proposal_id> find_numbered(std::string_view id) const noexcept {
    LOCALGOV_ASSERT(numbered(), "find_numbered is for a numbered list");
    if (const auto row = numbered_.find(id, size())) return static_cast<proposal_id>(*row);
    return std::nullopt;
  }

  // A lookup in steps (see detail::string_index::probe; io::read_events uses them to
  // overlap the memory waits of many): the id's hash, its slot started loading, the
  // proposal that probably has the id (unverified), and that one's id cell started
  // loading (an id longer than a cell then waits for the arena). Hints only.
  [[nodiscard]] static std::uint64_t hash_id(std::string_view id) noexcept { return detail::hash_bytes(id); }
  [[gnu::always_inline]] void prefetch_slot(std::uint64_t hash) const noexcept {
    if (!numbered_.holds()) index_.prefetch_slot(hash);
  }
  [[nodiscard]] std::optional<proposal_id> probe(std::uint64_t hash) const noexcept {
    if (numbered_.holds()) return std::nullopt;
    if (const auto row = index_.probe(hash)) return static_cast<proposal_id>(*row);
    return std::nullopt;
  }
  [[gnu::always_inline]] void prefetch_id(proposal_id p) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(id_cells_.data() + static_cast<std::size_t>(p));
#else
    (void)p;
#endif
  }

  // A hint that proposal `p`'s unit, field, channel and submission date will soon be read
  // (a tracker's change, a report's time to answer). O(1).
  [[gnu::always_inline]] void prefetch(proposal_id p) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(unit_.data() + static_cast<std::size_t>(p));
    __builtin_prefetch(field_.data() + static_cast<std::size_t>(p));
    __builtin_prefetch(via_.data() + static_cast<std::size_t>(p));
    __builtin_prefetch(submitted_.data() + static_cast<std::size_t>(p));
#else
    (void)p;
#endif
  }

  [[noreturn]] void throw_unknown_key(proposal_id key) const;
  [[noreturn]] static void throw_respondent(const proposal& p);

  // What few matters have (a respondent, a remote area), by row, in row order.
  struct extra {
    std::uint32_t row;
    respondent against;
    area_kind area;
  };
  [[nodiscard]] const extra* find_extra(proposal_id p) const noexcept {
    const auto row = static_cast<std::uint32_t>(p);
    const auto it = std::lower_bound(extras_.begin(), extras_.end(), row, [](const extra& e, std::uint32_t r) { return e.row < r; });
    return it != extras_.end() && it->row == row ? &*it : nullptr;
  }
  void clear_after_move() noexcept;

  struct key_of {
    const proposal_list* self;
    std::string_view operator()(std::uint32_t row) const { return self->id_cells_[row].view(self->long_ids_); }
  };
  template <class Offsets>
  static std::string_view slice(const detail::big_string& arena, const Offsets& ends, std::size_t i) {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(arena).substr(begin, ends[i] - begin);
  }

  // Rows [index_.size(), row) into the index, which holds none while ids are numbered;
  // the first time, it is sized to what reserve() asked for.
  void index_rows_before(std::uint32_t row) {
    if (!index_started_) {
      index_started_ = true;
      index_.reserve(std::max<std::size_t>(reserved_, row + 1));
    }
    for (auto r = static_cast<std::uint32_t>(index_.size()); r < row; ++r) index_.insert(r);
  }

  bool keep_titles_ = true;
  bool index_started_ = false;  // whether index_ is in use (ids not numbered)
  std::size_t reserved_ = 0;    // rows reserve() was asked for, for an index started later
  // Columns in huge pages (detail/huge_pages.hpp): read at random by trackers and lookups.
  detail::big_vector<detail::id_cell> id_cells_;
  detail::big_string long_ids_, titles_;
  detail::big_vector<std::uint64_t> title_end_;
  detail::big_vector<unit_id> unit_;
  detail::big_vector<field_id> field_, sector_;
  detail::big_vector<channel> via_;
  detail::big_vector<date> submitted_;
  detail::line_runs lines_;
  std::vector<extra> extras_;
  detail::string_index<key_of> index_;
  detail::numbered_ids numbered_;
};

namespace detail {
// The seam through which loaders reach a proposal list's lookup in steps: ids hashed
// ahead (io::read_proposals), slots and id cells loaded ahead of the lookups that need
// them, numbered ids found by their number (io::read_events), rows' file lines. Results
// are those of add() and find(); only the memory waits differ.
struct proposal_list_access {
  [[nodiscard]] static std::uint64_t hash_id(std::string_view id) noexcept { return proposal_list::hash_id(id); }
  static add_result try_add(proposal_list& list, std::uint64_t id_hash, const proposal& p, std::uint32_t line) {
    return list.try_add(id_hash, p, line);
  }
  [[nodiscard]] static std::optional<proposal_id> find(const proposal_list& list, std::string_view id, std::uint64_t id_hash) {
    return list.find(id, id_hash);
  }
  [[nodiscard]] static bool numbered(const proposal_list& list) noexcept { return list.numbered(); }
  [[nodiscard]] static std::optional<proposal_id> find_numbered(const proposal_list& list, std::string_view id) noexcept {
    return list.find_numbered(id);
  }
  static void prefetch_slot(const proposal_list& list, std::uint64_t hash) noexcept { list.prefetch_slot(hash); }
  [[nodiscard]] static std::optional<proposal_id> probe(const proposal_list& list, std::uint64_t hash) noexcept {
    return list.probe(hash);
  }
  static void prefetch_id(const proposal_list& list, proposal_id p) noexcept { list.prefetch_id(p); }
  static void prefetch(const proposal_list& list, proposal_id p) noexcept { list.prefetch(p); }
};
}  // namespace detail

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/routing/impl/proposals.ipp>
#endif
