// Civil dates as a day count: cheap to store, compare and subtract, ISO 8601 in and out.
#pragma once

#include <localgov/config.hpp>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

// Days since 1970-01-01 (proleptic Gregorian). 4 bytes, totally ordered.
class date {
 public:
  constexpr date() = default;
  constexpr explicit date(std::int32_t days_since_epoch) : days_(days_since_epoch) {}
  constexpr date(int year, unsigned month, unsigned day)
      : days_(static_cast<std::int32_t>(
            std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}
                .time_since_epoch()
                .count())) {}

  [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
  [[nodiscard]] constexpr std::chrono::year_month_day ymd() const noexcept {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_}}};
  }
  [[nodiscard]] constexpr int year() const noexcept { return static_cast<int>(ymd().year()); }
  [[nodiscard]] constexpr unsigned month() const noexcept { return static_cast<unsigned>(ymd().month()); }
  [[nodiscard]] constexpr unsigned day() const noexcept { return static_cast<unsigned>(ymd().day()); }
  // 0 = Monday ... 6 = Sunday (ISO 8601).
  [[nodiscard]] constexpr unsigned iso_weekday_index() const noexcept {
    return std::chrono::weekday{std::chrono::sys_days{std::chrono::days{days_}}}.iso_encoding() - 1;
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

  // Strict "YYYY-MM-DD" (years 1000-9999); nullopt for anything else, e.g. 2026-02-30.
  [[nodiscard]] static constexpr std::optional<date> parse(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
      out = 0;
      for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
      }
      return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || y < 1000) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return date{static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
  }

  // "YYYY-MM-DD".
  [[nodiscard]] std::string to_string() const {
    if (days_ == INT32_MAX) return "open";
    char buf[11];
    write_iso(buf);
    return std::string(buf, 10);
  }
  // Writes exactly 10 characters, no terminator; for hot output paths.
  void write_iso(char* out) const noexcept {
    auto put = [](char* p, unsigned v, int width) {
      for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
    };
    const auto ymd_value = ymd();
    put(out, static_cast<unsigned>(static_cast<int>(ymd_value.year())), 4);
    out[4] = '-';
    put(out + 5, static_cast<unsigned>(ymd_value.month()), 2);
    out[7] = '-';
    put(out + 8, static_cast<unsigned>(ymd_value.day()), 2);
  }

 private:
  std::int32_t days_ = 0;
};

LOCALGOV_NAMESPACE_END
