// Bodies of planning/projects_csv.hpp: the projects CSV's cost, benefit and class fields, checked.
#pragma once

#include <localgov/planning/projects_csv.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {
namespace detail {

LOCALGOV_DECL std::int64_t read_cost(const io::csv_reader& csv, std::size_t col) {
  const std::string_view cost = csv.field(col);
  switch (const auto parsed = parse_amount(cost); parsed.status) {
    case amount_status::ok:
      return parsed.value;
    case amount_status::empty:
      csv.fail(col, "projects.bad_cost", "empty cost (expected a whole amount, e.g. 1200)");
    case amount_status::not_integer:
      csv.fail(col, "projects.bad_cost",
               "cost '" + std::string(cost) + "' is not a whole amount (expected digits only, e.g. 1200)");
    case amount_status::negative:
      csv.fail(col, "projects.negative_cost", "negative cost '" + std::string(cost) + "'");
    case amount_status::too_large:
      csv.fail(col, "projects.cost_too_large",
               "cost '" + std::string(cost) + "' is too large (at most " + std::to_string(max_cost) + ")");
  }
  return 0;
}

LOCALGOV_DECL benefit_amount read_benefit(const io::csv_reader& csv, std::size_t col) {
  const std::string_view benefit = csv.field(col);
  switch (const auto parsed = parse_benefit(benefit); parsed.status) {
    case benefit_status::ok:
      return parsed.value;
    case benefit_status::empty:
      csv.fail(col, "projects.bad_benefit", "empty benefit (expected a number, e.g. 12.5)");
    case benefit_status::not_numeric:
      csv.fail(col, "projects.bad_benefit", "benefit '" + std::string(benefit) + "' is not a number (expected e.g. 12.5)");
    case benefit_status::not_finite:
      csv.fail(col, "projects.non_finite_benefit", "benefit '" + std::string(benefit) + "' is not finite");
    case benefit_status::negative:
      csv.fail(col, "projects.negative_benefit", "negative benefit '" + std::string(benefit) + "'");
    case benefit_status::too_large:
      csv.fail(col, "projects.benefit_too_large",
               "benefit '" + std::string(benefit) + "' is too large (at most 1000000000)");
  }
  return {};
}

LOCALGOV_DECL std::optional<priority_class> read_class(const io::csv_reader& csv, std::size_t col) {
  const std::string_view name = csv.field(col);
  if (name.empty()) return std::nullopt;
  const std::optional<priority_class> given = parse_priority_class(name);
  if (!given)
    csv.fail(col, "projects.unknown_class",
             "unknown priority_class '" + std::string(name) +
                 "' (expected regional_connectivity, residential or other, or empty for the default)");
  return given;
}

}  // namespace detail
}  // namespace planning
LOCALGOV_NAMESPACE_END
