// Deadlines in calendar or working days, over a replaceable working-day calendar.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>

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

// What routing needs from a calendar. `add_working_days(d, n)` follows the convention of
// `due_date` below; `holiday_calendar` is the stock model, and any type with these two
// members can replace it (a province's own calendar, a six-day week, a test double).
template <class C>
concept Calendar = requires(const C& cal, date d, std::int32_t n) {
  { cal.is_working_day(d) } -> std::convertible_to<bool>;
  { cal.add_working_days(d, n) } -> std::same_as<date>;
};

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

// When a matter received on `start` is due, `days` days later:
//   calendar: start + days (the start day is not counted, as the Civil Code counts periods);
//   working:  cal.add_working_days(start, days), i.e. the date on which the days-th working
//             day after `start` completes; submitted Friday with 1 working day → next Monday;
//             days = 0 → start itself.
// A calendar-day deadline may end on a day off; where the law then moves the end to the
// next working day, apply `roll_forward` to the result.
// Complexity: that of cal.add_working_days (O(1) for holiday_calendar in its table range).
template <Calendar Cal>
[[nodiscard]] date due_date(const Cal& cal, date start, std::int32_t days, day_count kind) {
  return kind == day_count::calendar ? start + days : cal.add_working_days(start, days);
}

// The first working day on or after `d` (d itself when it is one). Linear in the days
// skipped, which a calendar keeps short.
template <Calendar Cal>
[[nodiscard]] date roll_forward(const Cal& cal, date d) {
  while (!cal.is_working_day(d)) d += 1;
  return d;
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

// Weekends (Saturday, Sunday) plus listed holidays, minus listed make-up days.
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
                            date table_first = default_table_first, date table_last = default_table_last)
      : first_(table_first), last_(table_last) {
    LOCALGOV_ASSERT(table_first <= table_last, "holiday_calendar: the table range is empty");
    for (auto& h : holidays) insert_sorted(holidays_, std::move(h));
    for (auto& m : makeup_days) insert_sorted(makeup_days_, std::move(m));
    rebuild();
  }

  // Adds (or renames) a day off. Complexity: O(H + range): the table is rebuilt.
  void add_holiday(holiday h) {
    insert_sorted(holidays_, std::move(h));
    rebuild();
  }
  // Adds (or renames) a worked weekend day. Complexity: O(M + range).
  void add_makeup_day(makeup_day m) {
    insert_sorted(makeup_days_, std::move(m));
    rebuild();
  }

  // Sorted by date, one entry per date.
  [[nodiscard]] const std::vector<holiday>& holidays() const noexcept { return holidays_; }
  [[nodiscard]] const std::vector<makeup_day>& makeup_days() const noexcept { return makeup_days_; }
  [[nodiscard]] date table_first() const noexcept { return first_; }
  [[nodiscard]] date table_last() const noexcept { return last_; }

  // The listed holiday on `d`, or nullptr. O(log H).
  [[nodiscard]] const holiday* find_holiday(date d) const noexcept { return find_sorted(holidays_, d); }
  [[nodiscard]] const makeup_day* find_makeup_day(date d) const noexcept { return find_sorted(makeup_days_, d); }

  // A listed holiday is never a working day, even when also listed as a make-up day.
  // O(1) in the table range, O(log H) outside.
  [[nodiscard]] bool is_working_day(date d) const noexcept {
    if (in_table(d)) {
      const auto i = static_cast<std::size_t>(d - first_);
      return count_[i + 1] != count_[i];
    }
    return compute_is_working_day(d);
  }

  // See add_working_days_stepwise for the convention (n > 0: the n-th working day strictly
  // after `start`; 0: start; n < 0: backwards). O(1) when the walk stays in the table range.
  [[nodiscard]] date add_working_days(date start, std::int32_t n) const {
    if (n == 0) return start;
    std::int64_t left = n < 0 ? -static_cast<std::int64_t>(n) : n;
    date d = start;
    const auto total = static_cast<std::int64_t>(working_.size());
    if (n > 0) {
      // Before the table: walk up to the day before it, then jump.
      while (left > 0 && d < first_ - 1) {
        d += 1;
        if (compute_is_working_day(d)) --left;
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
        if (compute_is_working_day(d)) --left;
      }
      return d;
    }
    while (left > 0 && d > last_ + 1) {
      d += -1;
      if (compute_is_working_day(d)) --left;
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
      if (compute_is_working_day(d)) --left;
    }
    return d;
  }

  // Working days in (a, b] when a <= b, minus those in (b, a] when b < a; so for a working
  // day b, add_working_days(a, working_days_between(a, b)) == b. O(1) in the table range.
  [[nodiscard]] std::int32_t working_days_between(date a, date b) const {
    if (a == b) return 0;
    if (b < a) return -count_between(b, a);
    return count_between(a, b);
  }

 private:
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

  void rebuild() {
    const auto days = static_cast<std::size_t>(last_ - first_) + 1;
    count_.assign(days + 1, 0);
    working_.clear();
    working_.reserve(days);
    for (std::size_t i = 0; i < days; ++i) {
      const bool working = compute_is_working_day(first_ + static_cast<std::int32_t>(i));
      count_[i + 1] = count_[i] + (working ? 1 : 0);
      if (working) working_.push_back(static_cast<std::int32_t>(i));
    }
  }

  std::vector<holiday> holidays_;
  std::vector<makeup_day> makeup_days_;
  date first_;
  date last_;
  std::vector<std::int32_t> count_;    // count_[i]: working days in [first_, first_ + i)
  std::vector<std::int32_t> working_;  // working_[k]: offset from first_ of the k-th working day
};

