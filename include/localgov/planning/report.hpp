// Renders a plan as CSV (one row per project), JSON or text, with totals per class and the
// budget left; also fmt formatters for the planning enums and benefits.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/utf8.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/planning/select.hpp>
#include <localgov/reports/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

enum class report_format : std::uint8_t { text, csv, json };

[[nodiscard]] constexpr std::string_view to_string(report_format f) noexcept {
  constexpr std::string_view names[] = {"text", "csv", "json"};
  return names[static_cast<std::size_t>(f)];
}

// "text", "csv" or "json"; nullopt for anything else. Complexity: O(1).
[[nodiscard]] constexpr std::optional<report_format> parse_report_format(std::string_view name) noexcept {
  for (const auto f : {report_format::text, report_format::csv, report_format::json})
    if (to_string(f) == name) return f;
  return std::nullopt;
}

namespace detail {

// Pads to a width in code points (ids and titles are UTF-8, often Vietnamese).
[[nodiscard]] inline std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t shown = localgov::detail::count_code_points(s);
  if (shown < width) out.append(width - shown, ' ');
  return out;
}

}  // namespace detail

// One row per project, header `id,class,cost,benefit,selected,cumulative_cost,reason`: the
// selected first, in selection order (scope, class, id), then the rest in the same order.
// `selected` is true or false; `cumulative_cost` is the spending of the project's budget up to
// and including it, empty when not selected; `reason` is explain()'s sentence. Benefits are exact
// decimals. Complexity: O(n) plus the text.
[[nodiscard]] inline std::string render_plan_csv(const plan& p, std::span<const project> projects) {
  std::string out = "id,class,cost,benefit,selected,cumulative_cost,reason\n";
  for (const decision& d : p.decisions) {
    const project& pr = projects[d.project];
    io::append_csv_field(out, pr.id);
    out += ',';
    out += to_string(pr.priority);
    out += ',';
    out += std::to_string(pr.cost);
    out += ',';
    out += pr.benefit.to_string();
    out += d.selected ? ",true," : ",false,";
    if (d.selected) out += std::to_string(d.cumulative_cost);
    out += ',';
    io::append_csv_field(out, explain(p, d, projects));
    out += '\n';
  }
  return out;
}

