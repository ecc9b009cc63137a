// localgov validate: load the units (and officials, lines), check them, print counts.
#pragma once

#include "common.hpp"

#include <localgov/model/validate.hpp>
#include <localgov/reports/table.hpp>

#include <fmt/format.h>

#include <map>

namespace cli {

inline const command validate_command{
    "validate",
    "Load the units and build the national organisation (Vietnam 2025 preset), then check\n"
    "it: placement of units, duplicate codes, tiers of bodies, reporting cycles and\n"
    "overlapping holders of posts. Prints counts by kind and tier and every problem;\n"
    "exits 0 when valid, 2 when the input is malformed or invalid.",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"officials", "FILE", "officials CSV: person_id,name,post,org_code,from,to"},
     {"lines", "FILE", "extra reporting lines CSV: from,to,kind (body codes)"},
     {"changes", "FILE", "dated amendments CSV (e.g. data/vn-2025/changes.csv): effective,code,name,kind,parent_code"},
     {"as-of", "DATE", "with --changes: apply the amendments in force on DATE (default: all)"}},
    "",
    "localgov validate --units data/vn-2025/units.csv --officials data/scenario/officials.csv"};

inline int run_validate(const arguments& args) {
  using namespace localgov;
  const auto org = load_organization(args);
  const auto problems = validate(org);

  std::map<std::size_t, std::size_t> units_by_kind;
  std::size_t by_tier[2] = {0, 0};
  for (const auto& u : org.units()) {
    ++units_by_kind[static_cast<std::size_t>(u.kind)];
    ++by_tier[static_cast<std::size_t>(u.level)];
  }
  std::string out = fmt::format("{}: {} units\n\n", *args.get("units"), reports::group_thousands(org.unit_count()));
  reports::table units({{"tier"}, {"kind"}, {"units", reports::align::right}});
  for (auto t : {tier::province, tier::commune}) {
    for (auto [kind, count] : units_by_kind)
      if (org.unit_kinds()[kind].level == t)
        units.add_row({std::string(format_as(t)), std::string(org.unit_kinds()[kind].slug), reports::group_thousands(count)});
    units.add_row({std::string(format_as(t)), "all", reports::group_thousands(by_tier[static_cast<std::size_t>(t)])});
    units.add_rule();
  }
  out += units.text() + "\n";

  std::vector<std::size_t> bodies_by_kind(org.words().body_kinds().size());
  for (const auto& b : org.bodies()) ++bodies_by_kind[index_of(b.kind)];
  reports::table bodies({{"body kind"}, {"name"}, {"tier"}, {"bodies", reports::align::right}});
  for (std::size_t k = 0; k < bodies_by_kind.size(); ++k) {
    if (bodies_by_kind[k] == 0) continue;
    const auto& info = org.words().body_kinds()[k];
    bodies.add_row({info.slug, info.name, std::string(format_as(info.levels)), reports::group_thousands(bodies_by_kind[k])});
  }
  out += fmt::format("standard bodies: {}, posts: {}\n\n{}\n", reports::group_thousands(org.body_count()),
                     reports::group_thousands(org.post_count()), bodies.text());
  if (org.person_count() > 0)
    out += fmt::format("officials: {} people holding {} posts\n\n", org.person_count(), org.holdings().size());

  if (problems.empty()) {
    print_output(out + "no problems\n");
    return 0;
  }
  print_output(out);  // the counts before the problems, as when both go to one terminal
  print_problems(problems);
  print_output(fmt::format("{} problems\n", problems.size()));
  return 2;
}

}  // namespace cli
