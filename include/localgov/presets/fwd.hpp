// Forward declarations of the presets module.
#pragma once

#include <localgov/config.hpp>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {
struct vietnam_options;
}
LOCALGOV_NAMESPACE_END
