// The compiled part of localgov, for programs built with LOCALGOV_SEPARATE_COMPILATION:
// include this in exactly one translation unit (src/localgov.cpp does, for the
// localgov::compiled CMake target). It holds every non-template function body and the
// instantiations of the class templates for their default traits.
#pragma once

#if !defined(LOCALGOV_SEPARATE_COMPILATION)
#error "<localgov/src.hpp> is for builds with LOCALGOV_SEPARATE_COMPILATION defined; header-only builds need no source file"
#endif

#include <localgov/config.hpp>

#include <localgov/model/impl/queries.ipp>

// reports
#include <localgov/reports/impl/json.ipp>
#include <localgov/reports/impl/org_chart.ipp>
#include <localgov/reports/impl/status_report.ipp>
#include <localgov/reports/impl/table.ipp>

// planning
#include <localgov/planning/impl/projects_csv.ipp>
#include <localgov/planning/impl/report.ipp>
#include <localgov/planning/impl/select.ipp>
