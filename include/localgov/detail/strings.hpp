// Small string helpers shared by messages and reports.
#pragma once

#include <localgov/config.hpp>

#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// Appends `item` to a `separator`-joined list. (Written out rather than as
// `out += (out.empty() ? "" : sep) + item`, which g++ 12 misreads under -Wrestrict.)
inline void append_joined(std::string& out, std::string_view separator, std::string_view item) {
  if (!out.empty()) out += separator;
  out += item;
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
