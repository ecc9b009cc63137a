// Bodies of io/csv.hpp: excerpts for messages, csv_reader's header parsing, column
// lookup and error reporting (the per-record scanning stays inline in the header).
#pragma once

#include <localgov/io/csv.hpp>

#include <localgov/detail/strings.hpp>
#include <localgov/detail/utf8.hpp>
#include <localgov/error.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

LOCALGOV_DECL std::string shown(std::string_view text) {
  return detail::first_control(text) == std::string_view::npos ? std::string(text) : excerpt(text, SIZE_MAX);
}

LOCALGOV_DECL void require_at_most(const csv_reader& csv, std::size_t col, std::string_view what, std::size_t most) {
  const auto value = csv.field(col);
  if (value.size() <= most) return;
  if (const auto length = detail::count_code_points(value); length > most)
    csv.fail(col, "csv.too_long",
             std::string(what) + " of " + std::to_string(length) + " characters (expected at most " + std::to_string(most) + ")");
}

LOCALGOV_DECL std::string identifier_problem(std::string_view what, std::string_view value) {
  if (value.empty()) return "empty " + std::string(what);
  if (const auto at = detail::first_control(value); at != std::string_view::npos)
    return std::string(what) + " '" + excerpt(value) + "' has a control character at character " +
           std::to_string(detail::count_code_points(value.substr(0, at)) + 1) +
           " (expected printable text: no tabs, line breaks, terminal or direction controls)";
  if (value.front() == ' ' || value.back() == ' ')
    return std::string(what) + " '" + excerpt(value) + "' begins or ends with a space (expected none: ' P-1' and 'P-1' would be two ids)";
  return {};
}

LOCALGOV_DECL std::string excerpt(std::string_view value, std::size_t max_code_points) {
  constexpr const char* digits = "0123456789ABCDEF";
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) {  // continuation byte of a code point already counted
      out += c;
      continue;
    }
    if (points++ == max_code_points) return out + "\xE2\x80\xA6";  // U+2026 …
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (byte < 0x20 || byte == 0x7F) out += std::string{'\\', 'x', digits[byte >> 4], digits[byte & 15]};
    else if (value.substr(i, 3) == "\xEF\xBB\xBF") {
      out += "\\uFEFF";
      i += 2;
    } else if (const auto length = detail::control_length(value, i); length > 1) {  // C1, a direction control
      const unsigned point = length == 2 ? ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(value[i + 1]) & 0x3Fu)
                                         : ((byte & 0x0Fu) << 12) | ((static_cast<unsigned char>(value[i + 1]) & 0x3Fu) << 6) |
                                               (static_cast<unsigned char>(value[i + 2]) & 0x3Fu);
      out += std::string{'\\', 'u', digits[point >> 12], digits[(point >> 8) & 15], digits[(point >> 4) & 15], digits[point & 15]};
      i += length - 1;
    } else out += c;
  }
  return out;
}

LOCALGOV_DECL csv_reader::csv_reader(input_text text, std::string file)
    : text_(text.view()), input_(text), file_(std::move(file)) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  if (!read_record())
    throw input_error("csv.empty", {file_, 1, 1}, "empty file (expected a header line)");
  header_line_ = record_line_;
  std::unordered_map<std::string_view, std::size_t> seen;  // linear, even for a header of 100,000 columns
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const std::string_view name = field(i);
    if (name.empty()) fail(i, "csv.empty_column_name", "empty column name in header");
    if (const auto [first, fresh] = seen.try_emplace(name, i); !fresh)
      fail(i, "csv.duplicate_column",
           "duplicate column '" + excerpt(name) + "' (also column " + std::to_string(first->second + 1) + ")");
    header_.emplace_back(name);
  }
}

LOCALGOV_DECL std::optional<std::size_t> csv_reader::find_column(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  return std::nullopt;
}

LOCALGOV_DECL std::size_t csv_reader::require_column(std::string_view name) const {
  if (auto i = find_column(name)) return *i;
  std::string have;
  for (const auto& h : header_) detail::append_joined(have, ",", excerpt(h));
  throw input_error("csv.missing_column", {file_, header_line_, 1},
                    "missing column '" + std::string(name) + "' (header is: " + have + ")");
}

LOCALGOV_DECL void csv_reader::fail(std::size_t i, std::string id, std::string message) const {
  throw input_error(std::move(id), location(i), std::move(message));
}

LOCALGOV_DECL std::string csv_reader::hex(unsigned char b) {
  const char* digits = "0123456789ABCDEF";
  return {digits[b >> 4], digits[b & 15]};
}

LOCALGOV_DECL source_location csv_reader::location_of(std::size_t offset) const {
  std::uint32_t line = 1;
  std::size_t line_begin = text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3 ? 3 : 0;
  std::size_t from = 0;
  if (offset >= record_start_ && record_start_ > 0) {
    line = record_line_;
    line_begin = from = record_start_;
  }
  for (std::size_t i = from; i < offset && i < text_.size(); ++i)
    if (text_[i] == '\n') {
      ++line;
      line_begin = i + 1;
    }
  const auto column = detail::count_code_points(text_.substr(line_begin, offset - line_begin)) + 1;
  return {file_, line, static_cast<std::uint32_t>(column)};
}

LOCALGOV_DECL void csv_reader::fail_at(std::size_t offset, std::string id, std::string message) const {
  const auto bad = bad_ != std::string_view::npos ? bad_ : find_bad_byte(text_, checked_to_, offset).first;
  if (bad < offset) fail_bad_byte(bad);
  throw input_error(std::move(id), location_of(offset), std::move(message));
}

LOCALGOV_DECL void csv_reader::fail_bad_byte(std::size_t offset) const {
  const auto byte = static_cast<unsigned char>(text_[offset]);
  if (byte == 0) throw input_error("csv.nul_byte", location_of(offset), "NUL byte in text (expected UTF-8 text without NUL)");
  const bool utf16 = text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF");
  throw input_error("csv.invalid_utf8", location_of(offset),
                    "invalid UTF-8 byte 0x" + hex(byte) +
                        (utf16 ? " (expected UTF-8 text; this file is UTF-16, save it as UTF-8)" : " (expected UTF-8 text)"));
}

LOCALGOV_DECL void csv_reader::fail_field_count() const {
  fail_at(fields_.size() > header_.size() ? fields_[header_.size()].begin : fields_.back().begin,
          "csv.field_count",
          "expected " + std::to_string(header_.size()) + (header_.size() == 1 ? " field" : " fields") +
              " as in the header, got " + std::to_string(fields_.size()));
}

}  // namespace io
LOCALGOV_NAMESPACE_END
