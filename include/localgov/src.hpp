// The compiled part of localgov, for programs built with LOCALGOV_SEPARATE_COMPILATION:
// include this in exactly one translation unit (src/localgov.cpp does, for the
// localgov::compiled CMake target). It holds every non-template function body and the
// instantiations of the class templates for their default traits.
#pragma once

#if !defined(LOCALGOV_SEPARATE_COMPILATION)
#error "<localgov/src.hpp> is for builds with LOCALGOV_SEPARATE_COMPILATION defined; header-only builds need no source file"
#endif

#include <localgov/config.hpp>

// core (date, error)
#include <localgov/impl/error.ipp>

// detail
#include <localgov/detail/impl/fold.ipp>
#include <localgov/detail/impl/pipeline.ipp>

// io
#include <localgov/io/events_csv.hpp>
#include <localgov/io/impl/changes_csv.ipp>
#include <localgov/io/impl/csv.ipp>
#include <localgov/io/impl/file.ipp>
#include <localgov/io/impl/graphviz.ipp>
#include <localgov/io/impl/officials_csv.ipp>
#include <localgov/io/impl/proposals_csv.ipp>
#include <localgov/io/impl/rules_csv.ipp>
#include <localgov/io/impl/units_csv.ipp>

LOCALGOV_NAMESPACE_BEGIN
template void io::read_events<tracker>(tracker&, io::input_text, std::string, io::read_options);
LOCALGOV_NAMESPACE_END

// model
#include <localgov/model/impl/name_index.ipp>
#include <localgov/model/impl/organization.ipp>
#include <localgov/model/impl/queries.ipp>
#include <localgov/model/impl/validate.ipp>
#include <localgov/model/impl/views.ipp>
#include <localgov/model/impl/vocabulary.ipp>

// planning
#include <localgov/planning/impl/projects_csv.ipp>
#include <localgov/planning/impl/report.ipp>
#include <localgov/planning/impl/select.ipp>

// presets
#include <localgov/presets/impl/vietnam_2025.ipp>
#include <localgov/presets/impl/vietnam_calendar.ipp>
#include <localgov/presets/impl/vietnam_deciders.ipp>
#include <localgov/presets/impl/vietnam_rules.ipp>

// reports
#include <localgov/reports/status_report.hpp>
#include <localgov/reports/impl/json.ipp>
#include <localgov/reports/impl/org_chart.ipp>
#include <localgov/reports/impl/status_report.ipp>
#include <localgov/reports/impl/table.ipp>

LOCALGOV_NAMESPACE_BEGIN
template reports::status_report reports::make_status_report<tracker>(const tracker&, date, group_by, std::optional<unit_id>, unsigned);
LOCALGOV_NAMESPACE_END

// routing
#include <localgov/routing/impl/calendar.ipp>
#include <localgov/routing/impl/compilation.ipp>
#include <localgov/routing/impl/escalation.ipp>
#include <localgov/routing/impl/proposals.ipp>
#include <localgov/routing/impl/rules.ipp>
#include <localgov/routing/routing_table.hpp>

LOCALGOV_NAMESPACE_BEGIN
template class basic_routing_table<>;
LOCALGOV_NAMESPACE_END

// tracking
#include <localgov/tracking/impl/tracker.ipp>

LOCALGOV_NAMESPACE_BEGIN
template class basic_tracker<>;
LOCALGOV_NAMESPACE_END
