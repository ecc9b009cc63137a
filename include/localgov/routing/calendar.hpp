// Deadlines in calendar or working days, over a replaceable working-day calendar.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/routing/fwd.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// How a deadline counts: every day, or working days only (law mostly counts working days
// for administrative procedures and calendar days for complaints).
enum class day_count : std::uint8_t { calendar, working };

[[nodiscard]] constexpr std::string_view format_as(day_count kind) noexcept {
  return kind == day_count::calendar ? "calendar" : "working";
}

// The reference meaning of add_working_days for any calendar that can tell working days:
// n > 0: the n-th working day strictly after `start` (the start day itself never counts,
//        whether or not it is a working day): submitted Friday, 1 working day → Monday;
// n = 0: `start` itself;
// n < 0: the |n|-th working day strictly before `start`.
// Complexity: linear in the distance walked. holiday_calendar does the same in O(1).
template <class C>
  requires requires(const C& cal, date d) {
    { cal.is_working_day(d) } -> std::convertible_to<bool>;
  }
[[nodiscard]] date add_working_days_stepwise(const C& cal, date start, std::int32_t n) {
  const std::int32_t step = n < 0 ? -1 : 1;
  std::int64_t left = n < 0 ? -static_cast<std::int64_t>(n) : n;
  date d = start;
  while (left > 0) {
    d += step;
    if (cal.is_working_day(d)) --left;
  }
  return d;
}

// The first working day on or after `d` (d itself when it is one): the calendar's own
// next_working_day when it has one (holiday_calendar: O(1) in its table range), else a
// walk, linear in the days skipped, which a calendar keeps short.
template <Calendar Cal>
[[nodiscard]] date roll_forward(const Cal& cal, date d) {
  if constexpr (requires {
                  { cal.next_working_day(d) } -> std::same_as<date>;
                }) {
    return cal.next_working_day(d);
  } else {
    while (!cal.is_working_day(d)) d += 1;
    return d;
  }
}

// When a matter received on `start` is due, `days` days later, as the Civil Code 2015
// counts periods (Art. 147(2): the day the period starts from is not counted):
//   calendar: start + days, moved to the next working day when that is a weekend day or a
//             holiday (Art. 148(5): the period then ends at the end of the next working
//             day); a deadline of 60 days from 16 December 2025 falls on Saturday
//             14 February 2026, in the Tết break, and ends on Monday 23 February;
//   working:  cal.add_working_days(start, days), i.e. the date on which the days-th working
//             day after `start` completes; submitted Friday with 1 working day → next Monday.
// days = 0 → start itself. Throws what the calendar throws for a date it cannot tell
// (holiday_calendar: error "calendar.unknown_days_off"), and error "date.out_of_range"
// for a deadline past date::last().
// Complexity: that of cal.add_working_days (O(1) for holiday_calendar in its table range).
namespace detail {
[[noreturn]] LOCALGOV_DECL void throw_deadline_out_of_range(date start, std::int32_t days, date due);
}
template <Calendar Cal>
[[nodiscard]] date due_date(const Cal& cal, date start, std::int32_t days, day_count kind) {
  if (days == 0) return start;
  if (kind == day_count::calendar && start + days > date::last()) [[unlikely]]
    detail::throw_deadline_out_of_range(start, days, start + days);
  const date due = kind == day_count::calendar ? roll_forward(cal, start + days) : cal.add_working_days(start, days);
  if (due > date::last()) [[unlikely]]
    detail::throw_deadline_out_of_range(start, days, due);
  return due;
}

// A day off other than a weekend day: public holiday, its substitute day (nghỉ bù) or a
// weekday swapped off (hoán đổi).
struct holiday {
  date day;
  std::string name_vi;
  std::string name_en;
};

// A weekend day that is worked (ngày làm bù), given back for a weekday swapped off.
struct makeup_day {
  date day;
  std::string name_vi;
  std::string name_en;
};

// Weekends (Saturday, Sunday) plus listed holidays, minus listed make-up days, over the
// dates whose days off it knows (every date, unless limited with know_only: a national
// calendar whose holidays are listed to 2031 cannot tell a working day in 2032, and says
// so with error "calendar.unknown_days_off" rather than count a holiday as worked).
// Over its table range (by default 2025-01-01..2031-12-31) it keeps the running count of
// working days and the position of each working day, so is_working_day,
// add_working_days and working_days_between are O(1) there; outside it they walk day by
// day (still correct, linear in the distance outside the range).
// Copies carry their tables (about 4 bytes a day of range, some 18 KB by default).
class holiday_calendar {
 public:
  static constexpr date default_table_first{2025, 1, 1};
  static constexpr date default_table_last{2031, 12, 31};

