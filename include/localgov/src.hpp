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

// model
#include <localgov/model/impl/name_index.ipp>
#include <localgov/model/impl/organization.ipp>
#include <localgov/model/impl/queries.ipp>
#include <localgov/model/impl/validate.ipp>
#include <localgov/model/impl/views.ipp>
#include <localgov/model/impl/vocabulary.ipp>
