// localgov route: each proposal to its lead agency, coordinators, deadline and rule.
#pragma once

#include <localgov/detail/strings.hpp>
#include "common.hpp"

#include <localgov/io/proposals_csv.hpp>
#include <localgov/io/rules_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/json.hpp>
#include <localgov/reports/table.hpp>
#include <localgov/routing/routing_table.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

namespace cli {

inline const command route_command{
    "route",
    "Route proposals, petitions, complaints and denunciations: for each, the unit that\n"
    "handles it, the lead agency, the coordinating ones, the due date and the rule that\n"
    "decided, in input order. Proposals CSV: id,unit_code,field,title,submitted and optional\n"
    "channel (proposal, petition, voter_petition, complaint, complaint_second, denunciation;\n"
    "proposal when absent), sector (a field whose department coordinates), respondent (for\n"
    "complaints and denunciations: the body or post they are against, as 25/noi-vu or\n"
    "25/noi-vu#director) and remote (yes in remote and difficult areas).\n"
    "CSV output header: id,unit_code,field,handled_at,lead,lead_name,coordinators,due,rule,\n"
    "channel,decider,accept_by,deadline,basis (decider: the post that decides a complaint or\n"
    "denunciation, or who outside the organisation; accept_by: when acceptance is due;\n"
    "deadline: statutory when the law sets it, internal when it is localgov's or the\n"
    "province's own default; basis: the legal basis, the decider's articles first).",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"proposals", "FILE", "proposals CSV", true},
     {"rules", "FILE", "routing rules CSV (default: the Vietnam 2025 preset's)"},
     {"changes", "FILE", "dated amendments CSV; those in force on --as-of are applied"},
     {"format", "FORMAT", "csv (default), json, or text (with the reasons)"},
     {"as-of", "DATE", "route only what was submitted on or before DATE (the rest is counted on stderr)"},
     {"output", "FILE", "write there (atomically) instead of standard output"}},
    "",
    "localgov route --units data/vn-2025/units.csv --proposals data/scenario/proposals.csv --format text"};

// The Vietnam preset's rules, or --rules.
inline localgov::rule_set load_rules(const arguments& args, const localgov::organization_core& org) {
  if (const auto path = args.get("rules")) return localgov::io::read_rules(org.words(), localgov::io::read_file(*path), *path);
  return localgov::presets::vietnam_rules(org.words());
}

inline std::optional<localgov::date> as_of_option(const arguments& args) {
  const auto text = args.get("as-of");
  if (!text) return std::nullopt;
  const auto d = localgov::date::parse(*text);
  if (!d) throw usage_error("bad --as-of '" + *text + "' (expected a calendar date YYYY-MM-DD)");
  return d;
}

inline int run_route(const arguments& args) {
  using namespace localgov;
  const auto format = args.choice("format", {"csv", "json", "text"}, "csv");
  const auto as_of = as_of_option(args);
  const auto org = load_organization(args);
  const auto rules = load_rules(args, org);
  const routing_table table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider);
  proposal_list proposals;
  const auto path = *args.get("proposals");
  io::read_proposals(org, proposals, io::mapped_file(path), path, read_options());

  reports::table out({{"id"}, {"unit_code"}, {"field"}, {"handled_at"}, {"lead"}, {"lead_name"}, {"coordinators"}, {"due"}, {"rule"},
                      {"channel"}, {"decider"}, {"accept_by"}, {"deadline"}, {"basis"}});
  reports::json_writer json;
  json.begin_array();
  std::string text;
  std::size_t later = 0;
  for (const auto p : proposals.keys()) {
    if (as_of && proposals.submitted(p) > *as_of) {
      ++later;
      continue;
    }
    const auto filed = proposals[p];
    std::optional<route_result> r;
    try {
      r = table.route(filed);
    } catch (const localgov::error& e) {  // a deadline past the calendar or the dates localgov handles
      fail_at_field(path, proposals.line(p), "submitted", e.id(),
                    "proposal " + std::string(filed.id) + " submitted on " + filed.submitted.to_string() + ": " + e.what());
    }
    if (!r)
      fail_at_field(path, proposals.line(p), routed_by_respondent(filed.via) ? "respondent" : "field", "route.no_rule",
                    "no rule routes a " + std::string(format_as(filed.via)) + " in field '" + org.words().field(filed.field).slug +
                        "' from " + org.unit(filed.unit).name + " (" + std::string(format_as(org.unit(filed.unit).level)) +
                        " tier)" + (routed_by_respondent(filed.via) ? " against " + org.code_of(filed.against.body) : std::string()));
    const bool inside = r->lead != no_id<body_id>;
    const auto& rule = rules[r->rule];
    const std::string decider = !routed_by_respondent(filed.via) ? std::string()
                                : inside ? org.code_of(r->lead) + "#" + org.words().post_title(r->decider_title).slug
                                         : std::string(r->outside);
    const std::string basis = r->decider_basis.empty() ? rule.basis : std::string(r->decider_basis) + "; " + rule.basis;
    std::string coordinators;
    for (auto c : r->coordinators) localgov::detail::append_joined(coordinators, ";", org.code_of(c));
    if (r->sector_coordinator != no_id<body_id>)
      localgov::detail::append_joined(coordinators, ";", org.code_of(r->sector_coordinator));
    const std::vector<std::string> row{std::string(filed.id),
                                       org.unit(filed.unit).code,
                                       org.words().field(filed.field).slug,
                                       inside ? org.unit(r->handled_at).code : std::string(),
                                       inside ? org.code_of(r->lead) : std::string(),
                                       inside ? std::string(org.name_of(r->lead)) : std::string(),
                                       coordinators,
                                       r->due.to_string(),
                                       rule.id,
                                       std::string(format_as(filed.via)),
                                       decider,
                                       r->accept_by == date::max() ? std::string() : r->accept_by.to_string(),
                                       std::string(format_as(rule.deadline)),
                                       basis};
    if (format == "json") {
      static constexpr std::string_view keys[] = {"id",   "unit_code", "field",   "handled_at", "lead",      "lead_name", "coordinators",
                                                  "due",  "rule",      "channel", "decider",    "accept_by", "deadline",  "basis"};
      json.begin_object();
      for (std::size_t k = 0; k < row.size(); ++k) {
        json.key(keys[k]);
        json.value(row[k]);
      }
      json.end_object();
    } else if (format == "text") {
      text += fmt::format("{} — {} ({})\n  {}\n", row[0], org.unit(filed.unit).name, row[1], filed.title);
      if (routed_by_respondent(filed.via))
        text += fmt::format("  {} decided by {}{}\n", row[9], decider, row[11].empty() ? "" : ", to accept by " + row[11]);
      text += fmt::format("  → {}, due {} ({} deadline)\n", inside ? row[5] + " (" + row[4] + ")" : decider, row[7], row[12]);
      if (!coordinators.empty()) text += "  coordinating: " + coordinators + "\n";
      const auto why = table.explain(filed);
      std::string path_text;
      for (auto b : why->path) localgov::detail::append_joined(path_text, " → ", org.code_of(b));
      text += "  path: " + path_text + "\n";
      for (const auto& fact : why->facts) text += "  · " + fact + "\n";
      text += "\n";
    } else {
      out.add_row(row);
    }
  }
  json.end_array();
  if (later > 0)
    fmt::print(stderr, "localgov: {} of {} submitted after {} were not routed\n", later, proposals.size(), as_of->to_string());
  write_output(args, format == "json" ? json.str() + "\n" : format == "text" ? text : out.csv());
  return 0;
}

}  // namespace cli
