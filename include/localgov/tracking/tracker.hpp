// The tracker: every proposal's status, an append-only audit trail of every change,
// permission checks, and a status board kept up to date on each change.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/huge_pages.hpp>
#include <localgov/detail/pipeline.hpp>
#include <localgov/detail/string_index.hpp>
#include <localgov/error.hpp>
#include <localgov/model/queries.hpp>
#include <localgov/routing/proposals.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/board.hpp>
#include <localgov/tracking/lifecycle.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// One recorded change (a view; the log stores columns).
struct status_event {
  proposal_id proposal;
  date on;
  status_index from;
  status_index to;
  std::string_view actor;  // the person_id as recorded; empty when the change names nobody
  std::string_view note;
  // An extension of the matter's period (gia hạn), in its rule's days, with from == to;
  // 0 for a change or a receipt.
  std::int32_t extended_days = 0;
};

// Where a matter's resolution clock stands: the day it was accepted (thụ lý; date::max()
// before), and the extensions granted.
struct matter_clock {
  date accepted = date::max();
  std::int32_t extensions = 0;
  std::int32_t extended_days = 0;
};

// The audit trail: append-only columns, 14 bytes per event; actors are interned and
// notes, which are rare, kept apart. Never edited: the state at any date is the replay
// of its prefix.
class event_log {
 public:
  void reserve(std::size_t n);
  void append(proposal_id p, date on, status_index from, status_index to, std::string_view actor, std::string_view note) {
    if (!note.empty()) notes_.push_back({static_cast<std::uint32_t>(size()), std::string(note)});
    proposal_.push_back(p), on_.push_back(on), from_.push_back(from), to_.push_back(to), actor_.push_back(intern(actor));
  }
  // An extension of proposal p's period by `days`, in status `s`.
  void append_extension(proposal_id p, date on, status_index s, std::string_view actor, std::string_view note, std::int32_t days) {
    extensions_.push_back({static_cast<std::uint32_t>(size()), days});
    append(p, on, s, s, actor, note);
  }
  [[nodiscard]] std::size_t size() const noexcept { return proposal_.size(); }
  [[nodiscard]] status_event operator[](std::size_t i) const {
    return {proposal_[i], on_[i], from_[i], to_[i], actor_[i] == no_actor ? std::string_view() : std::string_view(actors_[actor_[i]]),
            note(i), extended_days(i)};
  }
  [[nodiscard]] proposal_id proposal(std::size_t i) const noexcept { return proposal_[i]; }
  [[nodiscard]] date on(std::size_t i) const noexcept { return on_[i]; }
  [[nodiscard]] status_index from(std::size_t i) const noexcept { return from_[i]; }
  [[nodiscard]] status_index to(std::size_t i) const noexcept { return to_[i]; }
  [[nodiscard]] std::string_view note(std::size_t i) const {
    const auto it = std::lower_bound(notes_.begin(), notes_.end(), i, [](const auto& n, std::size_t k) { return n.event < k; });
    return it != notes_.end() && it->event == i ? std::string_view(it->text) : std::string_view();
  }
  [[nodiscard]] std::int32_t extended_days(std::size_t i) const {
    const auto it =
        std::lower_bound(extensions_.begin(), extensions_.end(), i, [](const auto& x, std::size_t k) { return x.event < k; });
    return it != extensions_.end() && it->event == i ? it->days : 0;
  }
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  static constexpr std::uint32_t no_actor = UINT32_MAX;
  std::uint32_t intern(std::string_view actor) {
    if (actor.empty()) return no_actor;
    actor_index_.rebind(actor_name{&actors_});  // this log may have been copied or moved since
    if (const auto known = actor_index_.find(actor)) return *known;
    const auto added = static_cast<std::uint32_t>(actors_.size());
    actors_.emplace_back(actor);
    actor_index_.insert(added);
    return added;
  }
  struct actor_name {
    const std::vector<std::string>* names;
    std::string_view operator()(std::uint32_t i) const { return (*names)[i]; }
  };

  struct note_entry {
    std::uint32_t event;
    std::string text;
  };
  // Columns in huge pages (detail/huge_pages.hpp): a long trail is appended in order.
  detail::big_vector<proposal_id> proposal_;
  detail::big_vector<date> on_;
  detail::big_vector<status_index> from_, to_;
  detail::big_vector<std::uint32_t> actor_;
  std::vector<std::string> actors_;
  detail::string_index<actor_name> actor_index_{actor_name{&actors_}};  // a flat index: one probe, no nodes to chase
  std::vector<note_entry> notes_;
  struct extension_entry {  // rare, as notes are: kept apart from the columns
    std::uint32_t event;
    std::int32_t days;
  };
  std::vector<extension_entry> extensions_;
};

