// Body of io/changes_csv.hpp: applying dated amendments to units.
#pragma once

#include <localgov/io/changes_csv.hpp>

#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/organization.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

LOCALGOV_DECL std::size_t read_changes(organization_core& org, input_text text, std::string file, date as_of) {
  csv_reader csv(text, file);
  const auto effective_col = csv.require_column("effective");
  const auto code_col = csv.require_column("code");
  const auto name_col = csv.require_column("name");
  const auto kind_col = csv.require_column("kind");
  const auto parent_col = csv.require_column("parent_code");
  // Every row checked first; those in force then applied by effective date (in file
  // order within a date), so that an older amendment listed later never wins.
  struct amendment {
    date effective;
    unit_id unit;
    std::string name;
    unit_kind kind;
  };
  std::vector<amendment> in_force;
  while (csv.next()) {
    const auto effective = parse_date_field(csv, effective_col, "effective date");
    const auto unit = org.find_unit(csv.field(code_col));
    if (!unit)
      csv.fail(code_col, "changes.unknown_unit",
               "unknown unit code '" + excerpt(csv.field(code_col)) + "' (expected a unit of the units file; new units are not supported)");
    const auto name = csv.field(name_col);
    if (name.empty()) csv.fail(name_col, "changes.empty_name", "empty unit name");
    const auto kind = org.find_unit_kind(csv.field(kind_col));
    if (!kind) csv.fail(kind_col, "changes.unknown_kind", "unknown unit kind '" + excerpt(csv.field(kind_col)) + "'");
    const auto& u = org.unit(*unit);
    if (org.kind_info(*kind).level != u.level)
      csv.fail(kind_col, "changes.tier",
               "'" + excerpt(csv.field(kind_col)) + "' is of another tier than " + u.name + " (a change of tier is not supported)");
    const auto parent = csv.field(parent_col);
    const std::string current = u.parent == no_id<unit_id> ? std::string() : org.unit(u.parent).code;
    if (parent != current)
      csv.fail(parent_col, "changes.parent",
               "parent '" + excerpt(parent) + "' differs from the current '" + current + "' (moving a unit is not supported)");
    if (effective <= as_of) in_force.push_back({effective, *unit, std::string(name), *kind});
  }
  std::stable_sort(in_force.begin(), in_force.end(), [](const amendment& a, const amendment& b) { return a.effective < b.effective; });
  for (auto& a : in_force) org.amend_unit(a.unit, std::move(a.name), a.kind);
  return in_force.size();
}

}  // namespace io
LOCALGOV_NAMESPACE_END
