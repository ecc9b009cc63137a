// Civil dates as a day count: cheap to store, compare and subtract, ISO 8601 in and out.
#pragma once

#include <localgov/config.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

// Proleptic Gregorian arithmetic on day counts, after Howard Hinnant's public-domain
// "chrono-Compatible Low-Level Date Algorithms": <chrono> would give the same answers
// but costs every translation unit that includes a date its parse time.
struct civil_day {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

// Days since 1970-01-01. A day past the month's end counts on into the next month,
// as std::chrono's conversion does.
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  year -= month <= 2;
  const std::int64_t month_from_march = month > 2 ? std::int64_t{month} - 3 : std::int64_t{month} + 9;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + std::int64_t{day} - 1;  // [0, 365]
  if (year >= 0) {
    // Every date in practice: the same count as below with the eras folded in, in unsigned
    // divisions by constants (a multiply each; signed ones cost more, and loaders parse
    // millions of dates).
    const auto y = static_cast<std::uint64_t>(year);
    return static_cast<std::int64_t>(y * 365 + y / 4 - y / 100 + y / 400) + day_of_year - 719468;
  }
  const std::int64_t era = (year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;  // [0, 399]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

[[nodiscard]] constexpr civil_day civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  const auto day = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  return {static_cast<int>(year_of_era + era * 400 + (month <= 2)), month, day};
}

[[nodiscard]] constexpr bool is_leap_year(int year) noexcept {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

[[nodiscard]] constexpr unsigned days_in_month(int year, unsigned month) noexcept {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

}  // namespace detail

// Days since 1970-01-01 (proleptic Gregorian). 4 bytes, totally ordered.
class date {
 public:
  constexpr date() = default;
  constexpr explicit date(std::int32_t days_since_epoch) : days_(days_since_epoch) {}
  constexpr date(int year, unsigned month, unsigned day)
      : days_(static_cast<std::int32_t>(detail::days_from_civil(year, month, day))) {}

  [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
  // As std::chrono::year_month_day: ymd(date) in <localgov/chrono.hpp>.
  [[nodiscard]] constexpr int year() const noexcept { return detail::civil_from_days(days_).year; }
  [[nodiscard]] constexpr unsigned month() const noexcept { return detail::civil_from_days(days_).month; }
  [[nodiscard]] constexpr unsigned day() const noexcept { return detail::civil_from_days(days_).day; }
  // 0 = Monday ... 6 = Sunday (ISO 8601); 1970-01-01 was a Thursday.
  [[nodiscard]] constexpr unsigned iso_weekday_index() const noexcept {
    return static_cast<unsigned>((std::int64_t{days_} % 7 + 7 + 3) % 7);
  }

  [[nodiscard]] constexpr date operator+(std::int32_t days) const noexcept { return date{days_ + days}; }
  [[nodiscard]] constexpr date operator-(std::int32_t days) const noexcept { return date{days_ - days}; }
  [[nodiscard]] constexpr std::int32_t operator-(date other) const noexcept { return days_ - other.days_; }
  constexpr date& operator+=(std::int32_t days) noexcept {
    days_ += days;
    return *this;
  }
  friend constexpr auto operator<=>(date, date) = default;

  // The largest representable date: an open end ("no end date").
  [[nodiscard]] static constexpr date max() noexcept { return date{INT32_MAX}; }
  // The dates localgov reads and writes as YYYY-MM-DD: 1000-01-01 to 9999-12-31. Date
  // arithmetic that leaves them (a deadline) is an error where it is done.
  [[nodiscard]] static constexpr date first() noexcept { return date{1000, 1, 1}; }
  [[nodiscard]] static constexpr date last() noexcept { return date{9999, 12, 31}; }

  // Strict "YYYY-MM-DD" (years 1000-9999); nullopt for anything else, e.g. 2026-02-30.
  [[nodiscard]] static constexpr std::optional<date> parse(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    // The eight digits checked together, one test and no branch per character: a loader
    // parses millions of dates.
    unsigned not_digit = 0;
    auto digit = [&](std::size_t i) {
      const unsigned value = static_cast<unsigned>(static_cast<unsigned char>(text[i])) - unsigned{'0'};  // wraps below '0'
      not_digit |= static_cast<unsigned>(value > 9);
      return value;
    };
    const unsigned y = ((digit(0) * 10 + digit(1)) * 10 + digit(2)) * 10 + digit(3);
    const unsigned m = digit(5) * 10 + digit(6), d = digit(8) * 10 + digit(9);
    if (not_digit != 0 || y < 1000) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > detail::days_in_month(static_cast<int>(y), m)) return std::nullopt;
    return date{static_cast<int>(y), m, d};
  }

  // "YYYY-MM-DD"; a date outside first()..last() with its whole year ("10000-02-18"), never
  // a year cut to four digits.
  [[nodiscard]] std::string to_string() const {
    if (days_ == INT32_MAX) return "open";
    char buf[11];
    if (*this < first() || *this > last()) {
      const auto civil = detail::civil_from_days(days_);
      write_iso(buf);  // month and day
      return std::to_string(civil.year) + std::string(buf + 4, 6);
    }
    write_iso(buf);
    return std::string(buf, 10);
  }
  // Writes exactly 10 characters, no terminator; for hot output paths (a date within
  // first()..last()).
  void write_iso(char* out) const noexcept {
    auto put = [](char* p, unsigned v, int width) {
      for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
    };
    const detail::civil_day civil = detail::civil_from_days(days_);
    put(out, static_cast<unsigned>(civil.year), 4);
    out[4] = '-';
    put(out + 5, civil.month, 2);
    out[7] = '-';
    put(out + 8, civil.day, 2);
  }

 private:
  std::int32_t days_ = 0;
};

LOCALGOV_NAMESPACE_END
