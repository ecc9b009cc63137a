// Forward declarations of every module: include this in headers that only name types.
#pragma once

#include <localgov/detail/fwd.hpp>
#include <localgov/io/fwd.hpp>
#include <localgov/model/fwd.hpp>
#include <localgov/planning/fwd.hpp>
#include <localgov/presets/fwd.hpp>
#include <localgov/reports/fwd.hpp>
#include <localgov/routing/fwd.hpp>
#include <localgov/tracking/fwd.hpp>