namespace detail {
// The one seam for callers that want a tracker's speed more than its history: the
// loaders (io::read_events), the CLI's one-date report and the benchmarks. Nothing
// through it changes an answer the tracker gives; a domain user never needs it.
struct tracker_access {
  // A tracker whose first routing is split between `threads` threads, the caller's among
  // them (the same rows as one thread routes).
  template <class Tracker, class Table>
  [[nodiscard]] static Tracker make(const Table& table, const proposal_list& proposals, unsigned threads) {
    return Tracker(table, proposals, threads);
  }
  // sync() with the new proposals split between `threads` threads.
  template <class Tracker>
  static void sync(Tracker& tracker, unsigned threads) {
    tracker.sync_with(threads);
  }
  // No audit trail from here on (before the first change): the tracker keeps only each
  // proposal's state on `as_of` and after its last change (and, for a lifecycle that lets
  // a change follow the answer, the answers given by `as_of`), and answers as of those
  // two dates only (statuses_at, board_at, for_each_answer and the reports on them);
  // any other date is error "tracking.no_trail". A report as of one date needs no
  // history: a million proposals' two million changes then take some 28 MB less and
  // about half the time (bench_tracking).
  template <class Tracker>
  static void keep_state_only(Tracker& tracker, date as_of = date::max()) {
    tracker.keep_state_only(as_of);
  }
  template <class Tracker>
  [[nodiscard]] static bool keeps_trail(const Tracker& tracker) noexcept {
    return tracker.keep_trail_;
  }
  // The date whose state a tracker without a trail keeps (date::max() with a trail).
  template <class Tracker>
  [[nodiscard]] static date watched(const Tracker& tracker) noexcept {
    return tracker.watched_;
  }
  // A hint that proposal `p` will soon be changed (see basic_tracker::prefetch).
  template <class Tracker>
  static void prefetch(const Tracker& tracker, proposal_id p) noexcept {
    tracker.prefetch(p);
  }
};
}  // namespace detail

// Tracks the proposals of a list through the lifecycle L. Construction routes every
// proposal and puts it in L::initial on its submission date; change() moves one, after
// checking the transition, the date order and (when enabled) the actor's permission.
//
// Proposals added to the list later are routed by sync(), or by the first change() or
// record_receipt() that names one of them. Until then the tracker does not count them,
// and asking for one (status, due, last_change, keys, may_change) throws error
// ("tracking.not_routed"); a key the list does not have is error ("tracking.unknown_proposal").
template <class L, class Cal>  // = default_lifecycle, holiday_calendar (tracking/fwd.hpp)
class basic_tracker {
  static_assert(Lifecycle<L>, "a tracker's lifecycle models Lifecycle (tracking/fwd.hpp)");
  static_assert(Calendar<Cal>, "a tracker's calendar models Calendar (routing/fwd.hpp)");

 public:
  using lifecycle = L;

  // Routes every proposal of the list: O(proposals). The table, its organisation and the
  // list must outlive the tracker. Throws as sync() does.
  basic_tracker(const basic_routing_table<Cal>& table, const proposal_list& proposals) : basic_tracker(table, proposals, 1) {}
  basic_tracker(const basic_tracker&) = default;
  basic_tracker(basic_tracker&&) = default;
  basic_tracker& operator=(const basic_tracker&) = default;
  basic_tracker& operator=(basic_tracker&&) = default;
  ~basic_tracker();  // out of the class: instantiated once with separate compilation

  // Starts tracking proposals added to the list since the last call, routing each.
  // O(new proposals). When one cannot be routed (its deadline falls on a date the
  // calendar does not know), throws the calendar's error naming the first such proposal
  // and tracks none of the new ones.
  void sync() { sync_with(1); }

  // Room for `n` more events in the trail, so that a long history (a file of events) is
  // appended without the columns regrowing. O(events recorded).
  void reserve_events(std::size_t n) {
    if (keep_trail_) events_.reserve(events_.size() + n);
  }

  // Changes made, receipts included.
  [[nodiscard]] std::size_t changes() const noexcept { return changes_; }

  // Whether change() and record_receipt() check that the actor may make them (see
  // may_change); a change that names no actor is then refused.
  void check_permissions(bool on) noexcept { check_permissions_ = on; }
  [[nodiscard]] bool checks_permissions() const noexcept { return check_permissions_; }