  // Weekends only.
  holiday_calendar() : holiday_calendar(std::vector<holiday>{}) {}

  // Holidays and make-up days in any order; of two entries on the same date the later
  // wins. Complexity: O(H log H + range).
  explicit holiday_calendar(std::vector<holiday> holidays, std::vector<makeup_day> makeup_days = {},
                            date table_first = default_table_first, date table_last = default_table_last);
  holiday_calendar(const holiday_calendar& other);
  holiday_calendar(holiday_calendar&& other) noexcept;
  holiday_calendar& operator=(const holiday_calendar& other);
  holiday_calendar& operator=(holiday_calendar&& other) noexcept;
  ~holiday_calendar();

  // Adds (or renames) a day off. Complexity: O(H + range): the table is rebuilt.
  void add_holiday(holiday h);
  // Adds (or renames) a worked weekend day. Complexity: O(M + range).
  void add_makeup_day(makeup_day m);

  // Sorted by date, one entry per date.
  [[nodiscard]] const std::vector<holiday>& holidays() const noexcept { return holidays_; }
  [[nodiscard]] const std::vector<makeup_day>& makeup_days() const noexcept { return makeup_days_; }
  [[nodiscard]] date table_first() const noexcept { return first_; }
  [[nodiscard]] date table_last() const noexcept { return last_; }

  // Limits the calendar to [first, last], the dates whose days off it knows: asked about a
  // date outside it (whether a day is worked, a count of working days, a deadline), it
  // throws error("calendar.unknown_days_off") naming the date and the range. O(1).
  void know_only(date first, date last) noexcept {
    known_first_ = first;
    known_last_ = last;
  }
  [[nodiscard]] bool knows(date d) const noexcept { return d >= known_first_ && d <= known_last_; }
  [[nodiscard]] date known_first() const noexcept { return known_first_; }
  [[nodiscard]] date known_last() const noexcept { return known_last_; }

  // The listed holiday on `d`, or nullptr. O(log H).
  [[nodiscard]] const holiday* find_holiday(date d) const noexcept { return find_sorted(holidays_, d); }
  [[nodiscard]] const makeup_day* find_makeup_day(date d) const noexcept { return find_sorted(makeup_days_, d); }

  // A listed holiday is never a working day, even when also listed as a make-up day.
  // O(1) in the table range, O(log H) outside; throws for a date it does not know.
  [[nodiscard]] bool is_working_day(date d) const {
    if (!knows(d)) [[unlikely]] throw_unknown(d);
    if (in_table(d)) {
      const auto i = static_cast<std::size_t>(d - first_);
      return count_[i + 1] != count_[i];
    }
    return compute_is_working_day(d);
  }

  // The first working day on or after `d`. O(1) in the table range; throws for a date it
  // does not know, or when the day it reaches is one.
  [[nodiscard]] date next_working_day(date d) const {
    if (!knows(d)) [[unlikely]] throw_unknown(d);
    if (in_table(d)) {
      const auto before = static_cast<std::size_t>(count_[static_cast<std::size_t>(d - first_)]);  // working days before d
      if (before < working_.size()) {
        const date found = first_ + working_[before];
        if (!knows(found)) [[unlikely]] throw_unknown(found);
        return found;
      }
      d = last_ + 1;
    }
    while (!known_working_day(d)) d += 1;
    return d;
  }

  // See add_working_days_stepwise for the convention (n > 0: the n-th working day strictly
  // after `start`; 0: start; n < 0: backwards). O(1) when the walk stays in the table range.
  // Throws when `start` or the day it reaches is a date the calendar does not know (the
  // days between are then known too).
  [[nodiscard]] date add_working_days(date start, std::int32_t n) const {
    if (!knows(start)) [[unlikely]] throw_unknown(start);
    const date reached = walk_working_days(start, n);
    if (!knows(reached)) [[unlikely]] throw_unknown(reached);
    return reached;
  }

