// localgov plan: choose investment projects within a budget, connecting regions first,
// then residential areas, then the rest, with a reason for every project.
#pragma once

#include "common.hpp"

#include <localgov/io/units_csv.hpp>
#include <localgov/planning/projects_csv.hpp>
#include <localgov/planning/report.hpp>
#include <localgov/planning/select.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace cli {

inline const command plan_command{
    "plan",
    "Choose investment projects within a budget, with a reason for each.\n"
    "Class by class: first the best set of projects that connect regions (by default, those\n"
    "serving several commune-tier units or provinces),\n"
    "then, within what is left, residential ones, then the rest; \"best\" is the greatest\n"
    "total benefit, exactly where the instance allows. Every project gets its reason.\n"
    "Projects CSV: id,unit_code,title,cost,benefit and optional priority_class\n"
    "(regional_connectivity, residential, other) and serves (unit codes joined by ';').\n"
    "Costs and the budget are whole amounts in one currency unit (e.g. million VND).",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"projects", "FILE", "projects CSV: id,unit_code,title,cost,benefit[,priority_class][,serves]", true},
     {"budget", "AMOUNT", "the budget, a whole amount (e.g. 32000)", true},
     {"per-province", "", "give each province the budget and choose within each one"},
     {"format", "FORMAT", "text (default), csv or json"},
     {"output", "FILE", "write there (atomically) instead of standard output"}},
    "",
    "localgov plan --units data/vn-2025/units.csv --projects data/scenario/projects.csv --budget 32000"};

inline int run_plan(const arguments& args) {
  using namespace localgov;
  const auto format = args.choice("format", {"text", "csv", "json"}, "text");
  const auto budget_text = *args.get("budget");
  const auto budget = planning::parse_amount(budget_text);
  if (budget.status != planning::amount_status::ok)
    throw usage_error("bad --budget '" + budget_text + "' (expected a whole amount, digits only, at most " +
                      std::to_string(planning::max_cost) + ")");

  organization org(presets::vietnam_vocabulary());
  const auto units_path = *args.get("units");
  progress("localgov: loading " + units_path);
  io::read_units(org, io::read_file(units_path), units_path);
  planning::unit_table units;
  for (const auto& u : org.units()) {
    if (u.level == tier::province || u.parent == no_id<unit_id>) units.add(u.code, {.province_code = u.code, .commune_tier = false});
    else units.add(u.code, {.province_code = org.unit(u.parent).code, .commune_tier = true});
  }
  const auto projects_path = *args.get("projects");
  progress("localgov: loading " + projects_path);
  const auto projects = planning::load_projects_csv(projects_path, units);
  progress_done();
  std::optional<planning::plan> plan;
  try {
    plan = args.has("per-province") ? planning::select_projects_per_province(projects, units, budget.value)
                                    : planning::select_projects(projects, budget.value);
  } catch (const error& e) {
    if (e.id() != "plan.overflow") throw;
    // Named at the project whose cost takes the running total past the 64-bit range
    // (each cost is at most planning::max_cost, so only the sum of very many can).
    std::int64_t total = 0;
    for (const auto& p : projects) {
      if (total > INT64_MAX - p.cost)
        fail_at_field(projects_path, p.line, "cost", e.id(), "the projects' total cost passes the 64-bit range here");
      total += p.cost;
    }
    throw input_error(e.id(), {projects_path, 0, 0}, "the projects' total benefit passes the 64-bit range");
  }
  write_output(args, planning::render_plan(*plan, projects, *planning::parse_report_format(format)));
  return 0;
}

}  // namespace cli
