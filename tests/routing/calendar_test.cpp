// Working-day calendars: weekends, Vietnam's holidays, the O(1) table against brute force, custom calendars.
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/routing/calendar.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using localgov::add_working_days_stepwise;
using localgov::Calendar;
using localgov::date;
using localgov::day_count;
using localgov::due_date;
using localgov::holiday;
using localgov::holiday_calendar;
using localgov::makeup_day;
using localgov::roll_forward;
using localgov::presets::vietnam_calendar;

date d(std::string_view iso) {
  const auto parsed = date::parse(iso);
  REQUIRE(parsed.has_value());
  return *parsed;
}

// An independent model of a holiday_calendar: a flag per day over a wide window, built
// from the calendar's lists only (not from its tables).
struct brute_calendar {
  date first{2015, 1, 1};
  std::vector<char> working;

  explicit brute_calendar(const holiday_calendar& cal) {
    const date last{2045, 12, 31};
    for (date x = first; x <= last; x += 1) working.push_back(x.iso_weekday_index() < 5 ? 1 : 0);
    for (const auto& m : cal.makeup_days()) working[static_cast<std::size_t>(m.day - first)] = 1;
    for (const auto& h : cal.holidays()) working[static_cast<std::size_t>(h.day - first)] = 0;
  }
  [[nodiscard]] bool is_working_day(date x) const {
    REQUIRE(x >= first);
    REQUIRE(static_cast<std::size_t>(x - first) < working.size());
    return working[static_cast<std::size_t>(x - first)] != 0;
  }
  // The n-th working day after (n > 0) or before (n < 0) start, for every |n| <= max_n:
  // one walk per start.
  [[nodiscard]] std::vector<date> walk(date start, int step, int max_n) const {
    std::vector<date> out{start};
    for (date x = start; static_cast<int>(out.size()) <= max_n;) {
      x += step;
      if (is_working_day(x)) out.push_back(x);
    }
    return out;
  }
  [[nodiscard]] std::int32_t count(date a, date b) const {  // working days in (a, b], a <= b
    std::int32_t n = 0;
    for (date x = a + 1; x <= b; x += 1) n += is_working_day(x) ? 1 : 0;
    return n;
  }
};

// A user-defined calendar: a six-day week (only Sundays off), no holidays.
struct six_day_week {
  [[nodiscard]] bool is_working_day(date x) const { return x.iso_weekday_index() != 6; }
  [[nodiscard]] date add_working_days(date start, std::int32_t n) const {
    return add_working_days_stepwise(*this, start, n);
  }
};

struct not_a_calendar {
  [[nodiscard]] bool is_working_day(date) const { return true; }
};

}  // namespace

static_assert(Calendar<holiday_calendar>);
static_assert(Calendar<six_day_week>);
static_assert(!Calendar<not_a_calendar>);
static_assert(!Calendar<int>);