  // Working days in (a, b] when a <= b, minus those in (b, a] when b < a; so for a working
  // day b, add_working_days(a, working_days_between(a, b)) == b. O(1) in the table range.
  // Throws when a or b is a date the calendar does not know.
  [[nodiscard]] std::int32_t working_days_between(date a, date b) const {
    if (!knows(a)) [[unlikely]] throw_unknown(a);
    if (!knows(b)) [[unlikely]] throw_unknown(b);
    if (a == b) return 0;
    if (b < a) return -count_between(b, a);
    return count_between(a, b);
  }

 private:
  [[nodiscard]] date walk_working_days(date start, std::int32_t n) const {
    if (n == 0) return start;
    std::int64_t left = n < 0 ? -static_cast<std::int64_t>(n) : n;
    date d = start;
    const auto total = static_cast<std::int64_t>(working_.size());
    if (n > 0) {
      // Before the table: walk up to the day before it, then jump.
      while (left > 0 && d < first_ - 1) {
        d += 1;
        if (known_working_day(d)) --left;
      }
      if (left == 0) return d;
      if (d <= last_) {
        const std::int64_t after = count_[static_cast<std::size_t>(d - first_ + 1)];  // working days up to d
        const std::int64_t target = after + left - 1;  // index of the wanted working day
        if (target < total) return first_ + working_[static_cast<std::size_t>(target)];
        left -= total - after;
        d = last_;
      }
      while (left > 0) {
        d += 1;
        if (known_working_day(d)) --left;
      }
      return d;
    }
    while (left > 0 && d > last_ + 1) {
      d += -1;
      if (known_working_day(d)) --left;
    }
    if (left == 0) return d;
    if (d >= first_) {
      const std::int64_t before = count_[static_cast<std::size_t>(d - first_)];  // working days before d
      if (before >= left) return first_ + working_[static_cast<std::size_t>(before - left)];
      left -= before;
      d = first_;
    }
    while (left > 0) {
      d += -1;
      if (known_working_day(d)) --left;
    }
    return d;
  }

  [[noreturn]] void throw_unknown(date d) const;
  // A walk's step: whether `d` is worked, throwing as soon as the walk leaves the known dates.
  [[nodiscard]] bool known_working_day(date d) const {
    if (!knows(d)) [[unlikely]] throw_unknown(d);
    return compute_is_working_day(d);
  }

  template <class Entry>
  static void insert_sorted(std::vector<Entry>& list, Entry e) {
    auto at = std::lower_bound(list.begin(), list.end(), e.day, [](const Entry& x, date d) { return x.day < d; });
    if (at != list.end() && at->day == e.day)
      *at = std::move(e);
    else
      list.insert(at, std::move(e));
  }
  template <class Entry>
  static const Entry* find_sorted(const std::vector<Entry>& list, date d) noexcept {
    auto at = std::lower_bound(list.begin(), list.end(), d, [](const Entry& x, date day) { return x.day < day; });
    return (at != list.end() && at->day == d) ? &*at : nullptr;
  }

  [[nodiscard]] bool in_table(date d) const noexcept { return d >= first_ && d <= last_; }

  [[nodiscard]] bool compute_is_working_day(date d) const noexcept {
    if (find_holiday(d) != nullptr) return false;
    return d.iso_weekday_index() < 5 || find_makeup_day(d) != nullptr;
  }

  // Working days in (a, b], a < b: walk outside the table, subtract counts inside.
  [[nodiscard]] std::int32_t count_between(date a, date b) const {
    std::int32_t total = 0;
    for (date d = a + 1; d <= b && d < first_; d += 1) total += compute_is_working_day(d) ? 1 : 0;
    const date lo = std::max(a, first_ - 1);
    const date hi = std::min(b, last_);
    if (hi > lo)
      total += count_[static_cast<std::size_t>(hi - first_ + 1)] - count_[static_cast<std::size_t>(lo - first_ + 1)];
    for (date d = std::max(a, last_) + 1; d <= b; d += 1) total += compute_is_working_day(d) ? 1 : 0;
    return total;
  }

  void rebuild();

  std::vector<holiday> holidays_;
  std::vector<makeup_day> makeup_days_;
  date first_;
  date last_;
  date known_first_{INT32_MIN};
  date known_last_ = date::max();
  std::vector<std::int32_t> count_;    // count_[i]: working days in [first_, first_ + i)
  std::vector<std::int32_t> working_;  // working_[k]: offset from first_ of the k-th working day
};

static_assert(Calendar<holiday_calendar>);

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/routing/impl/calendar.ipp>
#endif
