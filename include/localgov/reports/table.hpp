// A table of strings rendered as aligned text, Markdown or CSV: the one way every
// report and the command-line program lay out rows.
#pragma once

#include <localgov/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

enum class align : std::uint8_t { left, right };

class table {
 public:
  struct column {
    std::string title;
    align alignment = align::left;
  };

  explicit table(std::vector<column> columns) : columns_(std::move(columns)) {}
  table(const table& other);
  table(table&& other) noexcept;
  table& operator=(const table& other);
  table& operator=(table&& other) noexcept;
  ~table();

  table& add_row(std::vector<std::string> cells) {
    LOCALGOV_ASSERT(cells.size() == columns_.size(), "a row has one cell per column");
    rows_.push_back(std::move(cells));
    return *this;
  }
  // A rule under the rows so far, drawn before the next row (for totals).
  table& add_rule() {
    rules_.push_back(rows_.size());
    return *this;
  }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }

  // Columns padded to their widest cell, counted in code points so that Vietnamese
  // names (NFC) line up in a terminal; control characters in a cell (a tab, an escape
  // sequence, a direction control) shown escaped, never raw.
  [[nodiscard]] std::string text() const;

  // A GitHub-flavoured Markdown table (pipes and control characters in cells escaped),
  // ready to paste.
  [[nodiscard]] std::string markdown() const;

  // RFC 4180 CSV with a header row.
  [[nodiscard]] std::string csv() const;

 private:
  static std::string escape_md(std::string_view s);
  [[nodiscard]] std::vector<std::size_t> column_widths() const;

  std::vector<column> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> rules_;
};

// 2621 -> "2,621": counts as a civil servant writes them in English reports.
[[nodiscard]] LOCALGOV_DECL std::string group_thousands(std::uint64_t n);

}  // namespace reports
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/reports/impl/table.ipp>
#endif