TEST_CASE("calendar: weekends are skipped, and the counting convention") {
  const holiday_calendar weekends;  // no holidays
  CHECK(d("2025-03-07").iso_weekday_index() == 4);  // a Friday
  CHECK(weekends.is_working_day(d("2025-03-07")));
  CHECK_FALSE(weekends.is_working_day(d("2025-03-08")));
  CHECK_FALSE(weekends.is_working_day(d("2025-03-09")));

  // Submitted on Friday, 1 working day: due on Monday (the start day never counts).
  CHECK(weekends.add_working_days(d("2025-03-07"), 1) == d("2025-03-10"));
  CHECK(due_date(weekends, d("2025-03-07"), 1, day_count::working) == d("2025-03-10"));
  // Submitted on a Saturday: the first working day after it is Monday.
  CHECK(weekends.add_working_days(d("2025-03-08"), 1) == d("2025-03-10"));
  // n = 0: the start itself, working day or not.
  CHECK(weekends.add_working_days(d("2025-03-08"), 0) == d("2025-03-08"));
  CHECK(due_date(weekends, d("2025-03-08"), 0, day_count::working) == d("2025-03-08"));
  // A week of working days from a Friday ends on the next Friday.
  CHECK(weekends.add_working_days(d("2025-03-07"), 5) == d("2025-03-14"));
  // Backwards: the working day before a Monday is the Friday.
  CHECK(weekends.add_working_days(d("2025-03-10"), -1) == d("2025-03-07"));
  CHECK(weekends.working_days_between(d("2025-03-07"), d("2025-03-14")) == 5);
  CHECK(weekends.working_days_between(d("2025-03-14"), d("2025-03-07")) == -5);
  CHECK(weekends.working_days_between(d("2025-03-08"), d("2025-03-09")) == 0);

  // Calendar days: every day counts, weekends included, but a period whose last day is a
  // day off ends on the next working day (Civil Code 2015, Art. 148(5)): 30 days from
  // Friday 7 March 2025 is Sunday 6 April, so the deadline is Monday 7 April.
  CHECK(due_date(weekends, d("2025-03-07"), 29, day_count::calendar) == d("2025-04-05") + 2);
  CHECK(due_date(weekends, d("2025-03-07"), 30, day_count::calendar) == d("2025-04-07"));
  CHECK(due_date(weekends, d("2025-03-07"), 31, day_count::calendar) == d("2025-04-07"));
  CHECK(due_date(weekends, d("2025-03-07"), 32, day_count::calendar) == d("2025-04-08"));
  CHECK(due_date(weekends, d("2025-03-08"), 0, day_count::calendar) == d("2025-03-08"));
  CHECK(roll_forward(weekends, d("2025-04-06")) == d("2025-04-07"));
  CHECK(roll_forward(weekends, d("2025-04-07")) == d("2025-04-07"));
}

TEST_CASE("calendar: Tết 2026 is skipped") {
  const holiday_calendar vn = vietnam_calendar();
  // A proposal submitted on Friday 2026-02-13 with 5 working days. The days after it:
  //   14-15 Feb  Sat-Sun      weekend
  //   16-20 Feb  Mon-Fri      Tết (29 Chạp .. mùng 4), statutory days off
  //   21-22 Feb  Sat-Sun      weekend (the 9-day break ends)
  //   23 Feb Mon = 1, 24 Tue = 2, 25 Wed = 3, 26 Thu = 4, 27 Fri = 5
  // so it is due on Friday 2026-02-27, not 2026-02-20 as weekends alone would give.
  CHECK(due_date(vn, d("2026-02-13"), 5, day_count::working) == d("2026-02-27"));
  CHECK(due_date(holiday_calendar{}, d("2026-02-13"), 5, day_count::working) == d("2026-02-20"));
  CHECK(vn.working_days_between(d("2026-02-13"), d("2026-02-27")) == 5);
  for (date x = d("2026-02-14"); x <= d("2026-02-22"); x += 1) CHECK_FALSE(vn.is_working_day(x));
  CHECK(vn.is_working_day(d("2026-02-13")));
  CHECK(vn.is_working_day(d("2026-02-23")));
  CHECK(roll_forward(vn, d("2026-02-14")) == d("2026-02-23"));
  const holiday* tet = vn.find_holiday(d("2026-02-17"));
  REQUIRE(tet != nullptr);
  CHECK(tet->name_vi == "Tết Nguyên đán");
  CHECK(tet->name_en == "Lunar New Year (Tết)");
  // Calendar days run straight through Tết.
  CHECK(due_date(vn, d("2026-02-13"), 10, day_count::calendar) == d("2026-02-23"));
}