  // Moves a proposal to `to` on date `on`. Its acceptance (L::accepted, for a lifecycle
  // with an acceptance step) starts its rule's period from `on`: due() then counts from
  // the acceptance, not from the day it was due. Throws, changing nothing:
  //  transition_error ("tracking.illegal_transition") naming the proposal, both statuses
  //  and the ones its channel allows;
  //  transition_error ("tracking.no_reason") when it refuses to accept a matter (L::refused
  //  from L::initial, for a channel with an acceptance step) with no note giving the reason;
  //  error ("tracking.date_order") when `on` precedes the submission or the previous change;
  //  permission_error when permissions are checked and the actor (a person_id of the
  //  organisation's officials) may not ("tracking.permission"), is unknown
  //  ("tracking.unknown_actor") or is not named ("tracking.no_actor");
  //  error ("tracking.unknown_proposal") when the list has no proposal `p`.
  // A proposal added to the list since the tracker last routed is routed first (sync()).
  // O(1) without the permission check; the check is O(posts of the actor × lines above).
  void change(proposal_id p, date on, status_index to, std::string_view actor = {}, std::string_view note = {}) {
    const auto i = routed_index(p);
    const auto from = status_[i];
    const auto via = proposals_->via(p);
    if (!allowed_for<L>(via, from, to)) throw_illegal_transition(p, from, to);
    if (on < last_change_[i]) throw_date_order(p, on);
    if (check_permissions_) check_permission(p, on, actor);
    if constexpr (has_acceptance<L>)
      if (from == L::initial && (to == L::accepted || to == L::refused) && allowed_for<L>(via, L::initial, L::accepted)) [[unlikely]]
        accept_or_refuse(p, on, to, note);
    if (keep_trail_)
      events_.append(p, on, from, to, actor, note);
    else if (on <= watched_)
      watch(p, on, to);
    ++changes_;
    status_[i] = to;
    last_change_[i] = on;
    has_events_[i] = true;
    live_.move(keys_at(i), from, to);
  }

  // Records the receipt itself as the first event (a file may list it); changes nothing
  // but the trail. Throws like change() when it is not the first event, precedes the
  // submission, or (permissions checked) the actor may not record it.
  void record_receipt(proposal_id p, date on, std::string_view actor = {}, std::string_view note = {}) {
    const auto i = routed_index(p);
    if (status_[i] != L::initial || last_change_[i] != proposals_->submitted(p) || has_events_[i]) throw_late_receipt(p);
    if (on < proposals_->submitted(p)) throw_receipt_date_order(p, on);
    if (check_permissions_) check_permission(p, on, actor);
    if (keep_trail_) events_.append(p, on, L::initial, L::initial, actor, note);
    ++changes_;
    last_change_[i] = on;
    has_events_[i] = true;
  }

  // Extends the period of a complex case (gia hạn) by `days` on `on` (0: by the most one
  // extension may add), as its rule allows: at most rule::max_extensions times, each
  // adding at most rule::extension_days (remote_extension_days in a remote area), after
  // its acceptance when the rule has that step. Records an event with its status
  // unchanged. Throws, changing nothing: error "tracking.no_extension" when its rule allows
  // none (or no rule covers it), "tracking.not_accepted" before its acceptance,
  // "tracking.closed" when its status is final, "tracking.extension_limit" past the most
  // extensions, "tracking.extension_too_long" when `days` is more than one may add or
  // negative, and as change() for the date order, the permission and the proposal.
  void extend(proposal_id p, date on, std::int32_t days = 0, std::string_view actor = {}, std::string_view note = {});

  // The proposal's resolution clock: its acceptance and the extensions granted.
  [[nodiscard]] matter_clock clock(proposal_id p) const {
    (void)checked_index(p);
    const auto it = clocks_.find(static_cast<std::uint32_t>(p));
    return it == clocks_.end() ? matter_clock{} : it->second;
  }

  // Whether `actor` may change proposal `p` on `on`: they hold, that day, a post in its
  // lead or a coordinating agency, or in a body above one of them on the reporting
  // lines (a Director's department, the People's Committee, the Party Committee).
  [[nodiscard]] bool may_change(person_id actor, proposal_id p, date on) const;

  [[nodiscard]] status_index status(proposal_id p) const { return status_[checked_index(p)]; }
  // The lead's deadline; date::max() when no rule covers the proposal. For a matter with
  // an acceptance step, counted from its acceptance once recorded (before, from the day
  // acceptance was due), extensions included; overdue counts (board_at) use it as it
  // stands now, for any date.
  [[nodiscard]] date due(proposal_id p) const { return due_[checked_index(p)]; }
  // Whether that deadline is the law's or an internal one (the rule's; internal when no
  // rule covers the proposal).
  [[nodiscard]] deadline_kind deadline(proposal_id p) const { return deadline_[checked_index(p)]; }
  // The date of the proposal's last event in the trail; its submission when it has none.
  [[nodiscard]] date last_change(proposal_id p) const { return last_change_[checked_index(p)]; }
  [[nodiscard]] const event_log& events() const noexcept { return events_; }
  [[nodiscard]] const proposal_list& proposals() const noexcept { return *proposals_; }
  [[nodiscard]] const basic_routing_table<Cal>& table() const noexcept { return *table_; }
  [[nodiscard]] std::size_t size() const noexcept { return status_.size(); }

