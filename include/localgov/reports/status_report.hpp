// Status reports from the boards: one row per province, unit, agency or field, with
// counts by status, overdue and time-to-answer; as text, Markdown, CSV or JSON.
#pragma once

#include <localgov/config.hpp>
#include <localgov/reports/table.hpp>
#include <localgov/tracking/tracker.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

struct status_row {
  std::string key;   // unit code, agency code or field slug
  std::string name;  // what a reader calls it
  std::uint32_t total = 0;
  std::uint32_t overdue = 0;
  std::array<std::uint32_t, 16> status{};
  // Days from submission to answer, over the answers given by the as-of date.
  std::uint32_t answered = 0;
  std::optional<std::int32_t> median_days, p90_days;
};

struct status_report {
  date as_of;
  group_by by = group_by::province;
  std::uint32_t total = 0;
  std::uint32_t overdue = 0;
  std::vector<std::string> status_names;
  std::vector<status_row> rows;  // non-empty groups, sorted by key
};

namespace detail_report {
// Nearest-rank percentile of sorted values (q in (0, 1]).
LOCALGOV_DECL std::int32_t percentile(const std::vector<std::int32_t>& sorted, double q);
// The same of unsorted values, which it reorders (nth_element): O(values), where sorting
// a national history's answers first would cost O(n log n).
LOCALGOV_DECL std::int32_t select_percentile(std::vector<std::int32_t>& values, double q);
}  // namespace detail_report

// The report as of a date, grouped by `by`, optionally for one province only.
// O(proposals), in order over the tracker's columns; the trail is
// read too when a proposal changed after `as_of` or the lifecycle lets an answer be
// followed by another change: O(events) more. A tracker without a trail answers only as of
// the dates it keeps (see basic_tracker::keep_trail), else throws error "tracking.no_trail".
template <class Tracker>
[[nodiscard]] status_report make_status_report(const Tracker& tracker, date as_of, group_by by,
                                               std::optional<unit_id> province = std::nullopt) {
  using L = typename Tracker::lifecycle;
  const auto& org = tracker.table().organization();
  const auto& proposals = tracker.proposals();
  const auto& words = org.words();
  status_report report;
  report.as_of = as_of;
  report.by = by;
  for (status_index s = 0; s < L::status_count; ++s) report.status_names.emplace_back(L::name(s));

  auto key_of = [&](const board_keys& k) -> std::size_t {
    switch (by) {
      case group_by::country: return 0;
      case group_by::province: return index_of(k.province);
      case group_by::unit: return index_of(k.unit);
      case group_by::agency: return k.agency == no_id<body_id> ? SIZE_MAX : index_of(k.agency);
      case group_by::field: return index_of(k.field);
    }
    return 0;
  };
  // Counted here rather than read from a board so that a province filter is exact.
  const auto statuses = tracker.statuses_at(as_of);
  std::vector<std::size_t> row_of;  // group key -> row, built as keys appear
  std::vector<std::vector<std::int32_t>> durations;
  auto row_for = [&](std::size_t key) -> status_row& {
    if (key >= row_of.size()) row_of.resize(key + 1, SIZE_MAX);
    if (row_of[key] == SIZE_MAX) {
      row_of[key] = report.rows.size();
      report.rows.emplace_back();
      durations.emplace_back();
      auto& row = report.rows.back();
      switch (by) {
        case group_by::country: row.key = "country", row.name = "Toàn quốc"; break;
        case group_by::province:
        case group_by::unit:
          row.key = org.unit(id_at<unit_id>(key)).code;
          row.name = org.unit(id_at<unit_id>(key)).name;
          break;
        case group_by::agency: {
          const auto b = id_at<body_id>(key);
          row.key = org.code_of(b);
          row.name = std::string(org.name_of(b)) + ", " + org.unit(org.body(b).unit).name;
          break;
        }
        case group_by::field:
          row.key = words.field(id_at<field_id>(key)).slug;
          row.name = words.field(id_at<field_id>(key)).name_vi;
          break;
      }
    }
    return report.rows[row_of[key]];
  };
  // When nothing may follow the answer, a proposal answered by `as_of` was answered on
  // its last change: time to answer comes from the columns, in order. Otherwise from
  // every answer the tracker recorded (for_each_answer), whose proposals come at random.
  constexpr bool answer_is_last = !answer_may_be_followed<L>;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    if (statuses[i] == Tracker::not_yet) continue;
    const auto p = static_cast<proposal_id>(i);
    const auto k = tracker.keys(p);
    if (province && k.province != *province) continue;
    const auto key = key_of(k);
    if (key == SIZE_MAX) continue;
    auto& row = row_for(key);
    ++row.total, ++report.total;
    ++row.status[statuses[i]];
    if (!L::is_final(statuses[i]) && tracker.due(p) < as_of) ++row.overdue, ++report.overdue;
    if (answer_is_last && statuses[i] == L::answer)
      durations[row_of[key]].push_back(tracker.last_change(p) - proposals.submitted(p));
  }
  if constexpr (!answer_is_last) {
    tracker.for_each_answer(as_of, [&](proposal_id p, date on) {
      const auto k = tracker.keys(p);
      if (province && k.province != *province) return;
      const auto key = key_of(k);
      if (key == SIZE_MAX) return;
      row_for(key);
      durations[row_of[key]].push_back(on - proposals.submitted(p));
    });
  }
  for (std::size_t r = 0; r < report.rows.size(); ++r) {
    auto& d = durations[r];
    if (d.empty()) continue;
    report.rows[r].answered = static_cast<std::uint32_t>(d.size());
    report.rows[r].median_days = detail_report::select_percentile(d, 0.5);
    report.rows[r].p90_days = detail_report::select_percentile(d, 0.9);
  }
  std::sort(report.rows.begin(), report.rows.end(), [](const status_row& a, const status_row& b) { return a.key < b.key; });
  return report;
}

// The `n` rows with the most overdue (ties: more open, then key), e.g. the ten most
// overdue departments of the country.
[[nodiscard]] LOCALGOV_DECL std::vector<status_row> most_overdue(const status_report& report, std::size_t n);

// Columns: key, name, total, one per status, overdue, and the median and 90th
// percentile of days from submission to answer.
[[nodiscard]] LOCALGOV_DECL table status_table(const status_report& report, bool with_times = true);

// {"as_of": ..., "by": ..., "total": N, "groups": [{"key", "name", "total", "overdue",
// "status": {every status, zeros included}}]}, groups sorted by key.
[[nodiscard]] LOCALGOV_DECL std::string status_json(const status_report& report);

#if !LOCALGOV_HEADER_ONLY
// Instantiated once, for the default tracker, in <localgov/src.hpp>.
extern template status_report make_status_report<tracker>(const tracker&, date, group_by, std::optional<unit_id>);
#endif

}  // namespace reports
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/reports/impl/status_report.ipp>
#endif
