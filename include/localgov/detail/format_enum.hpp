// One {fmt} formatter for every enum that names itself with a `format_as` beside its type
// (found by argument-dependent lookup): what fmt 11 does on its own, for the fmt 9 and 10
// that Debian and others ship.
#pragma once

#include <localgov/config.hpp>

#include <fmt/format.h>

#include <concepts>
#include <string_view>
#include <type_traits>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {
template <class T>
concept named_enum = std::is_enum_v<T> && requires(T value) {
  { format_as(value) } -> std::same_as<std::string_view>;
};
}  // namespace detail
LOCALGOV_NAMESPACE_END

#if FMT_VERSION < 110000
template <class T>
  requires localgov::detail::named_enum<T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(T value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(format_as(value), ctx);
  }
};
#endif
