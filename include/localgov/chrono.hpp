// Conversions between localgov::date and std::chrono's calendar types. Opt-in, as
// <localgov/fmt.hpp> is: <chrono> is heavy, and date.hpp does its own arithmetic.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>

#include <chrono>

LOCALGOV_NAMESPACE_BEGIN

[[nodiscard]] constexpr std::chrono::sys_days to_sys_days(date d) noexcept {
  return std::chrono::sys_days{std::chrono::days{d.days_since_epoch()}};
}

[[nodiscard]] constexpr date to_date(std::chrono::sys_days d) noexcept {
  return date{static_cast<std::int32_t>(d.time_since_epoch().count())};
}

// What date::ymd() returned before date.hpp stopped including <chrono>.
[[nodiscard]] constexpr std::chrono::year_month_day ymd(date d) noexcept {
  return std::chrono::year_month_day{to_sys_days(d)};
}

LOCALGOV_NAMESPACE_END
