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
