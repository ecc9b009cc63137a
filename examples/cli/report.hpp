// localgov report: the status of every proposal as of a date, by province, unit, agency
// or field, with what is overdue.
#pragma once

#include "common.hpp"
#include "read_ahead.hpp"
#include "route.hpp"

#include <localgov/io/events_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/reports/status_report.hpp>
#include <localgov/routing/compilation.hpp>

#include <fmt/format.h>

namespace cli {

inline const command report_command{
    "report",
    "Report the status of proposals as of a date: counts by status, overdue (not final and\n"
    "past the due date routing gives) and time to answer, grouped by province, unit,\n"
    "agency or field. Events CSV: proposal_id,date,status and optional actor,note; with\n"
    "--officials, an event naming an actor is checked against the permissions. Events\n"
    "and proposals after --as-of are ignored.",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"proposals", "FILE", "proposals CSV: id,unit_code,field,title,submitted[,channel][,sector]", true},
     {"events", "FILE", "events CSV: proposal_id,date,status[,actor][,note]"},
     {"officials", "FILE", "officials CSV; enables permission checks of the events' actors"},
     {"rules", "FILE", "routing rules CSV (default: the Vietnam 2025 preset's)"},
     {"changes", "FILE", "dated amendments CSV; those in force on --as-of are applied"},
     {"as-of", "DATE", "the date of the report (YYYY-MM-DD)", true},
     {"by", "GROUP", "province (default), unit, agency or field"},
     {"province", "CODE", "only this province's proposals; names who compiles the report for whom"},
     {"format", "FORMAT", "text (default), md, csv or json"},
     {"output", "FILE", "write there (atomically) instead of standard output"}},
    "",
    "localgov report --units data/vn-2025/units.csv --proposals data/scenario/proposals.csv "
    "--events data/scenario/events.csv --officials data/scenario/officials.csv --as-of 2026-03-31 --by agency --format md"};

inline int run_report(const arguments& args) {
  using namespace localgov;
  const auto by_name = args.choice("by", {"province", "unit", "agency", "field"}, "province");
  const auto format = args.choice("format", {"text", "md", "csv", "json"}, "text");
  const auto as_of = *as_of_option(args);
  const auto by = by_name == "unit" ? group_by::unit : by_name == "agency" ? group_by::agency
                : by_name == "field" ? group_by::field : group_by::province;
  // The proposals and events files are mapped, their first pages mapped in, and memory
  // made ready for the proposal list and the tracker, while this thread builds the
  // organisation and the routing table (see read_ahead). Those tables took 69 MB for the
  // 116 MB of a million proposals in bench_tracking (55 MB when their ids are numbered and
  // need no index): six tenths of the file's size.
  const auto proposals_path = *args.get("proposals");
  const auto events_path = args.get("events");
  std::vector<std::string> inputs{proposals_path};
  if (events_path) inputs.push_back(*events_path);
  read_ahead inputs_ahead(inputs, std::size_t{128} << 20, 0.6);
  // No vacant head posts: a report shows none, and the officials file, if any, adds the
  // posts its officials hold, which are all that permission checks look at.
  presets::vietnam_options lean;
  lean.head_posts = false;
  const auto org = load_organization(args, lean);
  std::optional<unit_id> province;
  if (const auto code = args.get("province")) {
    province = org.find_unit(*code);
    if (!province || org.tier_of(*province) != tier::province)
      throw usage_error("unknown province code '" + *code + "' (expected the code of a province-tier unit, e.g. 25)");
  }
  const auto rules = load_rules(args, org);
  const routing_table table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider);
  proposal_list proposals;
  proposals.keep_titles(false);  // a report shows none: some 50 MB less for a million proposals
  progress("localgov: loading " + proposals_path);
  io::read_proposals(org, proposals, inputs_ahead.file(0), proposals_path, read_options());
  const unsigned threads = read_options().parallel ? std::thread::hardware_concurrency() : 1;
  // The report is as of one date: the tracker keeps its state that day and no history.
  auto track = detail::tracker_access::make<tracker>(table, proposals, threads);
  detail::tracker_access::keep_state_only(track, as_of);
  track.check_permissions(args.has("officials"));
  if (events_path) {
    progress("localgov: loading " + *events_path);
    io::read_events(track, inputs_ahead.file(1), *events_path, read_options());
  }
  progress_done();
  const auto report = reports::make_status_report(track, as_of, by, province, threads);

  std::string out;
  if (format == "json") {
    out = reports::status_json(report);
  } else if (format == "csv") {
    out = reports::status_table(report).csv();
  } else {
    const bool md = format == "md";
    std::string title = fmt::format("Báo cáo tình hình giải quyết kiến nghị, đề xuất đến ngày {} (by {})", as_of.to_string(), by_name);
    if (province) {
      const auto duties = presets::vietnam_compilation_duties(org.words());
      if (const auto duty = compilation_for(org, duties, *province, channel::proposal))
        title += fmt::format("\n{} tổng hợp, báo cáo {}", org.name_of(duty->compiler), org.name_of(duty->recipient));
    }
    out += md ? "## " + title + "\n\n" : title + "\n\n";
    out += fmt::format("{}: {} proposals, {} overdue ({} past a statutory deadline, {} past an internal one)\n\n",
                       province ? org.unit(*province).name : std::string("Toàn quốc"), report.total, report.overdue,
                       report.overdue_statutory, report.overdue - report.overdue_statutory);
    const auto t = reports::status_table(report);
    out += md ? t.markdown() : t.text();
    if (by != group_by::agency) {
      const auto agencies = reports::make_status_report(track, as_of, group_by::agency, province, threads);
      const auto worst = reports::most_overdue(agencies, 10);
      if (!worst.empty()) {
        reports::table top({{"agency"}, {"name"}, {"overdue", reports::align::right}, {"open", reports::align::right}});
        for (const auto& r : worst)
          top.add_row({r.key, r.name, std::to_string(r.overdue),
                       std::to_string(r.total - r.status[default_lifecycle::answered] - r.status[default_lifecycle::rejected] -
                                      r.status[default_lifecycle::withdrawn])});
        out += md ? "\n### Cơ quan quá hạn nhiều nhất (most overdue agencies)\n\n" + top.markdown()
                  : "\nCơ quan quá hạn nhiều nhất (most overdue agencies)\n\n" + top.text();
      }
    }
  }
  write_output(args, out);
  exit_now(0);
}

}  // namespace cli
