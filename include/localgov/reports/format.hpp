// {fmt} formatters for localgov's types: dates, enums and views of units, bodies, posts
// and persons (fmt::format("{}", view(org, unit)) prints "Phường Hòa Bình (04795, ...)").
// Opt-in (<localgov/fmt.hpp> has these and the planning ones); the umbrella leaves fmt out.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/graph.hpp>
#include <localgov/model/name_index.hpp>
#include <localgov/model/views.hpp>
#include <localgov/routing/rules.hpp>
#include <localgov/tracking/board.hpp>

#include <fmt/format.h>

#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {
// Types printed through a `to_string` found by argument-dependent lookup.
template <class T>
concept formattable_by_name = std::is_same_v<T, tier> || std::is_same_v<T, tiers> || std::is_same_v<T, channel> ||
                              std::is_same_v<T, link_kind> || std::is_same_v<T, node_kind> ||
                              std::is_same_v<T, body_category> || std::is_same_v<T, match_rank> ||
                              std::is_same_v<T, group_by>;
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
  requires localgov::detail::formattable_by_name<T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(T value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(to_string(value), ctx);
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