  // The board with every recorded change applied (overdue not counted: it depends on
  // the date; see board_at). Kept up to date by change(), O(1) each.
  [[nodiscard]] const status_board& live_board() const noexcept { return live_; }

  // The board as of a date: proposals submitted by then, in the status their trail gives
  // on that date, and overdue = not final and due before that date; for a date after every
  // event it reproduces live_board(). O(proposals), plus a pass over the trail's dates
  // when some proposal changed after the date (see statuses_at).
  [[nodiscard]] status_board board_at(date as_of) const;

  // Every proposal's status on a date; `not_yet` for those submitted after it. O(proposals)
  // from the columns when no proposal changed after the date; otherwise O(events) more,
  // a pass over the trail's dates that looks up only the changes after the date.
  static constexpr status_index not_yet = 0xFF;
  [[nodiscard]] std::vector<status_index> statuses_at(date as_of) const;

  // Calls f(proposal, date) for every change to L::answer dated on or before `as_of`, in
  // the order they were made. Only for a lifecycle that lets a change follow the answer:
  // otherwise the answer is a proposal's last change, and the columns give its date.
  // O(events).
  template <class F>
  void for_each_answer(date as_of, F&& f) const
    requires answer_may_be_followed<L>;

  // The board rows a proposal counts in.
  [[nodiscard]] board_keys keys(proposal_id p) const { return keys_at(checked_index(p)); }

  // Bytes the tracker holds per proposal: state, trail and board (the list's ids and
  // titles are the input, counted separately).
  [[nodiscard]] std::size_t memory_bytes() const noexcept {
    return status_.capacity() * sizeof(status_index) + due_.capacity() * sizeof(date) + deadline_.capacity() * sizeof(deadline_kind) +
           agency_.capacity() * sizeof(body_id) + last_change_.capacity() * sizeof(date) + has_events_.capacity() / 8 +
           province_.capacity() * sizeof(unit_id) + events_.memory_bytes() + live_.memory_bytes() +
           watched_status_.capacity() * sizeof(status_index) + answers_.capacity() * sizeof(answer_event) +
           clocks_.size() * (sizeof(std::uint32_t) + sizeof(matter_clock) + 2 * sizeof(void*)) + clocks_.bucket_count() * sizeof(void*);
  }

 private:
  friend struct detail::tracker_access;

  // Routed by `threads` threads, the caller's among them (detail::tracker_access::make).
  basic_tracker(const basic_routing_table<Cal>& table, const proposal_list& proposals, unsigned threads);
  void sync_with(unsigned threads);
  // The no-trail mode (detail::tracker_access::keep_state_only).
  void keep_state_only(date watched) {
    LOCALGOV_ASSERT(changes_ == 0, "keep_state_only is set before the first change");
    keep_trail_ = false;
    watched_ = watched;
    watched_status_.clear();
    if (watched != date::max()) watched_status_.assign(status_.begin(), status_.end());
  }

