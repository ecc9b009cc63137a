// Bodies of reports/status_report.hpp: percentiles, the most overdue rows, and the report as a table or JSON.
#pragma once

#include <localgov/reports/status_report.hpp>

#include <localgov/reports/json.hpp>
#include <localgov/reports/table.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

}  // namespace reports
namespace detail {
// The 0-based index of the nearest-rank q-percentile among n values.
inline std::size_t nearest_rank_index(std::size_t n, double q) {
  const auto rank = static_cast<std::size_t>(q * static_cast<double>(n) + 0.999999);
  return std::clamp<std::size_t>(rank, 1, n) - 1;
}

LOCALGOV_DECL std::int32_t percentile(const std::vector<std::int32_t>& sorted, double q) {
  return sorted[nearest_rank_index(sorted.size(), q)];
}

LOCALGOV_DECL std::int32_t select_percentile(std::vector<std::int32_t>& values, double q) {
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(nearest_rank_index(values.size(), q));
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

LOCALGOV_DECL std::array<std::int32_t, 2> select_percentiles(std::vector<std::int32_t>& values, double q1, double q2) {
  LOCALGOV_ASSERT(!values.empty(), "percentiles of no values");
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(*high) - *low) + 1;
  if (span > 4 * static_cast<std::uint64_t>(values.size()) + 4096) return {select_percentile(values, q1), select_percentile(values, q2)};
  const std::int32_t base = *low;
  std::vector<std::uint32_t> counts(span);
  for (const auto v : values) ++counts[static_cast<std::size_t>(static_cast<std::int64_t>(v) - base)];
  // The value at 0-based rank k is the first whose running count passes k.
  auto at_rank = [&](std::size_t k) {
    std::size_t seen = 0;
    for (std::size_t i = 0;; ++i)
      if ((seen += counts[i]) > k) return static_cast<std::int32_t>(base + static_cast<std::int64_t>(i));
  };
  return {at_rank(nearest_rank_index(values.size(), q1)), at_rank(nearest_rank_index(values.size(), q2))};
}
}  // namespace detail
namespace reports {

LOCALGOV_DECL std::vector<status_row> most_overdue(const status_report& report, std::size_t n) {
  std::vector<status_row> rows;
  for (const auto& r : report.rows)
    if (r.overdue > 0) rows.push_back(r);
  std::sort(rows.begin(), rows.end(), [](const status_row& a, const status_row& b) {
    return a.overdue != b.overdue ? a.overdue > b.overdue : a.key < b.key;
  });
  if (rows.size() > n) rows.resize(n);
  return rows;
}

LOCALGOV_DECL table status_table(const status_report& report, times_to_answer times) {
  const bool with_times = times == times_to_answer::show;
  std::vector<table::column> columns{{"key"}, {"name"}, {"total", align::right}};
  for (const auto& s : report.status_names) columns.push_back({s, align::right});
  columns.push_back({"overdue", align::right});
  columns.push_back({"overdue_statutory", align::right});
  if (with_times) {
    columns.push_back({"days_to_answer_median", align::right});
    columns.push_back({"days_to_answer_p90", align::right});
  }
  table t(std::move(columns));
  auto days = [](const std::optional<std::int32_t>& d) { return d ? std::to_string(*d) : std::string(); };
  for (const auto& r : report.rows) {
    std::vector<std::string> cells{r.key, r.name, std::to_string(r.total)};
    for (std::size_t s = 0; s < report.status_names.size(); ++s) cells.push_back(std::to_string(r.status[s]));
    cells.push_back(std::to_string(r.overdue));
    cells.push_back(std::to_string(r.overdue_statutory));
    if (with_times) {
      cells.push_back(days(r.median_days));
      cells.push_back(days(r.p90_days));
    }
    t.add_row(std::move(cells));
  }
  return t;
}

LOCALGOV_DECL std::string status_json(const status_report& report) {
  json_writer w;
  w.begin_object();
  w.key("as_of"), w.value(report.as_of.to_string());
  w.key("by"), w.value(format_as(report.by));
  w.key("total"), w.value(static_cast<std::uint64_t>(report.total));
  w.key("overdue"), w.value(static_cast<std::uint64_t>(report.overdue));
  w.key("overdue_statutory"), w.value(static_cast<std::uint64_t>(report.overdue_statutory));
  w.key("groups");
  w.begin_array();
  for (const auto& r : report.rows) {
    w.begin_object();
    w.key("key"), w.value(r.key);
    w.key("name"), w.value(r.name);
    w.key("total"), w.value(static_cast<std::uint64_t>(r.total));
    w.key("overdue"), w.value(static_cast<std::uint64_t>(r.overdue));
    w.key("overdue_statutory"), w.value(static_cast<std::uint64_t>(r.overdue_statutory));
    w.key("status");
    w.begin_object();
    for (std::size_t s = 0; s < report.status_names.size(); ++s) {
      w.key(report.status_names[s]);
      w.value(static_cast<std::uint64_t>(r.status[s]));
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

}  // namespace reports
LOCALGOV_NAMESPACE_END
