// Loads administrative units (code,name,kind,parent_code) into an organisation.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/model/organization.hpp>

#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// A code as used in files and in body codes: 1 to limits::code (64) characters of printable ASCII,
// without spaces, '/', '#', ';', ',' or '"'.
[[nodiscard]] inline bool is_valid_code_char(char c) noexcept {
  return c > ' ' && c <= '~' && c != '/' && c != '#' && c != ';' && c != '"' && c != ',';
}
[[nodiscard]] inline bool is_valid_code(std::string_view code) noexcept {
  if (code.empty() || code.size() > limits::code) return false;
  for (char c : code)
    if (!is_valid_code_char(c)) return false;
  return true;
}

// Why a non-empty `code` is not valid, for an error message ("bad unit code ...").
[[nodiscard]] LOCALGOV_DECL std::string bad_code_message(std::string_view what, std::string_view code);

// Reads units from CSV text with columns code, name, kind, parent_code (any order,
// extra columns ignored) and adds them to `org`. A unit may appear before its parent.
// Malformed text or fields throw input_error at the first one; structural problems
// (duplicate codes, unknown or wrong parents) are collected and thrown together as
// validation_error, each with its line. O(rows).
LOCALGOV_DECL void read_units(organization_core& org, input_text text, std::string file);

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/units_csv.ipp>
#endif
