// localgov::date's own civil-date arithmetic against std::chrono's (via <localgov/chrono.hpp>)
// and against fixed anchors. A TU of its own: it needs neither Boost nor the model.
#include <localgov/chrono.hpp>
#include <localgov/date.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>

using localgov::date;

namespace {

// What date computed through <chrono> before it did its own arithmetic.
std::int32_t chrono_days(int y, unsigned m, unsigned d) {
  return static_cast<std::int32_t>(
      std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}.time_since_epoch().count());
}

}  // namespace

TEST_CASE("date: every day 1900-2200 round-trips and agrees with std::chrono") {
  const date first(1900, 1, 1);
  const date last(2200, 12, 31);
  CHECK(first.days_since_epoch() == -25567);
  CHECK(last.days_since_epoch() == 84370);  // both anchors from Python's datetime
  // 1900-01-01 was a Monday.
  unsigned weekday = 0;
  std::int32_t expected = first.days_since_epoch();
  std::int64_t mismatches = 0;
  for (date d = first; d <= last; d += 1, ++expected, weekday = (weekday + 1) % 7) {
    const auto ymd = localgov::ymd(d);
    const int y = d.year();
    const unsigned m = d.month(), day = d.day();
    const bool agrees = d.days_since_epoch() == expected && static_cast<int>(ymd.year()) == y &&
                        static_cast<unsigned>(ymd.month()) == m && static_cast<unsigned>(ymd.day()) == day &&
                        date(y, m, day) == d && chrono_days(y, m, day) == expected &&
                        d.iso_weekday_index() == weekday &&
                        std::chrono::weekday{localgov::to_sys_days(d)}.iso_encoding() - 1 == weekday &&
                        date::parse(d.to_string()) == d;
    if (!agrees) {
      ++mismatches;
      INFO(d.to_string());
      CHECK(agrees);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("date: known anchors, far dates and the conversions of <localgov/chrono.hpp>") {
  CHECK(date(1970, 1, 1).days_since_epoch() == 0);
  CHECK(date(2000, 3, 1).days_since_epoch() == 11017);
  CHECK(date(2026, 3, 31).to_string() == "2026-03-31");
  CHECK(date(2026, 3, 31).iso_weekday_index() == 1);  // a Tuesday
  CHECK(date(1969, 12, 31).iso_weekday_index() == 2);  // a Wednesday, before the epoch
  // A day past the month's end counts on, as std::chrono's conversion does.
  CHECK(date(2026, 2, 29) == date(2026, 3, 1));
  CHECK(date(2026, 1, 32).days_since_epoch() == chrono_days(2026, 1, 32));
  // Every 97th day over years -30000..30000: the whole range std::chrono::year covers.
  for (std::int32_t n = chrono_days(-30000, 1, 1); n <= chrono_days(30000, 12, 31); n += 97) {
    const date d(n);
    const auto ymd = localgov::ymd(d);
    REQUIRE(d.year() == static_cast<int>(ymd.year()));
    REQUIRE(d.month() == static_cast<unsigned>(ymd.month()));
    REQUIRE(d.day() == static_cast<unsigned>(ymd.day()));
    REQUIRE(date(d.year(), d.month(), d.day()) == d);
    REQUIRE(d.iso_weekday_index() == std::chrono::weekday{localgov::to_sys_days(d)}.iso_encoding() - 1);
  }
  CHECK(localgov::to_date(localgov::to_sys_days(date(2025, 7, 1))) == date(2025, 7, 1));
  static_assert(date(2024, 2, 29).day() == 29);
  static_assert(date(2024, 2, 29).iso_weekday_index() == 3);  // a Thursday
  static_assert(localgov::ymd(date(2024, 2, 29)) == std::chrono::year{2024} / 2 / 29);
}

TEST_CASE("date::parse: strict ISO 8601, leap years by the Gregorian rule") {
  CHECK(date::parse("2024-02-29") == date(2024, 2, 29));
  CHECK(date::parse("2000-02-29") == date(2000, 2, 29));
  CHECK_FALSE(date::parse("1900-02-29"));
  CHECK_FALSE(date::parse("2026-02-29"));
  CHECK_FALSE(date::parse("2026-02-30"));
  CHECK_FALSE(date::parse("2026-04-31"));
  CHECK(date::parse("2026-12-31") == date(2026, 12, 31));
  CHECK_FALSE(date::parse("2026-13-01"));
  CHECK_FALSE(date::parse("2026-00-10"));
  CHECK_FALSE(date::parse("2026-01-00"));
  CHECK_FALSE(date::parse("0999-01-01"));
  CHECK(date::parse("9999-12-31") == date(9999, 12, 31));
  CHECK_FALSE(date::parse("2026-1-01"));
  // A character just outside '0'..'9' in every digit's place ('/' and ':' border them), a
  // letter, a byte of a UTF-8 sequence, a sign.
  for (std::size_t at : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    for (const char c : {'/', ':', 'O', '\xC3', '+', ' '}) {
      std::string text = "2026-11-27";
      text[at] = c;
      INFO(text);
      CHECK_FALSE(date::parse(text));
    }
  // Against std::chrono's ok() over every month and day 0..32 of a leap and a common year.
  for (const int y : {1900, 2000, 2024, 2026})
    for (unsigned m = 0; m <= 13; ++m)
      for (unsigned d = 0; d <= 32; ++d) {
        const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        char text[11];
        text[0] = static_cast<char>('0' + y / 1000);
        text[1] = static_cast<char>('0' + y / 100 % 10);
        text[2] = static_cast<char>('0' + y / 10 % 10);
        text[3] = static_cast<char>('0' + y % 10);
        text[4] = '-';
        text[5] = static_cast<char>('0' + m / 10);
        text[6] = static_cast<char>('0' + m % 10);
        text[7] = '-';
        text[8] = static_cast<char>('0' + d / 10);
        text[9] = static_cast<char>('0' + d % 10);
        text[10] = '\0';
        const auto parsed = date::parse(text);
        INFO(text);
        CHECK(parsed.has_value() == ymd.ok());
        if (parsed) CHECK(parsed->days_since_epoch() == chrono_days(y, m, d));
      }
}
