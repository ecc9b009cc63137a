// localgov chart: a unit's org chart as Graphviz DOT, or rendered to SVG or PNG by `dot`.
#pragma once

#include "common.hpp"

#include <localgov/io/graphviz.hpp>
#include <localgov/reports/org_chart.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

inline const command chart_command{
    "chart",
    "Draw org charts of units as Graphviz DOT, SVG or PNG.\n"
    "Each unit is a box holding its bodies, each body with its posts and their holders; the\n"
    "lines between bodies are styled by kind (part of, reports to, directs, coordinates).\n"
    "Bodies outside the chart that a drawn body answers to are shown in grey, by unit. DOT is written by localgov itself; svg and png need Graphviz's `dot`\n"
    "on PATH (Debian: apt-get install graphviz).",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"officials", "FILE", "officials CSV: person_id,name,post,org_code,from,to (holders in the boxes)"},
     {"lines", "FILE", "extra reporting lines CSV: from,to,kind (body codes)"},
     {"unit", "CODES", "the units to draw, comma-separated codes (e.g. 25 or 25,04795,04828)", true},
     {"depth", "N", "also draw N levels of units below them (1: a province's communes; default 0)"},
     {"edges", "KINDS", "kinds of lines, comma-separated: part_of, reports_to, directs, coordinates_with (default all)"},
     {"as-of", "DATE", "holders on this date (YYYY-MM-DD; default: everyone who held a post)"},
     {"posts", "WHICH", "held (default: posts with a holder), all (vacant ones too) or none"},
     {"direction", "DIR", "LR (default: left to right) or TB (top to bottom)"},
     {"format", "FORMAT", "dot (default), svg or png"},
     {"output", "FILE", "write there instead of standard output"}},
    "",
    "localgov chart --units data/vn-2025/units.csv --officials data/scenario/officials.csv "
    "--unit 25,04795 --as-of 2025-12-16 --format svg --output phu-tho.svg"};

inline int run_chart(const arguments& args) {
  using namespace localgov;
  const auto format = args.choice("format", {"dot", "svg", "png"}, "dot");
  const auto posts = args.choice("posts", {"held", "all", "none"}, "held");
  const auto direction = args.choice("direction", {"LR", "TB"}, "LR");
  reports::org_chart_options options;
  options.rankdir = direction;
  options.posts = posts == "all" ? reports::chart_posts::all : posts == "none" ? reports::chart_posts::none
                                                                                : reports::chart_posts::held;
  if (const auto depth = args.integer("depth")) {
    if (*depth > 8) throw usage_error("bad --depth '" + std::to_string(*depth) + "' (expected 0 to 8)");
    options.depth = static_cast<int>(*depth);
  }
  if (const auto text = args.get("as-of")) {
    options.as_of = date::parse(*text);
    if (!options.as_of) throw usage_error("bad --as-of '" + *text + "' (expected a calendar date YYYY-MM-DD)");
  }
  if (const auto kinds = args.get("edges")) {
    link_mask mask;
    std::string_view rest = *kinds;
    while (true) {
      const auto comma = rest.find(',');
      const auto name = rest.substr(0, comma);
      bool found = false;
      for (auto k : {link_kind::part_of, link_kind::reports_to, link_kind::directs, link_kind::coordinates_with})
        if (format_as(k) == name) {
          mask = mask.with(k);
          found = true;
        }
      if (!found)
        throw usage_error("bad --edges '" + std::string(name) +
                          "' (expected part_of, reports_to, directs or coordinates_with, comma-separated)");
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    options.lines = mask;
  }
  if (format == "png" && !args.has("output") && ::isatty(1) != 0)
    throw usage_error("--format png writes binary data: give --output FILE (or redirect standard output)");
  // Fail before the long load when the picture cannot be drawn.
  if (format != "dot" && !io::find_program("dot"))
    throw error("graphviz.not_found", "cannot render " + format +
                                          ": Graphviz's 'dot' is not on PATH (Debian: apt-get install graphviz); use "
                                          "--format dot and run: dot -T" + format + " chart.dot -o chart." + format);

  const auto org = load_organization(args);
  std::string codes = *args.get("unit");
  std::string_view rest = codes;
  while (true) {
    const auto comma = rest.find(',');
    const std::string code(rest.substr(0, comma));
    if (code.empty()) throw usage_error("empty unit code in --unit '" + codes + "' (expected codes joined by commas, e.g. 25,04795)");
    const auto unit = org.find_unit(code);
    if (!unit) throw usage_error("unknown unit code '" + code + "' in --unit (e.g. 25 for Phú Thọ, 04795 for Phường Hòa Bình)");
    if (std::find(options.units.begin(), options.units.end(), *unit) == options.units.end())  // 25,25: one unit
      options.units.push_back(*unit);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  const auto& first = org.unit(options.units.front());
  options.title = first.name + (options.units.size() > 1 ? " và " + std::to_string(options.units.size() - 1) + " đơn vị" : "") +
                  (options.as_of ? " — " + options.as_of->to_string() : std::string());
  const auto dot = reports::org_chart_dot(org, options);
  if (format == "dot") {
    write_output(args, dot);
  } else {
    const auto output = args.get("output");
    std::fflush(stdout);
    io::render_dot(dot, format, output ? *output : std::string());
  }
  return 0;
}

}  // namespace cli