  // A hint that proposal `p` will soon be changed: starts loading its state, so that a
  // caller applying a stream of changes can overlap the memory waits of several (call it
  // for the change some 16 ahead). Results are the same without it. O(1).
  [[gnu::always_inline]] void prefetch(proposal_id p) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    const auto i = static_cast<std::size_t>(p);
    __builtin_prefetch(status_.data() + i, 1);
    __builtin_prefetch(last_change_.data() + i, 1);
    __builtin_prefetch(agency_.data() + i);
    detail::proposal_list_access::prefetch(*proposals_, p);
#else
    (void)p;
#endif
  }

  // The row of a proposal the tracker has routed, routing those added since when `p` is
  // one of them; throws "tracking.unknown_proposal" when the list has no `p`.
  std::size_t routed_index(proposal_id p) {
    const auto i = static_cast<std::size_t>(p);
    if (i >= status_.size()) [[unlikely]] {
      if (i >= proposals_->size()) throw_not_routed(p);
      sync();
    }
    return i;
  }
  // The row of a proposal the tracker has routed; throws "tracking.not_routed" or
  // "tracking.unknown_proposal" for any other.
  [[nodiscard]] std::size_t checked_index(proposal_id p) const {
    const auto i = static_cast<std::size_t>(p);
    if (i >= status_.size()) [[unlikely]] throw_not_routed(p);
    return i;
  }
  [[nodiscard]] board_keys keys_at(std::size_t i) const noexcept {
    const auto p = static_cast<proposal_id>(i);
    const auto unit = proposals_->unit(p);
    return {unit, province_[index_of(unit)], agency_[i], proposals_->field(p)};
  }
  [[noreturn]] void throw_not_routed(proposal_id p) const;
  // Routes `p` again to throw what stopped it, naming the proposal.
  [[noreturn]] void throw_unroutable(proposal_id p) const;
  // change()'s and record_receipt()'s failures, out of their bodies: each builds its
  // message and throws (see change() and record_receipt() for what and when).
  [[noreturn]] void throw_illegal_transition(proposal_id p, status_index from, status_index to) const;
  [[noreturn]] void throw_date_order(proposal_id p, date on) const;
  [[noreturn]] void throw_late_receipt(proposal_id p) const;
  [[noreturn]] void throw_receipt_date_order(proposal_id p, date on) const;
  // Throws permission_error unless `actor` is a known official who may change `p` on `on`.
  void check_permission(proposal_id p, date on, std::string_view actor) const;

  [[nodiscard]] std::string refusal(person_id actor, proposal_id p, date on) const;

  // A change dated on or before the watched date, by a tracker without a trail.
  void watch(proposal_id p, date on, status_index to) {
    if (!watched_status_.empty()) watched_status_[static_cast<std::size_t>(p)] = to;
    if constexpr (answer_may_be_followed<L>)
      if (to == L::answer) answers_.push_back({p, on});
  }
  // Throws "tracking.no_trail": a tracker without a trail cannot say its state as of `as_of`.
  [[noreturn]] void throw_no_trail(date as_of) const;
  // Where proposal `p` goes: from its columns (its sector aside, which only adds a
  // coordinator), or the whole proposal for the channels routed by respondent.
  [[nodiscard]] std::optional<route_result> route_of(proposal_id p) const {
    const auto via = proposals_->via(p);
    if (routed_by_respondent(via)) [[unlikely]]
      return table_->route((*proposals_)[p]);
    return table_->route(proposals_->unit(p), proposals_->field(p), via, proposals_->submitted(p));
  }
  // change()'s part for an acceptance or a refusal of one: the refusal's reason, the
  // acceptance's clock. Throws before changing anything.
  void accept_or_refuse(proposal_id p, date on, status_index to, std::string_view note)
    requires has_acceptance<L>;
  [[noreturn]] void throw_extension(proposal_id p, const char* id, const std::string& why) const;

  // Routes proposals [from, to) into their rows of the columns (sync's part for a thread);
  // returns the first row that could not be routed (its deadline on a date the calendar
  // does not know), or `to`.
  std::size_t route_rows(std::size_t from, std::size_t to) noexcept;

  const basic_routing_table<Cal>* table_;
  const organization_core* org_;
  const proposal_list* proposals_;
  // Per-proposal columns in huge pages (detail/huge_pages.hpp): change() reads them at
  // random; sync() makes room in them unwritten, and routes into them in parallel.
  detail::big_column<status_index> status_;
  detail::big_column<date> due_;
  detail::big_column<deadline_kind> deadline_;
  // The lead agency (its board row), found with the due date: change() then touches no
  // routing table, only columns of the proposal's own row.
  detail::big_column<body_id> agency_;
  detail::big_column<date> last_change_;
  detail::big_vector<bool> has_events_;  // whether the trail has any event of the proposal (a receipt must come first)
  event_log events_;
  std::vector<unit_id> province_;  // by unit: the province whose board row counts it
  status_board live_;
  bool check_permissions_ = false;
  bool keep_trail_ = true;
  std::size_t changes_ = 0;
  // Without a trail: the watched date, each proposal's status on it (empty when it is
  // date::max(): the status column is then that), and the answers given by then.
  date watched_ = date::max();
  detail::big_column<status_index> watched_status_;
  struct answer_event {
    proposal_id proposal;
    date on;
  };
  std::vector<answer_event> answers_;
  // The clocks of the matters accepted or extended (few: a map, not a column).
  std::unordered_map<std::uint32_t, matter_clock> clocks_;
};

// Out of the class body, so that they are not implicitly inline: with the extern template
// below, programs built with LOCALGOV_SEPARATE_COMPILATION compile them once, in src.hpp.

template <class L, class Cal>
basic_tracker<L, Cal>::~basic_tracker() = default;

