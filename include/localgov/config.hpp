// Version, the ABI namespace and the assertion hook shared by every localgov header.
#pragma once

#define LOCALGOV_VERSION_MAJOR 0
#define LOCALGOV_VERSION_MINOR 1
#define LOCALGOV_VERSION_PATCH 0

// Every public name lives in localgov::v0_1; the inline namespace keeps two
// incompatible builds of the library from being linked into one program silently.
#define LOCALGOV_NAMESPACE_BEGIN namespace localgov { inline namespace v0_1 {
#define LOCALGOV_NAMESPACE_END } }

// Header-only by default: every function body is in the headers. A program that
// defines LOCALGOV_SEPARATE_COMPILATION everywhere (the localgov::compiled CMake target
// does) compiles the non-template bodies, and the instantiations for the default traits,
// once, in the one translation unit that includes <localgov/src.hpp>; every other
// translation unit then sees declarations only and compiles several times faster.
// LOCALGOV_DECL marks a function whose body lives in a module's impl/*.ipp file.
#if defined(LOCALGOV_SEPARATE_COMPILATION)
#define LOCALGOV_HEADER_ONLY 0
#define LOCALGOV_DECL
#else
#define LOCALGOV_HEADER_ONLY 1
#define LOCALGOV_DECL inline
#endif

// Programmer errors (broken preconditions) are assertions; users may route them to
// their own handler by defining LOCALGOV_ASSERT before the first localgov include.
#ifndef LOCALGOV_ASSERT
#include <cassert>
#define LOCALGOV_ASSERT(condition, message) assert((condition) && (message))
#endif
