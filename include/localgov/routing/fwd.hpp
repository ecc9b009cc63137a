// Forward declarations of the routing module.
#pragma once

#include <localgov/config.hpp>

#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
enum class channel : std::uint8_t;
enum class rule_id : std::uint16_t;
enum class day_count : std::uint8_t;
enum class proposal_id : std::uint32_t;
struct rule;
class rule_set;
struct route_result;
struct route_explanation;
struct compilation_duty;
class holiday_calendar;
class escalation_graph;
class proposal_list;
LOCALGOV_NAMESPACE_END
