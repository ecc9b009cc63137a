// Bodies of planning/report.hpp: a plan rendered as CSV, JSON or text.
#pragma once

#include <localgov/planning/report.hpp>

#include <localgov/detail/utf8.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/reports/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

namespace detail {

// Pads to a width in code points (ids and titles are UTF-8, often Vietnamese).
[[nodiscard]] inline std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t shown = localgov::detail::count_code_points(s);
  if (shown < width) out.append(width - shown, ' ');
  return out;
}

}  // namespace detail

LOCALGOV_DECL std::string render_plan_csv(const plan& p, std::span<const project> projects) {
  std::string out = "id,class,cost,benefit,selected,cumulative_cost,reason\n";
  for (const decision& d : p.decisions) {
    const project& pr = projects[d.project];
    io::append_csv_field(out, pr.id);
    out += ',';
    out += format_as(pr.priority);
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

LOCALGOV_DECL std::string render_plan_json(const plan& p, std::span<const project> projects) {
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
  reports::append_json_string(out, format_as(p.method));
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
      reports::append_json_string(out, format_as(r.priority));
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
    reports::append_json_string(out, format_as(pr.priority));
    out += fmt::format(", \"class_source\": \"{}\", \"cost\": {}, \"benefit\": {}, \"selected\": {}, \"order\": {}, ",
                       pr.defaulted ? "default" : "given", pr.cost, pr.benefit.to_string(), d.selected,
                       d.selected ? std::to_string(d.order) : std::string("null"));
    out += fmt::format("\"cumulative_cost\": {}, ",
                       d.selected ? std::to_string(d.cumulative_cost) : std::string("null"));
    key("reason");
    reports::append_json_string(out, format_as(d.reason));
    out += ", ";
    key("explanation");
    reports::append_json_string(out, explain(p, d, projects));
    out += '}';
  }
  out += p.decisions.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

LOCALGOV_DECL std::string render_plan_text(const plan& p, std::span<const project> projects) {
  std::string out;
  std::size_t id_width = 2;
  for (const decision& d : p.decisions)
    id_width = (std::max)(id_width, localgov::detail::count_code_points(projects[d.project].id));
  constexpr std::size_t class_width = 21;  // "regional_connectivity"

  out += fmt::format("Plan ({} method{}): budget {}, spent {}, left {}, benefit {}\n", format_as(p.method),
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
                         detail::pad_right(format_as(pr.priority), class_width), pr.cost, d.cumulative_cost,
                         pr.benefit.to_string(), pr.title);
    }
    out += fmt::format("\nNot selected ({}):\n", others);
    for (const decision& d : p.decisions) {
      if (d.scope != s || d.selected) continue;
      const project& pr = projects[d.project];
      out += fmt::format("  {}  {}  {:>12}  {:>12}  {}\n", detail::pad_right(pr.id, id_width),
                         detail::pad_right(format_as(pr.priority), class_width), pr.cost, pr.benefit.to_string(),
                         explain(p, d, projects));
    }
    out += fmt::format("\nBy class:\n  {}  {:>8}  {:>8}  {:>12}  {:>12}  {:>12}  {:>12}  {}\n",
                       detail::pad_right("class", class_width), "projects", "selected", "available", "cost", "left",
                       "benefit", "best possible");
    for (const class_result& r : scope.classes)
      out += fmt::format("  {}  {:>8}  {:>8}  {:>12}  {:>12}  {:>12}  {:>12}  {}\n",
                         detail::pad_right(format_as(r.priority), class_width), r.candidates, r.selected, r.available,
                         r.cost, r.left(), r.benefit.to_string(),
                         r.exact ? std::string("this (exact)") : "at most " + r.upper_bound.to_string());
  }
  return out;
}

LOCALGOV_DECL std::string render_plan(const plan& p, std::span<const project> projects, report_format format) {
  switch (format) {
    case report_format::csv: return render_plan_csv(p, projects);
    case report_format::json: return render_plan_json(p, projects);
    case report_format::text: break;
  }
  return render_plan_text(p, projects);
}

}  // namespace planning
LOCALGOV_NAMESPACE_END
