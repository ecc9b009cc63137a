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

// The cost in column `col` of the current row; throws input_error "projects.bad_cost",
// "projects.negative_cost" or "projects.cost_too_large" when it is not a valid amount.
[[nodiscard]] LOCALGOV_DECL std::int64_t read_cost(const io::csv_reader& csv, std::size_t col);

// The benefit in column `col` of the current row; throws input_error "projects.bad_benefit",
// "projects.non_finite_benefit", "projects.negative_benefit" or "projects.benefit_too_large".
[[nodiscard]] LOCALGOV_DECL benefit_amount read_benefit(const io::csv_reader& csv, std::size_t col);

// The priority class in column `col` of the current row, nullopt when empty; throws input_error
// "projects.unknown_class" for anything but a class name.
[[nodiscard]] LOCALGOV_DECL std::optional<priority_class> read_class(const io::csv_reader& csv, std::size_t col);

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

    p.cost = detail::read_cost(csv, cost_col);

    p.benefit = detail::read_benefit(csv, benefit_col);

    const std::optional<priority_class> given = class_col ? detail::read_class(csv, *class_col) : std::nullopt;

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

#if LOCALGOV_HEADER_ONLY
#include <localgov/planning/impl/projects_csv.ipp>
#endif
