// The detail module has no public names; this header exists so every module has one.
#pragma once

#include <localgov/config.hpp>