namespace detail {

enum class vn_day : std::uint8_t { off, makeup };

struct vn_calendar_row {
  std::int16_t year;
  std::uint8_t month;
  std::uint8_t day;
  vn_day kind;
  std::string_view name_vi;
  std::string_view name_en;
};

// Vietnam's public holidays, 2025-2030: Labour Code 2019 art. 112 (New Year 1 day; Tết 5;
// Hùng Kings 10th day of the 3rd lunar month; 30 April; 1 May; National Day 2 September plus
// the day before or after), art. 111(3) (a holiday on the weekly rest day gives a
// substitute day off, nghỉ bù, on the next working day), and the government's yearly notices
// for civil servants (days swapped off and the Saturdays worked back).
//
// Sources and certainty:
// - 2025, decided: Tết off 25 Jan-2 Feb (statutory days 27-31 Jan, 28 Chạp-mùng 3);
//   30 Apr-4 May with Fri 2 May swapped for Sat 26 Apr; National Day 1-2 Sep (off 30 Aug-2 Sep).
// - 2026, decided: New Year 1-4 Jan with Fri 2 Jan swapped for Sat 10 Jan (12729/VPCP-KGVX);
//   Tết off 14-22 Feb (statutory 16-20 Feb, 29 Chạp-mùng 4); Hùng Kings on Sun 26 Apr,
//   substitute Mon 27 Apr; National Day off 29 Aug-2 Sep (statutory 1-2 Sep) with Mon 31 Aug
//   swapped for Sat 22 Aug.
// - 2027-2030, NOT yet decided: the statutory days only. Tết is taken as the last day of the
//   lunar year plus the first four of the new one (the government picks the split each
//   year and usually swaps days to join weekends, so expect changes); the National Day
//   extra day follows the choice made every year since 2021 (the adjacent weekday that joins
//   a weekend: 1 Sep if 2 Sep is Tue, Wed, Fri or Sat; 3 Sep if Mon, Thu or Sun); weekend
//   overlaps get the art. 111(3) substitute day.
// - Lunar dates computed for UTC+7 (the Vietnamese calendar's time zone) and cross-checked
//   with two new-moon algorithms: Tết 2025-01-29, 2026-02-17, 2027-02-06, 2028-01-26,
//   2029-02-13, 2030-02-02 (China's Spring Festival is 2030-02-03: the new moon falls at
//   23:07 on 2 Feb in Hà Nội, 00:07 on 3 Feb in Beijing); Hùng Kings 2025-04-07, 2026-04-26,
//   2027-04-16, 2028-04-04, 2029-04-23, 2030-04-12.
// - Not included: 24 November (Vietnam Culture Day), which the Politburo chose as a paid
//   holiday in 2025 but which awaits an amendment of art. 112. Add it with add_holiday
//   once in force.
inline constexpr vn_calendar_row vietnam_calendar_rows[] = {
    // 2025
    {2025, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2025, 1, 27, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 28, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 29, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 30, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 31, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 4, 7, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2025, 4, 26, vn_day::makeup, "Làm bù cho thứ Sáu 02/5", "Worked in exchange for Friday 2 May"},
    {2025, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2025, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2025, 5, 2, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)", "Swapped day off (worked Saturday 26 April)"},
    {2025, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2025, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    // 2026
    {2026, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2026, 1, 2, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 10/01)", "Swapped day off (worked Saturday 10 January)"},
    {2026, 1, 10, vn_day::makeup, "Làm bù cho thứ Sáu 02/01", "Worked in exchange for Friday 2 January"},
    {2026, 2, 16, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 17, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 18, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 19, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 20, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 4, 26, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2026, 4, 27, vn_day::off, "Nghỉ bù Giỗ Tổ Hùng Vương", "Substitute day off for Hung Kings' Commemoration Day"},
    {2026, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2026, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2026, 8, 22, vn_day::makeup, "Làm bù cho thứ Hai 31/8", "Worked in exchange for Monday 31 August"},
    {2026, 8, 31, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 22/8)", "Swapped day off (worked Saturday 22 August)"},
    {2026, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2026, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    // 2027 (statutory; not yet decided)
    {2027, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2027, 2, 5, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 6, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 7, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 8, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 9, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 10, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2027, 2, 11, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2027, 4, 16, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2027, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2027, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2027, 5, 3, vn_day::off, "Nghỉ bù Ngày Quốc tế Lao động", "Substitute day off for International Labour Day"},
    {2027, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2027, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
    // 2028 (statutory; not yet decided)
    {2028, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2028, 1, 3, vn_day::off, "Nghỉ bù Tết Dương lịch", "Substitute day off for New Year's Day"},
    {2028, 1, 25, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 26, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 27, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 28, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 29, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 31, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2028, 4, 4, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2028, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2028, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2028, 5, 2, vn_day::off, "Nghỉ bù Ngày Chiến thắng", "Substitute day off for Reunification Day"},
    {2028, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2028, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2028, 9, 4, vn_day::off, "Nghỉ bù Quốc khánh", "Substitute day off for National Day"},
    // 2029 (statutory; not yet decided)
    {2029, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2029, 2, 12, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 13, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 14, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 15, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 16, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 4, 23, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2029, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2029, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2029, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2029, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
    {2029, 9, 4, vn_day::off, "Nghỉ bù Quốc khánh", "Substitute day off for National Day"},
    // 2030 (statutory; not yet decided)
    {2030, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2030, 2, 1, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 2, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 3, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 4, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 5, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 6, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2030, 2, 7, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2030, 4, 12, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2030, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2030, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2030, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2030, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
};

}  // namespace detail

// Vietnam's national calendar for civil servants, 2025-2030 (see the table above for what
// is decided and what is provisional), with the O(1) table over 2025-2031. Replaceable:
// copy it and add_holiday / add_makeup_day, or build a holiday_calendar of your own.
// Complexity: O(rows + range), about 2,600 steps; build once and share.
[[nodiscard]] inline holiday_calendar vietnam_calendar() {
  std::vector<holiday> off;
  std::vector<makeup_day> worked;
  for (const auto& row : detail::vietnam_calendar_rows) {
    const date day{row.year, row.month, row.day};
    if (row.kind == detail::vn_day::off)
      off.push_back({day, std::string(row.name_vi), std::string(row.name_en)});
    else
      worked.push_back({day, std::string(row.name_vi), std::string(row.name_en)});
  }
  return holiday_calendar(std::move(off), std::move(worked));
}

static_assert(Calendar<holiday_calendar>);

LOCALGOV_NAMESPACE_END
