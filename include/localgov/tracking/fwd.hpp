// Forward declarations of the tracking module, and the Lifecycle concept its templates take.
#pragma once

#include <localgov/config.hpp>
#include <localgov/routing/fwd.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
// A status is a small index into the lifecycle's tables.
using status_index = std::uint8_t;

// What a lifecycle provides: a count of statuses (at most 16), their names, the
// initial status, which are final, and which transitions are allowed.
template <class L>
concept Lifecycle = requires(status_index s) {
  { L::status_count } -> std::convertible_to<std::size_t>;
  { L::initial } -> std::convertible_to<status_index>;
  { L::name(s) } -> std::convertible_to<std::string_view>;
  { L::is_final(s) } -> std::convertible_to<bool>;
  { L::allowed(s, s) } -> std::convertible_to<bool>;
} && (L::status_count <= 16);

enum class group_by : std::uint8_t;
struct default_lifecycle;
struct status_event;
struct board_keys;
class event_log;
class status_board;

// Unconstrained here so that the alias below names it before its arguments are complete;
// the class checks Lifecycle<L> and Calendar<Cal> itself.
template <class L = default_lifecycle, class Cal = holiday_calendar>
class basic_tracker;
using tracker = basic_tracker<>;
LOCALGOV_NAMESPACE_END
