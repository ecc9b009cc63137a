// Bodies of error.hpp: the "FILE:LINE:COLUMN: message" strings.
#pragma once

#include <localgov/error.hpp>

#include <string>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL std::string source_location::to_string() const {
  std::string out = file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
    if (column != 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  return out;
}

LOCALGOV_DECL std::string input_error::compose(const source_location& where, const std::string& message) {
  std::string prefix = where.to_string();
  return prefix.empty() ? message : prefix + ": " + message;
}

LOCALGOV_DECL std::string problem::to_string() const {
  std::string prefix = where.to_string();
  return prefix.empty() ? message : prefix + ": " + message;
}

LOCALGOV_DECL std::string validation_error::compose(const std::vector<problem>& problems) {
  std::string out = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems");
  for (std::size_t i = 0; i < problems.size() && i < shown_in_full; ++i) {
    out += "\n  ";
    out += problems[i].to_string();
  }
  if (problems.size() > shown_in_full) out += "\n  and " + std::to_string(problems.size() - shown_in_full) + " more";
  return out;
}

LOCALGOV_NAMESPACE_END
