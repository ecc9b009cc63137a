// Forward declarations of the reports module.
#pragma once

#include <localgov/config.hpp>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {
class table;
class json_writer;
struct status_row;
struct status_report;
}  // namespace reports
LOCALGOV_NAMESPACE_END
