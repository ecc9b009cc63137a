// Forward declarations of the routing module, and the Calendar concept its templates take.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>

#include <concepts>
#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
enum class channel : std::uint8_t;
enum class rule_id : std::uint16_t;
enum class day_count : std::uint8_t;
enum class deadline_kind : std::uint8_t;
enum class proposal_id : std::uint32_t;
struct rule;
class rule_set;
struct proposal;
struct add_result;
struct route_result;
struct route_explanation;
struct compilation_duty;
class holiday_calendar;
class escalation_graph;
class proposal_list;

// What routing needs from a calendar. `add_working_days(d, n)` follows the convention of
// `due_date` (routing/calendar.hpp); `holiday_calendar` is the stock model, and any type
// with these two members can replace it (a province's own calendar, a six-day week, a
// test double).
template <class C>
concept Calendar = requires(const C& cal, date d, std::int32_t n) {
  { cal.is_working_day(d) } -> std::convertible_to<bool>;
  { cal.add_working_days(d, n) } -> std::same_as<date>;
};

// Unconstrained here so that the alias below names it before holiday_calendar is complete;
// the class checks Calendar<Cal> itself.
template <class Cal = holiday_calendar>
class basic_routing_table;
using routing_table = basic_routing_table<>;
LOCALGOV_NAMESPACE_END
