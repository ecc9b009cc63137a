// Reads the projects CSV (id,unit_code,title,cost,benefit[,priority_class][,serves]) into
// planning::project values, reporting every malformed value as FILE:LINE:COLUMN.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/planning/select.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

namespace detail {

[[nodiscard]] inline std::string_view trim_spaces(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace detail

// Parses projects from CSV text. Columns are found by name, in any order, extra columns ignored:
//   id              required, non-empty, unique in the file
//   unit_code       required: the proposing unit, known to `lookup`
//   title           required column (the value may be empty)
//   cost            whole amount, digits only, 0 <= cost <= max_cost
//   benefit         a number, finite, 0 <= benefit <= 10^9 (kept to a millionth; see parse_benefit)
//   priority_class  optional column; regional_connectivity, residential or other; empty or absent:
//                   the default class from the units served (apply_default_class)
//   serves          optional column; unit codes joined by ';' (spaces around a code are ignored),
//                   each known to `lookup`; empty: the proposing unit alone
// Throws input_error with FILE:LINE:COLUMN of the offending field and a stable id: the CSV
// reader's own ("csv.*"), "projects.empty_id", "projects.duplicate_id" (naming the earlier line),
// "projects.empty_unit_code", "projects.unknown_unit", "projects.bad_cost",
// "projects.negative_cost", "projects.cost_too_large", "projects.bad_benefit",
// "projects.non_finite_benefit", "projects.negative_benefit", "projects.benefit_too_large",
// "projects.unknown_class", "projects.empty_served_unit", "projects.unknown_served_unit".
// Complexity: O(text size + n log n), plus one lookup per unit code.
template <UnitLookup Lookup>
[[nodiscard]] std::vector<project> read_projects_csv(std::string_view text, std::string file, const Lookup& lookup) {
  io::csv_reader csv(text, std::move(file));
  const std::size_t id_col = csv.require_column("id");
  const std::size_t unit_col = csv.require_column("unit_code");
  const std::size_t title_col = csv.require_column("title");
  const std::size_t cost_col = csv.require_column("cost");
  const std::size_t benefit_col = csv.require_column("benefit");
  const std::optional<std::size_t> class_col = csv.find_column("priority_class");
  const std::optional<std::size_t> serves_col = csv.find_column("serves");

  std::vector<project> projects;
  std::map<std::string, std::uint32_t, std::less<>> line_of_id;
  while (csv.next()) {
    project p;
    p.line = csv.line();

    const std::string_view id = csv.field(id_col);
    if (id.empty()) csv.fail(id_col, "projects.empty_id", "empty project id");
    if (const auto it = line_of_id.find(id); it != line_of_id.end())
      csv.fail(id_col, "projects.duplicate_id",
               "duplicate project id '" + std::string(id) + "' (first on line " + std::to_string(it->second) + ")");
    line_of_id.emplace(std::string(id), p.line);
    p.id = std::string(id);

    const std::string_view unit = csv.field(unit_col);
    if (unit.empty()) csv.fail(unit_col, "projects.empty_unit_code", "empty unit_code (expected the proposing unit's code)");
    if (!lookup(unit)) csv.fail(unit_col, "projects.unknown_unit", "unknown unit code '" + std::string(unit) + "'");
    p.unit_code = std::string(unit);
    p.title = std::string(csv.field(title_col));

    const std::string_view cost = csv.field(cost_col);
    switch (const auto parsed = parse_amount(cost); parsed.status) {
      case amount_status::ok:
        p.cost = parsed.value;
        break;
      case amount_status::empty:
        csv.fail(cost_col, "projects.bad_cost", "empty cost (expected a whole amount, e.g. 1200)");
      case amount_status::not_integer:
        csv.fail(cost_col, "projects.bad_cost",
                 "cost '" + std::string(cost) + "' is not a whole amount (expected digits only, e.g. 1200)");
      case amount_status::negative:
        csv.fail(cost_col, "projects.negative_cost", "negative cost '" + std::string(cost) + "'");
      case amount_status::too_large:
        csv.fail(cost_col, "projects.cost_too_large",
                 "cost '" + std::string(cost) + "' is too large (at most " + std::to_string(max_cost) + ")");
    }

    const std::string_view benefit = csv.field(benefit_col);
    switch (const auto parsed = parse_benefit(benefit); parsed.status) {
      case benefit_status::ok:
        p.benefit = parsed.value;
        break;
      case benefit_status::empty:
        csv.fail(benefit_col, "projects.bad_benefit", "empty benefit (expected a number, e.g. 12.5)");
      case benefit_status::not_numeric:
        csv.fail(benefit_col, "projects.bad_benefit",
                 "benefit '" + std::string(benefit) + "' is not a number (expected e.g. 12.5)");
      case benefit_status::not_finite:
        csv.fail(benefit_col, "projects.non_finite_benefit", "benefit '" + std::string(benefit) + "' is not finite");
      case benefit_status::negative:
        csv.fail(benefit_col, "projects.negative_benefit", "negative benefit '" + std::string(benefit) + "'");
      case benefit_status::too_large:
        csv.fail(benefit_col, "projects.benefit_too_large",
                 "benefit '" + std::string(benefit) + "' is too large (at most 1000000000)");
    }

    std::optional<priority_class> given;
    if (class_col && !csv.field(*class_col).empty()) {
      const std::string_view name = csv.field(*class_col);
      given = parse_priority_class(name);
      if (!given)
        csv.fail(*class_col, "projects.unknown_class",
                 "unknown priority_class '" + std::string(name) +
                     "' (expected regional_connectivity, residential or other, or empty for the default)");
    }

    if (serves_col && !csv.field(*serves_col).empty()) {
      std::string_view rest = csv.field(*serves_col);
      for (;;) {
        const std::size_t semicolon = rest.find(';');
        const std::string_view code = detail::trim_spaces(rest.substr(0, semicolon));
        if (code.empty())
          csv.fail(*serves_col, "projects.empty_served_unit",
                   "empty unit code in serves (expected codes joined by ';', e.g. 04795;04828)");
        if (!lookup(code))
          csv.fail(*serves_col, "projects.unknown_served_unit", "unknown unit code '" + std::string(code) + "' in serves");
        p.serves.emplace_back(code);
        if (semicolon == std::string_view::npos) break;
        rest.remove_prefix(semicolon + 1);
      }
    }

    if (given)
      p.priority = *given;
    else
      apply_default_class(p, lookup);
    projects.push_back(std::move(p));
  }
  return projects;
}

// Reads and parses a projects file; see read_projects_csv. Throws input_error("io.cannot_read")
// when the file cannot be read. Complexity: that of read_projects_csv.
template <UnitLookup Lookup>
[[nodiscard]] std::vector<project> load_projects_csv(const std::string& path, const Lookup& lookup) {
  const std::string text = io::read_file(path);
  return read_projects_csv(text, path, lookup);
}

}  // namespace planning
LOCALGOV_NAMESPACE_END
