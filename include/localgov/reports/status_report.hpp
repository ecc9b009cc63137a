// Status reports from the boards: one row per province, unit, agency or field, with
// counts by status, overdue and time-to-answer; as text, Markdown, CSV or JSON.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/pipeline.hpp>
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
  std::uint32_t overdue_statutory = 0;  // of those, past a deadline the law sets (the rest are internal)
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
  std::uint32_t overdue_statutory = 0;
  std::vector<std::string> status_names;
  std::vector<status_row> rows;  // non-empty groups, sorted by key
};

}  // namespace reports
namespace detail {
// Nearest-rank percentile of sorted values (q in (0, 1]).
LOCALGOV_DECL std::int32_t percentile(const std::vector<std::int32_t>& sorted, double q);
// The same of unsorted values, which it reorders (nth_element): O(values), where sorting
// a national history's answers first would cost O(n log n).
LOCALGOV_DECL std::int32_t select_percentile(std::vector<std::int32_t>& values, double q);
// The nearest-rank percentiles q1 and q2 of unsorted values (not empty), in one pass: by
// counting when they span few integers (at most four per value, plus 4,096: days to an
// answer span a few hundred), else by selection as above (reordering them). O(values +
// span); selecting twice cost a report a fifth of its time.
LOCALGOV_DECL std::array<std::int32_t, 2> select_percentiles(std::vector<std::int32_t>& values, double q1, double q2);
}  // namespace detail
namespace reports {

// The report as of a date, grouped by `by`, optionally for one province only, the
// proposals counted by `threads` threads (the caller's among them; the same report for
// any number). O(proposals), in order over the tracker's columns; the trail is
// read too when a proposal changed after `as_of` or the lifecycle lets an answer be
// followed by another change: O(events) more.
template <class Tracker>
[[nodiscard]] status_report make_status_report(const Tracker& tracker, date as_of, group_by by,
                                               std::optional<unit_id> province = std::nullopt, unsigned threads = 1) {
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
  // When nothing may follow the answer, a proposal answered by `as_of` was answered on
  // its last change: time to answer comes from the columns, in order. Otherwise from
  // every answer the tracker recorded (for_each_answer), whose proposals come at random.
  constexpr bool answer_is_last = !answer_may_be_followed<L>;
  // A range of proposals counted into rows by group key, made as the keys appear.
  struct tally {
    std::vector<std::size_t> row_of;  // group key -> row
    std::vector<std::size_t> keys;    // row -> group key
    std::vector<status_row> rows;     // counts only
    std::vector<std::vector<std::int32_t>> durations;
    std::uint32_t total = 0, overdue = 0, overdue_statutory = 0;
    std::size_t row(std::size_t key) {
      if (key >= row_of.size()) row_of.resize(key + 1, SIZE_MAX);
      if (row_of[key] == SIZE_MAX) {
        row_of[key] = rows.size();
        keys.push_back(key);
        rows.emplace_back();
        durations.emplace_back();
      }
      return row_of[key];
    }
  };
  auto count = [&](tally& t, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (statuses[i] == Tracker::not_yet) continue;
      const auto p = static_cast<proposal_id>(i);
      const auto k = tracker.keys(p);
      if (province && k.province != *province) continue;
      const auto key = key_of(k);
      if (key == SIZE_MAX) continue;
      const auto r = t.row(key);
      auto& row = t.rows[r];
      ++row.total, ++t.total;
      ++row.status[statuses[i]];
      if (!L::is_final(statuses[i]) && tracker.due(p) < as_of) {
        ++row.overdue, ++t.overdue;
        if (tracker.deadline(p) == deadline_kind::statutory) ++row.overdue_statutory, ++t.overdue_statutory;
      }
      if (answer_is_last && statuses[i] == L::answer) t.durations[r].push_back(tracker.last_change(p) - proposals.submitted(p));
    }
  };
  const std::size_t n = statuses.size();
  const std::size_t parts = detail::parts_for(n, threads);
  std::vector<tally> tallies(parts);
  auto count_part = [&](std::size_t k, std::size_t from, std::size_t to) { count(tallies[k], from, to); };
  detail::run_parts(n, parts, count_part);

  // The parts' rows merged into the report's, named.
  std::vector<std::size_t> row_of;  // group key -> row of the report
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
  for (auto& t : tallies) {
    report.total += t.total, report.overdue += t.overdue, report.overdue_statutory += t.overdue_statutory;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      auto& row = row_for(t.keys[r]);
      row.total += t.rows[r].total, row.overdue += t.rows[r].overdue, row.overdue_statutory += t.rows[r].overdue_statutory;
      for (std::size_t s = 0; s < row.status.size(); ++s) row.status[s] += t.rows[r].status[s];
      auto& d = durations[row_of[t.keys[r]]];
      if (d.empty()) d = std::move(t.durations[r]);
      else d.insert(d.end(), t.durations[r].begin(), t.durations[r].end());
    }
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
    const auto [median, p90] = detail::select_percentiles(d, 0.5, 0.9);
    report.rows[r].median_days = median;
    report.rows[r].p90_days = p90;
  }
  std::sort(report.rows.begin(), report.rows.end(), [](const status_row& a, const status_row& b) { return a.key < b.key; });
  return report;
}

// The `n` rows with the most overdue (ties: more open, then key), e.g. the ten most
// overdue departments of the country.
[[nodiscard]] LOCALGOV_DECL std::vector<status_row> most_overdue(const status_report& report, std::size_t n);

// Whether status_table() has the columns of days to answer.
enum class times_to_answer : bool { omit, show };

// Columns: key, name, total, one per status, overdue, overdue_statutory (those past a
// deadline the law sets; the others' are internal), and (unless omitted) the median and
// 90th percentile of days from submission to answer.
[[nodiscard]] LOCALGOV_DECL table status_table(const status_report& report, times_to_answer times = times_to_answer::show);

// {"as_of": ..., "by": ..., "total": N, "groups": [{"key", "name", "total", "overdue",
// "status": {every status, zeros included}}]}, groups sorted by key.
[[nodiscard]] LOCALGOV_DECL std::string status_json(const status_report& report);

#if !LOCALGOV_HEADER_ONLY
// Instantiated once, for the default tracker, in <localgov/src.hpp>.
extern template status_report make_status_report<tracker>(const tracker&, date, group_by, std::optional<unit_id>, unsigned);
#endif

}  // namespace reports
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/reports/impl/status_report.ipp>
#endif
