// Version, the ABI namespace and the assertion hook shared by every localgov header.
#pragma once

#define LOCALGOV_VERSION_MAJOR 0
#define LOCALGOV_VERSION_MINOR 1
#define LOCALGOV_VERSION_PATCH 0

// Every public name lives in localgov::v0_1; the inline namespace keeps two
// incompatible builds of the library from being linked into one program silently.
#define LOCALGOV_NAMESPACE_BEGIN namespace localgov { inline namespace v0_1 {
#define LOCALGOV_NAMESPACE_END } }

// Programmer errors (broken preconditions) are assertions; users may route them to
// their own handler by defining LOCALGOV_ASSERT before the first localgov include.
#ifndef LOCALGOV_ASSERT
#include <cassert>
#define LOCALGOV_ASSERT(condition, message) assert((condition) && (message))
#endif
