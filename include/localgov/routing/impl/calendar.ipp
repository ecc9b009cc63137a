// Bodies of routing/calendar.hpp: building holiday_calendar's tables.
#pragma once

#include <localgov/routing/calendar.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL void detail::throw_deadline_out_of_range(date start, std::int32_t days, date due) {
  throw error("date.out_of_range", "a deadline " + std::to_string(days) + " days after " + start.to_string() + " falls on " +
                                       due.to_string() + ", past " + date::last().to_string() + ", the last date localgov handles");
}

LOCALGOV_DECL holiday_calendar::holiday_calendar(std::vector<holiday> holidays, std::vector<makeup_day> makeup_days,
                                                 date table_first, date table_last)
    : first_(table_first), last_(table_last) {
  LOCALGOV_ASSERT(table_first <= table_last, "holiday_calendar: the table range is empty");
  for (auto& h : holidays) insert_sorted(holidays_, std::move(h));
  for (auto& m : makeup_days) insert_sorted(makeup_days_, std::move(m));
  rebuild();
}

LOCALGOV_DECL void holiday_calendar::add_holiday(holiday h) {
  insert_sorted(holidays_, std::move(h));
  rebuild();
}

LOCALGOV_DECL void holiday_calendar::add_makeup_day(makeup_day m) {
  insert_sorted(makeup_days_, std::move(m));
  rebuild();
}

LOCALGOV_DECL void holiday_calendar::rebuild() {
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

LOCALGOV_DECL void holiday_calendar::throw_unknown(date d) const {
  throw error("calendar.unknown_days_off", "the calendar knows the days off from " + known_first_.to_string() + " to " +
                                               known_last_.to_string() + " only, and cannot count on " + d.to_string() +
                                               " (list that year's holidays and widen it with know_only)");
}

LOCALGOV_DECL holiday_calendar::holiday_calendar(const holiday_calendar& other) = default;
LOCALGOV_DECL holiday_calendar::holiday_calendar(holiday_calendar&& other) noexcept = default;
LOCALGOV_DECL holiday_calendar& holiday_calendar::operator=(const holiday_calendar& other) = default;
LOCALGOV_DECL holiday_calendar& holiday_calendar::operator=(holiday_calendar&& other) noexcept = default;
LOCALGOV_DECL holiday_calendar::~holiday_calendar() = default;

LOCALGOV_NAMESPACE_END
