// Forward declarations of the tracking module.
#pragma once

#include <localgov/config.hpp>

#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
using status_index = std::uint8_t;
enum class group_by : std::uint8_t;
struct default_lifecycle;
struct status_event;
struct board_keys;
class event_log;
class status_board;
LOCALGOV_NAMESPACE_END
