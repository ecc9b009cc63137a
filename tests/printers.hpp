// Put before every test translation unit (tests/CMakeLists.txt): doctest and localgov's
// printers for its types, so that every translation unit sees the same StringMaker and
// toString for an id or a date. One that saw none would print ids as numbers, and two
// translation units that disagree would break the one-definition rule.
#pragma once

#include <doctest/doctest.h>
#include <localgov/testing.hpp>