// A JSON object: method, exact, per_province, budget, spent, left, benefit; `scopes` (one per
// budget: province (null for a single budget), budget, spent, left, benefit, exact, and
// `classes` with candidates, selected, available, cost, left, benefit, upper_bound, gap, exact);
// and `projects` in the CSV's order (id, unit_code, title, province, class, class_source
// ("given" or "default"), cost, benefit, selected, order, cumulative_cost (null when not
// selected), reason (a stable id) and explanation). Complexity: O(n) plus the text.
[[nodiscard]] inline std::string render_plan_json(const plan& p, std::span<const project> projects) {
  std::string out;
  auto key = [&](std::string_view name) {
    reports::append_json_string(out, name);
    out += ": ";
  };
  auto province = [&](const budget_scope& s) {
    if (p.per_province)
      reports::append_json_string(out, s.province_code);
    else
      out += "null";
  };
  out += "{\n  ";
  key("method");
  reports::append_json_string(out, to_string(p.method));
  out += fmt::format(",\n  \"exact\": {},\n  \"per_province\": {},\n", p.exact(), p.per_province);
  out += fmt::format("  \"budget\": {},\n  \"spent\": {},\n  \"left\": {},\n  \"benefit\": {},\n", p.budget(), p.spent(),
                     p.left(), p.benefit().to_string());
  out += "  \"scopes\": [";
  for (std::size_t i = 0; i < p.scopes.size(); ++i) {
    const budget_scope& s = p.scopes[i];
    out += i == 0 ? "\n    {" : ",\n    {";
    key("province");
    province(s);
    out += fmt::format(", \"budget\": {}, \"spent\": {}, \"left\": {}, \"benefit\": {}, \"exact\": {},\n", s.budget,
                       s.spent, s.left(), s.benefit().to_string(), s.exact());
    out += "     \"classes\": [";
    for (std::size_t c = 0; c < s.classes.size(); ++c) {
      const class_result& r = s.classes[c];
      out += c == 0 ? "\n      {" : ",\n      {";
      key("class");
      reports::append_json_string(out, to_string(r.priority));
      out += fmt::format(
          ", \"candidates\": {}, \"selected\": {}, \"available\": {}, \"cost\": {}, \"left\": {}, \"benefit\": {}, "
          "\"upper_bound\": {}, \"gap\": {}, \"exact\": {}}}",
          r.candidates, r.selected, r.available, r.cost, r.left(), r.benefit.to_string(), r.upper_bound.to_string(),
          r.gap().to_string(), r.exact);
    }
    out += "\n     ]}";
  }
  out += p.scopes.empty() ? "],\n" : "\n  ],\n";
  out += "  \"projects\": [";
  for (std::size_t i = 0; i < p.decisions.size(); ++i) {
    const decision& d = p.decisions[i];
    const project& pr = projects[d.project];
    out += i == 0 ? "\n    {" : ",\n    {";
    key("id");
    reports::append_json_string(out, pr.id);
    out += ", ";
    key("unit_code");
    reports::append_json_string(out, pr.unit_code);
    out += ", ";
    key("title");
    reports::append_json_string(out, pr.title);
    out += ", ";
    key("province");
    province(p.scopes[d.scope]);
    out += ", ";
    key("class");
    reports::append_json_string(out, to_string(pr.priority));
    out += fmt::format(", \"class_source\": \"{}\", \"cost\": {}, \"benefit\": {}, \"selected\": {}, \"order\": {}, ",
                       pr.defaulted ? "default" : "given", pr.cost, pr.benefit.to_string(), d.selected,
                       d.selected ? std::to_string(d.order) : std::string("null"));
    out += fmt::format("\"cumulative_cost\": {}, ",
                       d.selected ? std::to_string(d.cumulative_cost) : std::string("null"));
    key("reason");
    reports::append_json_string(out, to_string(d.reason));
    out += ", ";
    key("explanation");
    reports::append_json_string(out, explain(p, d, projects));
    out += '}';
  }
  out += p.decisions.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

// For people: per budget, a headline, the selected projects in order with the running cost,
// the others with their reasons, and a table of totals per class. Complexity: O(n) plus the text.
[[nodiscard]] inline std::string render_plan_text(const plan& p, std::span<const project> projects) {
  std::string out;
  std::size_t id_width = 2;
  for (const decision& d : p.decisions)
    id_width = (std::max)(id_width, localgov::detail::count_code_points(projects[d.project].id));
  constexpr std::size_t class_width = 21;  // "regional_connectivity"

  out += fmt::format("Plan ({} method{}): budget {}, spent {}, left {}, benefit {}\n", to_string(p.method),
                     p.exact() ? ", proven best" : ", not proven best", p.budget(), p.spent(), p.left(),
                     p.benefit().to_string());
  for (std::size_t s = 0; s < p.scopes.size(); ++s) {
    const budget_scope& scope = p.scopes[s];
    if (p.per_province)
      out += fmt::format("\nProvince {}: budget {}, spent {}, left {}, benefit {}\n", scope.province_code, scope.budget,
                         scope.spent, scope.left(), scope.benefit().to_string());
    std::size_t selected = 0, others = 0;
    for (const decision& d : p.decisions)
      if (d.scope == s) ++(d.selected ? selected : others);

    out += fmt::format("\nSelected ({}):\n", selected);
    if (selected != 0)
      out += fmt::format("  {:>3}  {}  {}  {:>12}  {:>12}  {:>12}  {}\n", "#", detail::pad_right("id", id_width),
                         detail::pad_right("class", class_width), "cost", "cumulative", "benefit", "title");
    for (const decision& d : p.decisions) {
      if (d.scope != s || !d.selected) continue;
      const project& pr = projects[d.project];
      out += fmt::format("  {:>3}  {}  {}  {:>12}  {:>12}  {:>12}  {}\n", d.order, detail::pad_right(pr.id, id_width),
                         detail::pad_right(to_string(pr.priority), class_width), pr.cost, d.cumulative_cost,
                         pr.benefit.to_string(), pr.title);
    }
    out += fmt::format("\nNot selected ({}):\n", others);
    for (const decision& d : p.decisions) {
      if (d.scope != s || d.selected) continue;
      const project& pr = projects[d.project];
      out += fmt::format("  {}  {}  {:>12}  {:>12}  {}\n", detail::pad_right(pr.id, id_width),
                         detail::pad_right(to_string(pr.priority), class_width), pr.cost, pr.benefit.to_string(),
                         explain(p, d, projects));
    }
    out += fmt::format("\nBy class:\n  {}  {:>8}  {:>8}  {:>12}  {:>12}  {:>12}  {:>12}  {}\n",
                       detail::pad_right("class", class_width), "projects", "selected", "available", "cost", "left",
                       "benefit", "best possible");
    for (const class_result& r : scope.classes)
      out += fmt::format("  {}  {:>8}  {:>8}  {:>12}  {:>12}  {:>12}  {:>12}  {}\n",
                         detail::pad_right(to_string(r.priority), class_width), r.candidates, r.selected, r.available,
                         r.cost, r.left(), r.benefit.to_string(),
                         r.exact ? std::string("this (exact)") : "at most " + r.upper_bound.to_string());
  }
  return out;
}

// The plan in the chosen format. Complexity: that of the renderer.
[[nodiscard]] inline std::string render_plan(const plan& p, std::span<const project> projects, report_format format) {
  switch (format) {
    case report_format::csv: return render_plan_csv(p, projects);
    case report_format::json: return render_plan_json(p, projects);
    case report_format::text: break;
  }
  return render_plan_text(p, projects);
}

}  // namespace planning
LOCALGOV_NAMESPACE_END

// fmt support: the planning enums print as their names, benefits as exact decimals.
template <>
struct fmt::formatter<localgov::planning::priority_class> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::priority_class c, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(c), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::decision_reason> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::decision_reason r, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(r), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::selection_method> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::selection_method m, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(localgov::planning::to_string(m), ctx);
  }
};

template <>
struct fmt::formatter<localgov::planning::benefit_amount> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(localgov::planning::benefit_amount b, FormatContext& ctx) const {
    const std::string text = b.to_string();
    return fmt::formatter<std::string_view>::format(text, ctx);
  }
};
