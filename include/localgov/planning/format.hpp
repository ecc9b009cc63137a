// {fmt} formatters for the planning types: priority classes, decision reasons and
// selection methods print as their names, benefits as exact decimals. Opt-in, like
// reports/format.hpp (<localgov/fmt.hpp> has both): fmt's formatting machinery is the
// dearest header a program could include for nothing.
#pragma once

#include <localgov/config.hpp>
#include <localgov/planning/select.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {
// Planning enums printed through their `to_string`.
template <class T>
concept planning_name = std::is_same_v<T, planning::priority_class> || std::is_same_v<T, planning::decision_reason> ||
                        std::is_same_v<T, planning::selection_method>;
}  // namespace detail
LOCALGOV_NAMESPACE_END

template <class T>
  requires localgov::detail::planning_name<T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(T value, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(value), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::benefit_amount> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::benefit_amount b, FormatContext& ctx) const {
    const std::string text = b.to_string();
    return fmt::formatter<std::string_view>::format(text, ctx);
  }
};