TEST_CASE("calendar: a calendar-day deadline that ends in Tết ends on the first working day after it (Art. 148)") {
  const holiday_calendar vn = vietnam_calendar();
  // The founding scenario: proposals of 16 December 2025, 60 days. The 60th day is Saturday
  // 14 February 2026, the first day of the nine-day Tết break (14-22 February): the
  // period ends at the end of Monday 23 February, the next working day.
  CHECK(d("2025-12-16") + 60 == d("2026-02-14"));
  CHECK(due_date(vn, d("2025-12-16"), 60, day_count::calendar) == d("2026-02-23"));
  // Any last day inside the break rolls to the same Monday; the Friday before stands.
  for (std::int32_t days = 60; days <= 68; ++days) CHECK(due_date(vn, d("2025-12-16"), days, day_count::calendar) == d("2026-02-23"));
  CHECK(due_date(vn, d("2025-12-16"), 59, day_count::calendar) == d("2026-02-13"));
  // A substitute day off counts as a holiday: Monday 27 April 2026 (for Hùng Kings on the
  // Sunday), then 30 April and 1 May; 29 April is worked.
  CHECK(due_date(vn, d("2026-03-27"), 31, day_count::calendar) == d("2026-04-28"));
  CHECK(due_date(vn, d("2026-03-31"), 30, day_count::calendar) == d("2026-05-04"));
}

TEST_CASE("calendar: 2031 is known, with its New Year and Tết; a date past the calendar is an error") {
  const holiday_calendar vn = vietnam_calendar();
  // 20 working days from Friday 20 December 2030: 23-27 Dec (5), 30-31 Dec (7), then 1
  // January 2031 is New Year's Day, off: 2-3 Jan (9), 6-10 Jan (14), 13-17 Jan (19), 20 Jan.
  CHECK_FALSE(vn.is_working_day(d("2031-01-01")));
  CHECK(due_date(vn, d("2030-12-20"), 20, day_count::working) == d("2031-01-20"));
  CHECK(due_date(holiday_calendar{}, d("2030-12-20"), 20, day_count::working) == d("2031-01-17"));
  // Tết 2031: 22-26 January, Saturday 25 and Sunday 26 given back on 27 and 28 January.
  for (date x = d("2031-01-22"); x <= d("2031-01-28"); x += 1) CHECK_FALSE(vn.is_working_day(x));
  CHECK(vn.is_working_day(d("2031-01-29")));
  CHECK(vn.known_first() == d("2025-01-01"));
  CHECK(vn.known_last() == d("2031-12-31"));
  // Past the end, whichever way it is asked: never a count that misses 2032's holidays.
  const std::string message =
      "the calendar knows the days off from 2025-01-01 to 2031-12-31 only, and cannot count on 2032-01-05 (list that "
      "year's holidays and widen it with know_only)";
  CHECK_THROWS_WITH_AS((void)vn.is_working_day(d("2032-01-05")), message.c_str(), localgov::error);
  CHECK_THROWS_WITH_AS((void)vn.add_working_days(d("2032-01-05"), 1), message.c_str(), localgov::error);
  CHECK_THROWS_WITH_AS((void)vn.working_days_between(d("2031-12-01"), d("2032-01-05")), message.c_str(), localgov::error);
  CHECK_THROWS_AS((void)vn.add_working_days(d("2031-12-30"), 5), localgov::error);  // reaches 2032
  CHECK_THROWS_AS((void)due_date(vn, d("2031-12-01"), 60, day_count::calendar), localgov::error);
  CHECK_THROWS_AS((void)vn.is_working_day(d("2024-12-31")), localgov::error);
  CHECK_THROWS_AS((void)vn.next_working_day(d("2032-01-01")), localgov::error);
  CHECK(vn.next_working_day(d("2031-12-27")) == d("2031-12-29"));  // Saturday -> Monday, still known
  try {
    (void)vn.is_working_day(d("2040-01-01"));
    FAIL("no error");
  } catch (const localgov::error& e) {
    CHECK(e.id() == "calendar.unknown_days_off");
  }
  // The last known day is fine, and a calendar widened by its user counts on.
  CHECK(due_date(vn, d("2031-12-01"), 20, day_count::working) == d("2031-12-29"));
  holiday_calendar widened = vn;
  widened.know_only(d("2025-01-01"), d("2032-12-31"));
  CHECK(widened.add_working_days(d("2031-12-30"), 5) == d("2032-01-06"));
  // The time to an error is bounded: a walk stops where the known dates end.
  CHECK_THROWS_AS((void)vn.add_working_days(d("2031-12-30"), INT32_MAX), localgov::error);
}

