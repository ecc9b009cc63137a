// {fmt} formatters for localgov's types: dates, enums (by their format_as:
// detail/format_enum.hpp) and views of units, bodies, posts and persons
// (fmt::format("{}", view(org, unit)) prints "Phường Hòa Bình (04795, ...)").
// Opt-in (<localgov/fmt.hpp> has these and the planning ones); the umbrella leaves fmt out.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/detail/format_enum.hpp>
#include <localgov/model/graph.hpp>
#include <localgov/model/name_index.hpp>
#include <localgov/model/views.hpp>
#include <localgov/routing/rules.hpp>
#include <localgov/tracking/board.hpp>

#include <fmt/format.h>

#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {
template <class T>
concept describable = std::is_same_v<T, unit_view> || std::is_same_v<T, body_view> || std::is_same_v<T, post_view> ||
                      std::is_same_v<T, person_view>;
}  // namespace detail
LOCALGOV_NAMESPACE_END

template <>
struct fmt::formatter<localgov::date> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(localgov::date d, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(d.to_string(), ctx);
  }
};

template <class T>
  requires localgov::detail::describable<T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const T& value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(describe(value), ctx);
  }
};
