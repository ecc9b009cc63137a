// Bodies of io/units_csv.hpp: the units loader and its messages.
#pragma once

#include <localgov/io/units_csv.hpp>

#include <localgov/detail/strings.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/model/validate.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

LOCALGOV_DECL std::string bad_code_message(std::string_view what, std::string_view code) {
  std::string out = "bad " + std::string(what) + " '" + excerpt(code) + "' (";
  for (char c : code)
    if (!is_valid_code_char(c)) return out + "expected printable ASCII without spaces, '/', '#', ';', ',' or '\"')";
  return out + std::to_string(code.size()) + " characters; expected at most " + std::to_string(limits::code) + ")";
}

LOCALGOV_DECL void read_units(organization_core& org, input_text text, std::string file) {
  csv_reader csv(text, file);
  const auto code_col = csv.require_column("code");
  const auto name_col = csv.require_column("name");
  const auto kind_col = csv.require_column("kind");
  const auto parent_col = csv.require_column("parent_code");
  org.units_source = file;

  struct pending_parent {
    unit_id child;
    std::string parent_code;
    std::uint32_t line, column;
  };
  std::vector<pending_parent> parents;
  std::string kinds;
  for (const auto& k : org.unit_kinds()) detail::append_joined(kinds, ", ", std::string(k.slug));

  std::size_t rows = 0;
  while (csv.next()) {
    ++rows;
    const auto code = csv.field(code_col);
    if (!is_valid_code(code))
      csv.fail(code_col, "units.bad_code", code.empty() ? "empty unit code" : bad_code_message("unit code", code));
    const auto name = csv.field(name_col);
    if (name.empty()) csv.fail(name_col, "units.empty_name", "empty unit name");
    require_at_most(csv, name_col, "unit name", limits::name);
    const auto kind = org.find_unit_kind(csv.field(kind_col));
    if (!kind)
      csv.fail(kind_col, "units.unknown_kind",
               "unknown unit kind '" + excerpt(csv.field(kind_col)) + "' (expected one of: " + kinds + ")");
    const auto [line, parent_column] = csv.position(parent_col);
    const auto id = org.add_unit(std::string(code), std::string(name), *kind, no_id<unit_id>,
                                 {line, csv.position(code_col).second, parent_column});
    if (const auto parent = csv.field(parent_col); !parent.empty()) parents.push_back({id, std::string(parent), line, parent_column});
  }
  if (rows == 0) throw input_error("units.empty", {file, csv.line(), 1}, "no units (expected at least one row after the header)");

  std::vector<problem> problems;
  std::vector<bool> parent_unknown(org.unit_count());
  for (auto& p : parents) {
    if (const auto parent = org.find_unit(p.parent_code)) {
      org.set_parent(p.child, *parent);
    } else {
      parent_unknown[index_of(p.child)] = true;
      problems.push_back({"unit.parent_unknown",
                          "unknown parent code '" + excerpt(p.parent_code) + "' for unit '" + org.unit(p.child).code +
                              "' (expected the code of a province-tier unit in this file)",
                          {file, p.line, p.column}});
    }
  }
  for (auto& p : validate(org)) {
    if (!p.id.starts_with("unit.")) continue;
    if (p.id == "unit.parent_missing" && p.where.line != 0) {
      // Already reported as an unknown parent.
      bool known = false;
      for (const auto& q : parents) known |= q.line == p.where.line && parent_unknown[index_of(q.child)];
      if (known) continue;
    }
    problems.push_back(std::move(p));
  }
  std::stable_sort(problems.begin(), problems.end(), [](const problem& a, const problem& b) { return a.where.line < b.where.line; });
  if (!problems.empty()) throw validation_error(std::move(problems));
}

}  // namespace io
LOCALGOV_NAMESPACE_END