TEST_CASE("calendar: swapped days and Saturdays worked back") {
  const holiday_calendar vn = vietnam_calendar();
  // 2025: Friday 2 May off, worked on Saturday 26 April.
  CHECK(vn.is_working_day(d("2025-04-26")));
  CHECK_FALSE(vn.is_working_day(d("2025-05-02")));
  REQUIRE(vn.find_makeup_day(d("2025-04-26")) != nullptr);
  // Submitted Friday 25 April: the Saturday counts, then the 30 Apr-4 May break.
  CHECK(vn.add_working_days(d("2025-04-25"), 1) == d("2025-04-26"));
  CHECK(vn.add_working_days(d("2025-04-25"), 2) == d("2025-04-28"));
  CHECK(vn.add_working_days(d("2025-04-25"), 3) == d("2025-04-29"));
  CHECK(vn.add_working_days(d("2025-04-25"), 4) == d("2025-05-05"));
  // 2026: New Year 1-4 January with Saturday 10 January worked; Hùng Kings on a Sunday
  // gives Monday 27 April; National Day 29 Aug-2 Sep with Saturday 22 August worked.
  CHECK_FALSE(vn.is_working_day(d("2026-01-02")));
  CHECK(vn.is_working_day(d("2026-01-10")));
  CHECK_FALSE(vn.is_working_day(d("2026-04-27")));
  CHECK(vn.is_working_day(d("2026-08-22")));
  for (date x = d("2026-08-29"); x <= d("2026-09-02"); x += 1) CHECK_FALSE(vn.is_working_day(x));
  CHECK(vn.is_working_day(d("2026-09-03")));
  // 2025 National Day: 1-2 September.
  CHECK_FALSE(vn.is_working_day(d("2025-09-01")));
  CHECK_FALSE(vn.is_working_day(d("2025-09-02")));
  CHECK(vn.is_working_day(d("2025-09-03")));
}

TEST_CASE("calendar: the Vietnam data is consistent") {
  const holiday_calendar vn = vietnam_calendar();
  // Every year 2025-2031 has the 11 statutory days of Labour Code art. 112; substitute and
  // swapped days ("Nghỉ bù", "Nghỉ hoán đổi") fall on weekdays; worked days on weekends.
  for (int year = 2025; year <= 2031; ++year) {
    CAPTURE(year);
    int statutory = 0;
    for (const auto& h : vn.holidays()) {
      if (h.day.year() != year) continue;
      if (h.name_vi.rfind("Nghỉ", 0) == 0)
        CHECK(h.day.iso_weekday_index() < 5);
      else
        ++statutory;
      CHECK(!h.name_en.empty());
    }
    CHECK(statutory == 11);
    // Lunar New Year's day and Hùng Kings' day (lunar dates, UTC+7) are listed.
  }
  for (const auto& m : vn.makeup_days()) CHECK(m.day.iso_weekday_index() >= 5);
  const char* lunar_days[] = {"2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02", "2031-01-23",
                              "2025-04-07", "2026-04-26", "2027-04-16", "2028-04-04", "2029-04-23", "2030-04-12", "2031-04-01"};
  for (const char* iso : lunar_days) {
    CAPTURE(iso);
    CHECK(vn.find_holiday(d(iso)) != nullptr);
  }
  // Sorted, one entry per date.
  for (std::size_t i = 1; i < vn.holidays().size(); ++i) CHECK(vn.holidays()[i - 1].day < vn.holidays()[i].day);
  CHECK(vn.table_first() == d("2025-01-01"));
  CHECK(vn.table_last() == d("2031-12-31"));
}

