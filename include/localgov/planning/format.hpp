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

template <>
struct fmt::formatter<localgov::planning::priority_class> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::priority_class c, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(c), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::decision_reason> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::decision_reason r, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(r), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::selection_method> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::selection_method m, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(m), ctx);
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