template <class L, class Cal>
basic_tracker<L, Cal>::basic_tracker(const basic_routing_table<Cal>& table, const proposal_list& proposals, unsigned threads)
    : table_(&table), org_(&table.organization()), proposals_(&proposals),
      live_(org_->unit_count(), org_->body_count(), org_->words().fields().size(), L::status_count) {
  province_.reserve(org_->unit_count());
  for (std::size_t u = 0; u < org_->unit_count(); ++u) province_.push_back(org_->province_of(id_at<unit_id>(u)));
  sync_with(threads);
}

template <class L, class Cal>
std::size_t basic_tracker<L, Cal>::route_rows(std::size_t from, std::size_t to) noexcept {
  const bool watching = !watched_status_.empty();
  for (auto i = from; i < to; ++i) {
    const auto p = static_cast<proposal_id>(i);
    std::optional<route_result> r;
    try {
      r = route_of(p);
    } catch (...) {  // sync() reports it, on the caller's thread
      return i;
    }
    status_[i] = L::initial;
    if (watching) watched_status_[i] = L::initial;
    due_[i] = r ? r->due : date::max();
    deadline_[i] = r ? r->deadline : deadline_kind::internal;
    agency_[i] = r ? r->lead : no_id<body_id>;
    last_change_[i] = proposals_->submitted(p);
  }
  return to;
}

template <class L, class Cal>
void basic_tracker<L, Cal>::sync_with(unsigned threads) {
  const std::size_t begin = status_.size(), n = proposals_->size();
  if (n == begin) return;
  // Room made unwritten (big_column): each thread is the first to touch its part, and the
  // page faults of fresh memory, the dearest part of a first sync, are shared too.
  status_.resize(n), due_.resize(n), deadline_.resize(n), agency_.resize(n), last_change_.resize(n);
  if (!keep_trail_ && watched_ != date::max()) watched_status_.resize(n);
  has_events_.resize(n, false);  // bits: not written by several threads
  const auto parts = detail::parts_for(n - begin, threads);
  std::vector<std::size_t> stopped(parts);
  auto route_part = [&](std::size_t part, std::size_t from, std::size_t to) {
    stopped[part] = route_rows(begin + from, begin + to) - begin;
    if (stopped[part] == to) stopped[part] = SIZE_MAX;
  };
  detail::run_parts(n - begin, parts, route_part);
  if (const auto failed = *std::min_element(stopped.begin(), stopped.end()); failed != SIZE_MAX) {
    // Nothing of this sync is kept: the tracker stays as it was, and says which proposal.
    status_.resize(begin), due_.resize(begin), deadline_.resize(begin), agency_.resize(begin), last_change_.resize(begin);
    has_events_.resize(begin);
    if (!watched_status_.empty()) watched_status_.resize(begin);
    throw_unroutable(static_cast<proposal_id>(begin + failed));
  }
  for (auto i = begin; i < n; ++i) live_.add(keys_at(i), L::initial);
}

template <class L, class Cal>
void basic_tracker<L, Cal>::accept_or_refuse(proposal_id p, date on, status_index to, std::string_view note)
  requires has_acceptance<L>
{
  if (to == L::refused) {
    if (note.empty())
      throw transition_error("tracking.no_reason", "proposal " + std::string(proposals_->id(p)) +
                                                       ": a refusal to accept it needs its reason (expected a note)");
    return;
  }
  const auto r = route_of(p);
  if (!r || r->accept_by == date::max()) return;  // no acceptance step: its clock runs as routed
  const auto due = table_->due_from(r->rule, proposals_->area(p), on);  // may throw: nothing changed yet
  due_[static_cast<std::size_t>(p)] = due;
  clocks_[static_cast<std::uint32_t>(p)].accepted = on;
}

