// Bodies of reports/table.hpp: rendering a table as aligned text, Markdown or CSV.
#pragma once

#include <localgov/reports/table.hpp>

#include <localgov/detail/utf8.hpp>
#include <localgov/io/csv.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

LOCALGOV_DECL std::string table::text() const {
  const auto widths = column_widths();
  std::string out;
  auto emit_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto cell = io::shown(cells[c]);
      const auto pad = widths[c] - detail::count_code_points(cell);
      if (c > 0) line += "  ";
      if (columns_[c].alignment == align::right) line.append(pad, ' ');
      line += cell;
      if (columns_[c].alignment == align::left && c + 1 < cells.size()) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  };
  auto emit_rule = [&] {
    std::size_t total = 0;
    for (auto w : widths) total += w;
    total += 2 * (widths.empty() ? 0 : widths.size() - 1);
    for (std::size_t i = 0; i < total; ++i) out += "─";
    out += '\n';
  };
  std::vector<std::string> titles;
  for (const auto& c : columns_) titles.push_back(c.title);
  emit_row(titles);
  emit_rule();
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    if (std::find(rules_.begin(), rules_.end(), r) != rules_.end() && r > 0) emit_rule();
    emit_row(rows_[r]);
  }
  return out;
}

LOCALGOV_DECL std::string table::markdown() const {
  std::string out = "|";
  for (const auto& c : columns_) out += " " + escape_md(c.title) + " |";
  out += "\n|";
  for (const auto& c : columns_) out += c.alignment == align::right ? " ---: |" : " --- |";
  out += '\n';
  for (const auto& row : rows_) {
    out += '|';
    for (const auto& cell : row) out += " " + escape_md(cell) + " |";
    out += '\n';
  }
  return out;
}

LOCALGOV_DECL std::string table::csv() const {
  std::string out;
  auto emit = [&](auto&& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += ',';
      io::append_csv_field(out, cells[c]);
    }
    out += '\n';
  };
  std::vector<std::string> titles;
  for (const auto& c : columns_) titles.push_back(c.title);
  emit(titles);
  for (const auto& row : rows_) emit(row);
  return out;
}

LOCALGOV_DECL std::string table::escape_md(std::string_view s) {
  std::string out;
  for (char c : io::shown(s)) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

LOCALGOV_DECL std::vector<std::size_t> table::column_widths() const {
  std::vector<std::size_t> widths;
  for (const auto& c : columns_) widths.push_back(detail::count_code_points(io::shown(c.title)));
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], detail::count_code_points(io::shown(row[c])));
  return widths;
}

LOCALGOV_DECL std::string group_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

LOCALGOV_DECL table::table(const table& other) = default;
LOCALGOV_DECL table::table(table&& other) noexcept = default;
LOCALGOV_DECL table& table::operator=(const table& other) = default;
LOCALGOV_DECL table& table::operator=(table&& other) noexcept = default;
LOCALGOV_DECL table::~table() = default;

}  // namespace reports

LOCALGOV_NAMESPACE_END
