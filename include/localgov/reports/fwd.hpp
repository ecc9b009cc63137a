// Forward declarations of the reports module.
#pragma once

#include <localgov/config.hpp>

#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {
class table;
class json_writer;
struct status_row;
struct status_report;
enum class chart_posts : std::uint8_t;
struct org_chart_options;
}  // namespace reports
LOCALGOV_NAMESPACE_END