TEST_CASE("calendar: the O(1) table agrees with a day-by-day walk (2025-2030, n in -80..80)") {
  // The preset's lists, over every date (the walks back from early 2025 leave the preset's years).
  const holiday_calendar vn(vietnam_calendar().holidays(), vietnam_calendar().makeup_days());
  const brute_calendar brute(vn);
  constexpr int max_n = 80;
  for (date start = d("2025-01-01"); start <= d("2030-12-31"); start += 1) {
    CAPTURE(start.to_string());
    REQUIRE(vn.is_working_day(start) == brute.is_working_day(start));
    const auto forward = brute.walk(start, +1, max_n);
    const auto backward = brute.walk(start, -1, max_n);
    for (int n = 0; n <= max_n; ++n) {
      if (vn.add_working_days(start, n) != forward[static_cast<std::size_t>(n)]) {
        CAPTURE(n);
        FAIL_CHECK("forward mismatch");
      }
      if (vn.add_working_days(start, -n) != backward[static_cast<std::size_t>(n)]) {
        CAPTURE(n);
        FAIL_CHECK("backward mismatch");
      }
      if (vn.working_days_between(start, forward[static_cast<std::size_t>(n)]) != n) {
        CAPTURE(n);
        FAIL_CHECK("working_days_between mismatch");
      }
    }
    // Also against the generic stepwise walk over the calendar's own is_working_day.
    CHECK(add_working_days_stepwise(vn, start, 37) == forward[37]);
    // The first working day on or after `start`: the table's answer is the walk's.
    date walked = start;
    while (!brute.is_working_day(walked)) walked += 1;
    if (vn.next_working_day(start) != walked) FAIL_CHECK("next_working_day mismatch");
  }
  // Counts between arbitrary pairs, including non-working ends.
  for (date a = d("2025-01-01"); a <= d("2030-12-31"); a += 17)
    for (std::int32_t span : {0, 1, 2, 6, 7, 30, 45, 60, 365}) {
      CHECK(vn.working_days_between(a, a + span) == brute.count(a, a + span));
      CHECK(vn.working_days_between(a + span, a) == -brute.count(a, a + span));
    }
}

TEST_CASE("calendar: dates outside the precomputed range are still correct") {
  const holiday_calendar vn = vietnam_calendar();
  // The same holidays with a table over two months only: every path (before the table,
  // into it, through it, out of it, after it) must give the full calendar's answers.
  const holiday_calendar narrow(vn.holidays(), vn.makeup_days(), d("2026-02-01"), d("2026-03-31"));
  const brute_calendar brute(vn);
  for (date start = d("2025-10-01"); start <= d("2026-07-01"); start += 1) {
    CAPTURE(start.to_string());
    CHECK(narrow.is_working_day(start) == vn.is_working_day(start));
    for (int n = -120; n <= 120; n += 7) {
      CAPTURE(n);
      CHECK(narrow.add_working_days(start, n) == vn.add_working_days(start, n));
    }
    CHECK(narrow.working_days_between(start, d("2026-03-15")) == vn.working_days_between(start, d("2026-03-15")));
    CHECK(narrow.working_days_between(d("2026-02-10"), start) == vn.working_days_between(d("2026-02-10"), start));
  }
  // Beyond the default table (2031), for a calendar that vouches for every date (the same
  // lists, no know_only): weekends only, no data for those years.
  const holiday_calendar everywhere(vn.holidays(), vn.makeup_days());
  CHECK(everywhere.add_working_days(d("2032-01-02"), 1) == d("2032-01-05"));  // Friday -> Monday
  CHECK(everywhere.add_working_days(d("2031-12-30"), 5) == d("2032-01-06"));  // crossing the end
  CHECK(everywhere.working_days_between(d("2031-12-30"), d("2032-01-06")) == 5);
  CHECK(everywhere.working_days_between(d("2032-01-06"), d("2031-12-30")) == -5);
  // Before it (2024): weekends only here, since no 2024 holidays are listed.
  CHECK(everywhere.add_working_days(d("2024-12-27"), 3) == d("2025-01-02"));  // 30, 31 Dec; 1 January is off
  CHECK(everywhere.add_working_days(d("2025-01-02"), -3) == d("2024-12-27"));  // 1 Jan, 31 Dec, 30 Dec, 27 Dec
  CHECK(everywhere.working_days_between(d("2024-12-27"), d("2025-01-02")) == 3);
  CHECK(brute.count(d("2024-12-27"), d("2025-01-02")) == 3);
  // The next working day out of the table, and across its end.
  CHECK(everywhere.next_working_day(d("2031-12-31")) == d("2031-12-31"));  // a Wednesday
  CHECK(everywhere.next_working_day(d("2032-01-03")) == d("2032-01-05"));  // Saturday -> Monday
  CHECK(narrow.next_working_day(d("2026-03-28")) == d("2026-03-30"));       // a Saturday at the table's end
  CHECK(narrow.next_working_day(d("2026-03-29")) == d("2026-03-30"));       // past it
  CHECK(narrow.next_working_day(d("2026-02-14")) == d("2026-02-23"));       // Tết, in the table
  // Far from the table in both directions.
  CHECK(everywhere.add_working_days(d("2000-01-07"), 1) == d("2000-01-10"));
  CHECK(everywhere.add_working_days(d("2040-01-09"), -1) == d("2040-01-06"));
}

