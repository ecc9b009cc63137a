// Everything localgov offers, in one include, except the {fmt} formatters for its types
// (<localgov/fmt.hpp>: opt-in, as fmt's own formatters for std types are) and the
// conversions between date and std::chrono (<localgov/chrono.hpp>: opt-in, as <chrono>
// is heavy). Prefer the module headers, or separate compilation (config.hpp), in code
// that cares about compile time.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/changes_csv.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/events_csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/io/rules_csv.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/name_index.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/model/queries.hpp>
#include <localgov/model/validate.hpp>
#include <localgov/model/views.hpp>
#include <localgov/planning/projects_csv.hpp>
#include <localgov/planning/report.hpp>
#include <localgov/planning/select.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/json.hpp>
#include <localgov/reports/org_chart.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/reports/table.hpp>
#include <localgov/routing/calendar.hpp>
#include <localgov/routing/channel.hpp>
#include <localgov/routing/compilation.hpp>
#include <localgov/routing/escalation.hpp>
#include <localgov/routing/proposals.hpp>
#include <localgov/routing/routing_table.hpp>
#include <localgov/tracking/board.hpp>
#include <localgov/tracking/lifecycle.hpp>
#include <localgov/tracking/tracker.hpp>
