// The one exception family: malformed input, invalid models, refused changes.
#pragma once

#include <localgov/config.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// Where in an input something was found; line and column count from 1, 0 when unknown.
// Columns count Unicode code points, as an editor shows them.
struct source_location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  [[nodiscard]] std::string to_string() const;
};

// Base of everything localgov throws. `id()` is stable across versions
// (e.g. "csv.unterminated_quote"), so programs can branch on it.
class error : public std::runtime_error {
 public:
  error(std::string id, const std::string& what_arg) : std::runtime_error(what_arg), id_(std::move(id)) {}
  [[nodiscard]] const std::string& id() const noexcept { return id_; }

 private:
  std::string id_;
};

// Malformed input: what() is "FILE:LINE:COLUMN: message".
class input_error : public error {
 public:
  input_error(std::string id, source_location where, std::string message)
      : error(std::move(id), compose(where, message)), where_(std::move(where)), message_(std::move(message)) {}
  [[nodiscard]] const source_location& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  static std::string compose(const source_location& where, const std::string& message);
  source_location where_;
  std::string message_;
};

// One finding of a validation pass; `where` is empty for models built in code.
struct problem {
  std::string id;
  std::string message;
  source_location where;

  [[nodiscard]] std::string to_string() const;
};

// Every problem found at once, not just the first. Its message lists the first
// `shown_in_full` and counts the rest; problems() has them all.
class validation_error : public error {
 public:
  static constexpr std::size_t shown_in_full = 100;

  explicit validation_error(std::vector<problem> problems)
      : error(problems.empty() ? "validation" : problems.front().id, compose(problems)), problems_(std::move(problems)) {}
  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }

 private:
  static std::string compose(const std::vector<problem>& problems);
  std::vector<problem> problems_;
};

// A status change that the lifecycle forbids.
class transition_error : public error {
 public:
  using error::error;
};

// A status change by someone who may not make it; nothing was changed.
class permission_error : public error {
 public:
  using error::error;
};

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/impl/error.ipp>
#endif