TEST_CASE("calendar: a user-defined calendar works with due_date") {
  const six_day_week six;
  // Friday + 1 working day is the Saturday in a six-day week; Saturday + 1 is Monday.
  CHECK(due_date(six, d("2025-03-07"), 1, day_count::working) == d("2025-03-08"));
  CHECK(due_date(six, d("2025-03-08"), 1, day_count::working) == d("2025-03-10"));
  CHECK(due_date(six, d("2025-03-07"), 6, day_count::working) == d("2025-03-14"));
  CHECK(due_date(six, d("2025-03-07"), 30, day_count::calendar) == d("2025-04-07"));  // Sunday 6 April is off
  CHECK(roll_forward(six, d("2025-03-09")) == d("2025-03-10"));
}

TEST_CASE("calendar: adding holidays and make-up days") {
  holiday_calendar cal = vietnam_calendar();
  const auto before = cal.holidays().size();
  // A province closes its offices for a local event on Tuesday 10 March 2026.
  cal.add_holiday({d("2026-03-10"), "Ngày lễ địa phương", "Local holiday"});
  CHECK(cal.holidays().size() == before + 1);
  CHECK_FALSE(cal.is_working_day(d("2026-03-10")));
  CHECK(cal.add_working_days(d("2026-03-09"), 1) == d("2026-03-11"));
  // The same date again renames it rather than listing it twice.
  cal.add_holiday({d("2026-03-10"), "Lễ hội", "Festival"});
  CHECK(cal.holidays().size() == before + 1);
  CHECK(cal.find_holiday(d("2026-03-10"))->name_en == "Festival");
  // A Saturday worked.
  CHECK_FALSE(cal.is_working_day(d("2026-03-14")));
  cal.add_makeup_day({d("2026-03-14"), "Làm bù", "Make-up day"});
  CHECK(cal.is_working_day(d("2026-03-14")));
  CHECK(cal.add_working_days(d("2026-03-13"), 1) == d("2026-03-14"));
  // A holiday wins over a make-up day on the same date.
  cal.add_holiday({d("2026-03-14"), "Nghỉ", "Day off"});
  CHECK_FALSE(cal.is_working_day(d("2026-03-14")));
  // The original is untouched: calendars are values.
  CHECK(vietnam_calendar().is_working_day(d("2026-03-10")));

  // Built from a list in any order.
  const holiday_calendar own({{d("2027-01-05"), "B", "B"}, {d("2027-01-04"), "A", "A"}});
  REQUIRE(own.holidays().size() == 2);
  CHECK(own.holidays()[0].name_vi == "A");
  CHECK(own.add_working_days(d("2027-01-01"), 1) == d("2027-01-06"));  // Fri -> (Mon, Tue off) -> Wed
}
