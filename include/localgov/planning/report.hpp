// Renders a plan as CSV (one row per project), JSON or text, with totals per class and the
// budget left (fmt formatters for the planning types: planning/format.hpp).
#pragma once

#include <localgov/config.hpp>
#include <localgov/planning/select.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

enum class report_format : std::uint8_t { text, csv, json };

[[nodiscard]] constexpr std::string_view format_as(report_format f) noexcept {
  constexpr std::string_view names[] = {"text", "csv", "json"};
  return names[static_cast<std::size_t>(f)];
}

// "text", "csv" or "json"; nullopt for anything else. Complexity: O(1).
[[nodiscard]] constexpr std::optional<report_format> parse_report_format(std::string_view name) noexcept {
  for (const auto f : {report_format::text, report_format::csv, report_format::json})
    if (format_as(f) == name) return f;
  return std::nullopt;
}

// One row per project, header `id,class,cost,benefit,selected,cumulative_cost,reason`: the
// selected first, in selection order (scope, class, id), then the rest in the same order.
// `selected` is true or false; `cumulative_cost` is the spending of the project's budget up to
// and including it, empty when not selected; `reason` is explain()'s sentence. Benefits are exact
// decimals. Complexity: O(n) plus the text.
[[nodiscard]] LOCALGOV_DECL std::string render_plan_csv(const plan& p, std::span<const project> projects);

// A JSON object: method, exact, per_province, budget, spent, left, benefit; `scopes` (one per
// budget: province (null for a single budget), budget, spent, left, benefit, exact, and
// `classes` with candidates, selected, available, cost, left, benefit, upper_bound, gap, exact);
// and `projects` in the CSV's order (id, unit_code, title, province, class, class_source
// ("given" or "default"), cost, benefit, selected, order, cumulative_cost (null when not
// selected), reason (a stable id) and explanation). Complexity: O(n) plus the text.
[[nodiscard]] LOCALGOV_DECL std::string render_plan_json(const plan& p, std::span<const project> projects);

// For people: per budget, a headline, the selected projects in order with the running cost,
// the others with their reasons, and a table of totals per class. Complexity: O(n) plus the text.
[[nodiscard]] LOCALGOV_DECL std::string render_plan_text(const plan& p, std::span<const project> projects);

// The plan in the chosen format. Complexity: that of the renderer.
[[nodiscard]] LOCALGOV_DECL std::string render_plan(const plan& p, std::span<const project> projects,
                                                   report_format format);

}  // namespace planning
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/planning/impl/report.ipp>
#endif
