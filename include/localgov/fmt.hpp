// {fmt} formatters for every localgov type that prints: dates, enums, views of units,
// bodies, posts and persons, and the planning types. Opt-in: <localgov/localgov.hpp>
// does not include fmt, whose formatting machinery would cost every translation unit
// that includes the umbrella without formatting anything.
#pragma once

#include <localgov/planning/format.hpp>
#include <localgov/reports/format.hpp>