template <class L, class Cal>
void basic_tracker<L, Cal>::extend(proposal_id p, date on, std::int32_t days, std::string_view actor, std::string_view note) {
  const auto i = routed_index(p);
  const auto r = route_of(p);
  if (!r) throw_extension(p, "tracking.no_extension", "no rule covers it");
  const auto& term = table_->rules()[r->rule];
  if (term.max_extensions == 0) throw_extension(p, "tracking.no_extension", "rule " + term.id + " allows none");
  const auto status = status_[i];
  if (L::is_final(status)) throw_extension(p, "tracking.closed", "it is " + std::string(L::name(status)));
  const auto key = static_cast<std::uint32_t>(p);
  const auto found = clocks_.find(key);
  auto clock = found == clocks_.end() ? matter_clock{} : found->second;
  bool waits_for_acceptance = false;
  if constexpr (has_acceptance<L>) waits_for_acceptance = r->accept_by != date::max() && status == L::initial;
  if (waits_for_acceptance) throw_extension(p, "tracking.not_accepted", "it has not been accepted (thụ lý) yet");
  if (clock.extensions >= term.max_extensions)
    throw_extension(p, "tracking.extension_limit",
                    "it has had " + std::to_string(clock.extensions) + ", the most rule " + term.id + " allows (" + term.basis + ")");
  const auto area = proposals_->area(p);
  const auto most = area == area_kind::remote && term.remote_extension_days ? *term.remote_extension_days : term.extension_days;
  if (days == 0) days = most;
  if (days < 0 || days > most)
    throw_extension(p, "tracking.extension_too_long",
                    std::to_string(days) + " days asked, at most " + std::to_string(most) + " an extension (rule " + term.id + ")");
  if (on < last_change_[i]) throw_date_order(p, on);
  if (check_permissions_) check_permission(p, on, actor);
  const auto start = clock.accepted != date::max() ? clock.accepted : r->accept_by != date::max() ? r->accept_by : proposals_->submitted(p);
  const auto due = table_->due_from(r->rule, area, start, clock.extended_days + days);  // may throw: nothing changed yet
  clock.extensions += 1;
  clock.extended_days += days;
  clocks_[key] = clock;
  due_[i] = due;
  if (keep_trail_) events_.append_extension(p, on, status, actor, note, days);
  ++changes_;
  last_change_[i] = on;
  has_events_[i] = true;
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_extension(proposal_id p, const char* id, const std::string& why) const {
  throw error(id, "proposal " + std::string(proposals_->id(p)) + ": its period cannot be extended: " + why);
}

template <class L, class Cal>
bool basic_tracker<L, Cal>::may_change(person_id actor, proposal_id p, date on) const {
  (void)checked_index(p);
  const auto r = table_->route((*proposals_)[p]);
  if (!r) return false;
  for (auto post : org_->posts_of(actor, on)) {
    const auto body = org_->post(post).body;
    if (is_at_or_above(*org_, body, r->lead)) return true;
    for (auto c : r->coordinators)
      if (is_at_or_above(*org_, body, c)) return true;
    if (r->sector_coordinator != no_id<body_id> && is_at_or_above(*org_, body, r->sector_coordinator)) return true;
  }
  return false;
}

template <class L, class Cal>
status_board basic_tracker<L, Cal>::board_at(date as_of) const {
  const auto status = statuses_at(as_of);
  status_board board(org_->unit_count(), org_->body_count(), org_->words().fields().size(), L::status_count);
  for (std::size_t i = 0; i < status.size(); ++i) {
    if (status[i] == not_yet) continue;
    const auto k = keys_at(i);
    board.add(k, status[i]);
    if (!L::is_final(status[i]) && due_[i] < as_of) board.add_overdue(k);
  }
  return board;
}

template <class L, class Cal>
std::vector<status_index> basic_tracker<L, Cal>::statuses_at(date as_of) const {
  // A proposal's events never go back in date, so one whose last change is on or before
  // `as_of` is then in its current status: a report as of today reads the columns in
  // order and never the trail.
  const std::size_t n = status_.size();
  std::vector<status_index> status(n);
  // Without a trail, as of the watched date, its column holds what the trail would give.
  const bool watched = as_of == watched_ && !watched_status_.empty();
  const auto& now = watched ? watched_status_ : status_;
  bool changed_after = false;
  for (std::size_t i = 0; i < n; ++i) {
    const bool submitted = proposals_->submitted(static_cast<proposal_id>(i)) <= as_of;
    status[i] = submitted ? now[i] : not_yet;
    changed_after = changed_after || (submitted && last_change_[i] > as_of);
  }
  if (!changed_after || watched) return status;
  if (!keep_trail_) throw_no_trail(as_of);
  // A proposal changed after `as_of` was then in the `from` status of its first change
  // after it. Its changes after `as_of` end its part of the trail, so walking the trail
  // backwards and taking `from` of each leaves that first one: only the changes after
  // `as_of` are looked at, besides the dates.
  for (std::size_t e = events_.size(); e-- > 0;) {
    if (events_.on(e) <= as_of) continue;
    auto& s = status[static_cast<std::size_t>(events_.proposal(e))];
    if (s != not_yet) s = events_.from(e);
  }
  return status;
}

template <class L, class Cal>
template <class F>
void basic_tracker<L, Cal>::for_each_answer(date as_of, F&& f) const
  requires answer_may_be_followed<L>
{
  if (!keep_trail_) {
    const bool present = watched_ == date::max() && std::all_of(last_change_.begin(), last_change_.end(),
                                                                  [&](date d) { return d <= as_of; });
    if (as_of != watched_ && !present) throw_no_trail(as_of);
    for (const auto& a : answers_) f(a.proposal, a.on);
    return;
  }
  constexpr std::size_t ahead = 16;  // proposals come at random in the trail: see statuses_at
  for (std::size_t e = 0; e < events_.size(); ++e) {
    if (e + ahead < events_.size() && events_.to(e + ahead) == L::answer) prefetch(events_.proposal(e + ahead));
    if (events_.on(e) <= as_of && events_.to(e) == L::answer) f(events_.proposal(e), events_.on(e));
  }
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_no_trail(date as_of) const {
  throw error("tracking.no_trail", "the status as of " + as_of.to_string() +
                                       " needs the audit trail, which this tracker does not keep (it keeps the state as of " +
                                       (watched_ == date::max() ? std::string("the last change") : watched_.to_string()) + ")");
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_illegal_transition(proposal_id p, status_index from, status_index to) const {
  throw transition_error("tracking.illegal_transition",
                         "proposal " + std::string(proposals_->id(p)) + ": cannot go from " + std::string(L::name(from)) +
                             " to " + std::string(L::name(to)) + " (allowed after " + std::string(L::name(from)) +
                             (channel_aware<L> ? " for a " + std::string(format_as(proposals_->via(p))) : std::string()) + ": " +
                             allowed_after<L>(from, proposals_->via(p)) + ")");
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_date_order(proposal_id p, date on) const {
  const auto submitted = proposals_->submitted(p);
  const auto before = on < submitted ? "submission on " + submitted.to_string()
                                     : "previous change on " + last_change_[static_cast<std::size_t>(p)].to_string();
  throw error("tracking.date_order",
              "proposal " + std::string(proposals_->id(p)) + ": change dated " + on.to_string() + " is before its " + before);
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_unroutable(proposal_id p) const {
  try {
    (void)route_of(p);
  } catch (const error& e) {
    throw error(e.id(), "proposal " + std::string(proposals_->id(p)) + " submitted on " + proposals_->submitted(p).to_string() +
                            ": " + e.what());
  }
  LOCALGOV_ASSERT(false, "a proposal that could not be routed routes on a second try");
  std::abort();
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_not_routed(proposal_id p) const {
  const auto i = static_cast<std::size_t>(p);
  if (i >= proposals_->size())
    throw error("tracking.unknown_proposal",
                "no proposal " + std::to_string(i) + " in the tracked list of " + std::to_string(proposals_->size()));
  throw error("tracking.not_routed", "proposal " + std::string(proposals_->id(p)) +
                                         " was added to the list after the tracker last routed it (call sync())");
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_late_receipt(proposal_id p) const {
  throw transition_error("tracking.late_receipt", "proposal " + std::string(proposals_->id(p)) + ": " +
                                                      std::string(L::name(L::initial)) + " may only be its first event");
}

template <class L, class Cal>
void basic_tracker<L, Cal>::throw_receipt_date_order(proposal_id p, date on) const {
  throw error("tracking.date_order", "proposal " + std::string(proposals_->id(p)) + ": receipt dated " + on.to_string() +
                                         " is before its submission on " + proposals_->submitted(p).to_string());
}

template <class L, class Cal>
void basic_tracker<L, Cal>::check_permission(proposal_id p, date on, std::string_view actor) const {
  if (actor.empty())
    throw permission_error("tracking.no_actor", "proposal " + std::string(proposals_->id(p)) +
                                                    ": a change needs an actor when permissions are checked (expected a "
                                                    "person_id of the officials)");
  const auto person = org_->find_person(actor);
  if (!person)
    throw permission_error("tracking.unknown_actor", "proposal " + std::string(proposals_->id(p)) + ": unknown actor '" +
                                                         std::string(actor) + "' (expected a person_id of the officials)");
  if (!may_change(*person, p, on)) throw permission_error("tracking.permission", refusal(*person, p, on));
}

template <class L, class Cal>
std::string basic_tracker<L, Cal>::refusal(person_id actor, proposal_id p, date on) const {
  const auto& person = org_->person(actor);
  const auto lead = table_->lead_of(proposals_->unit(p), proposals_->field(p), proposals_->via(p));
  std::string held;
  for (auto post : org_->posts_of(actor, on)) {
    if (!held.empty()) held += "; ";
    held += org_->name_of(post);
  }
  return "proposal " + std::string(proposals_->id(p)) + ": " + person.name + " (" + person.key + ") may not change it on " +
         on.to_string() + ": it is led by " + std::string(org_->name_of(lead)) + " (" + org_->code_of(lead) + ")" +
         (held.empty() ? std::string(", and they hold no post that day") : "; their posts that day: " + held);
}

#if !LOCALGOV_HEADER_ONLY
extern template class basic_tracker<>;
#endif

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/tracking/impl/tracker.ipp>
#endif
