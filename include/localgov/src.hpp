// The compiled part of localgov, for programs built with LOCALGOV_SEPARATE_COMPILATION:
// include this in exactly one translation unit (src/localgov.cpp does, for the
// localgov::compiled CMake target). It holds every non-template function body and the
// instantiations of the class templates for their default traits.
#pragma once

#if !defined(LOCALGOV_SEPARATE_COMPILATION)
#error "<localgov/src.hpp> is for builds with LOCALGOV_SEPARATE_COMPILATION defined; header-only builds need no source file"
#endif

#include <localgov/config.hpp>

// io
#include <localgov/io/impl/changes_csv.ipp>
#include <localgov/io/impl/csv.ipp>
#include <localgov/io/impl/file.ipp>
#include <localgov/io/impl/graphviz.ipp>
#include <localgov/io/impl/officials_csv.ipp>
#include <localgov/io/impl/proposals_csv.ipp>
#include <localgov/io/impl/rules_csv.ipp>
#include <localgov/io/impl/units_csv.ipp>

#include <localgov/model/impl/queries.ipp>

// presets
#include <localgov/presets/impl/vietnam_2025.ipp>
#include <localgov/presets/impl/vietnam_rules.ipp>
