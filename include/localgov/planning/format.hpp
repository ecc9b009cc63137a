// {fmt} formatters for the planning types: priority classes, decision reasons and
// selection methods print as their names, benefits as exact decimals. Opt-in, like
// reports/format.hpp (<localgov/fmt.hpp> has both): fmt's formatting machinery is the
// dearest header a program could include for nothing.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/format_enum.hpp>
#include <localgov/planning/select.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>

template <>
struct fmt::formatter<localgov::planning::benefit_amount> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::benefit_amount b, FormatContext& ctx) const {
    const std::string text = b.to_string();
    return fmt::formatter<std::string_view>::format(text, ctx);
  }
};

