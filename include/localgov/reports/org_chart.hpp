// Organisation charts as Graphviz DOT: units as clusters, bodies as boxes listing their
// posts and holders, lines styled by kind. A small writer of the library's own, so that
// drawing a chart costs no Boost.Spirit (boost/graph/graphviz.hpp) at compile time.
//
//   reports::org_chart_options o;
//   o.units = {*org.find_unit("25"), *org.find_unit("04795")};
//   o.as_of = date(2025, 12, 16);
//   io::write_file_atomically("phu-tho.dot", reports::org_chart_dot(org, o));
//   // dot -Tpng phu-tho.dot -o phu-tho.png   (or io::render_dot, io/graphviz.hpp)
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/detail/utf8.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/model/queries.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

// Which posts a body's box lists.
enum class chart_posts : std::uint8_t {
  none,  // the body's name (and code) only
  held,  // posts with a holder (on the as-of date, when one is given)
  all,   // every post; vacant ones say so ("trống")
};

// The lines a chart can draw (holds is drawn as the names inside the boxes).
inline constexpr link_mask chart_lines{link_kind::part_of, link_kind::reports_to, link_kind::directs,
                                       link_kind::coordinates_with};

struct org_chart_options {
  // The units drawn, each as a cluster with all its bodies; empty: every province-tier
  // unit (the whole country: large).
  std::vector<unit_id> units;
  // Levels of units below each listed one that are drawn too: 0 the listed units only,
  // 1 also the commune-tier units under a listed province; negative: all levels.
  int depth = 0;
  // Kinds of lines drawn between bodies.
  link_mask lines = chart_lines;
  chart_posts posts = chart_posts::held;
  // Holders on this date; without one, every holder with the dates of a closed term.
  std::optional<date> as_of;
  // Bodies outside the drawn units at the far end of a drawn line (a ward's Party
  // Standing Committee reports to its province's) as small grey boxes, so that no line
  // is silently cut.
  bool context = true;
  // Body codes ("25/tai-chinh") in small type under the names.
  bool codes = true;
  // A key to the line styles.
  bool legend = true;
  std::string title;             // the chart's caption; none when empty
  std::string rankdir = "TB";    // TB (top to bottom) or LR (left to right)
  std::size_t wrap = 26;         // names wrap at spaces past this many code points
  std::string font = "DejaVu Sans";  // any font with Vietnamese glyphs
};

// DOT quoted string: quotes and backslashes escaped, line ends as \n (centred lines),
// carriage returns and other control characters dropped, invalid UTF-8 replaced by
// U+FFFD. Returns the string with its surrounding quotes. O(length).
[[nodiscard]] inline std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
      else if (c == '\n') out += "\\n";
      else if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
      ++i;
      continue;
    }
    const auto n = detail::utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out + '"';
}

// Text for a DOT HTML-like label: & < > " ' as entities, line ends as <BR/>, control
// characters dropped, invalid UTF-8 replaced by U+FFFD. Backslashes are literal there.
// O(length).
[[nodiscard]] inline std::string dot_html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "<BR/>"; break;
        default:
          if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const auto n = detail::utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

// Breaks text at spaces into lines of at most `width` code points (a longer word stays
// whole), joined by '\n'. O(length).
[[nodiscard]] inline std::string wrap_words(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  while (!text.empty()) {
    const auto space = text.find(' ');
    const auto word = text.substr(0, space);
    const auto w = detail::count_code_points(word);
    if (!word.empty()) {
      if (line > 0 && line + 1 + w > width) {
        out += '\n';
        line = 0;
      } else if (line > 0) {
        out += ' ';
        ++line;
      }
      out.append(word);
      line += w;
    }
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

namespace detail_chart {

struct category_style {
  std::string_view fill, border;
};
// Party red, councils blue, committees green, agencies sand, the Front purple, the
// armed bodies grey: the colours a Vietnamese organigram usually uses.
inline category_style style_of(body_category c) noexcept {
  switch (c) {
    case body_category::party_committee: return {"#f8d7d3", "#a4282a"};
    case body_category::party_standing: return {"#f3b8b1", "#a4282a"};
    case body_category::party_board: return {"#fbe9e7", "#c0504d"};
    case body_category::council: return {"#dbe8f6", "#1f4e79"};
    case body_category::committee: return {"#d9ecd9", "#2e6b30"};
    case body_category::front: return {"#ece1f2", "#6a3d7a"};
    case body_category::agency: return {"#fdf3d8", "#8a6d1d"};
    case body_category::armed: return {"#e4e7ea", "#4a5560"};
  }
  return {"#ffffff", "#333333"};
}

inline std::string_view line_style(link_kind k) noexcept {
  switch (k) {
    case link_kind::part_of: return "dir=back, arrowtail=odiamond, color=\"#7a7a7a\", style=solid";
    case link_kind::reports_to: return "dir=back, arrowtail=normal, color=\"#1f4e79\", penwidth=1.3";
    case link_kind::directs: return "arrowhead=vee, color=\"#2e7d32\", style=dashed";
    case link_kind::coordinates_with: return "dir=none, color=\"#b26a00\", style=dotted, penwidth=1.5, constraint=false";
    case link_kind::holds: break;
  }
  return "style=invis";
}

// The line drawn in text, for the key: the mark sits at the upper end, as in the chart.
inline std::string_view line_sample(link_kind k) noexcept {
  switch (k) {
    case link_kind::part_of: return "◇────";
    case link_kind::reports_to: return "◀────";
    case link_kind::directs: return "╌╌╌╌▶";
    case link_kind::coordinates_with: return "┈┈┈┈┈";
    case link_kind::holds: break;
  }
  return "";
}
inline std::string_view line_color(link_kind k) noexcept {
  switch (k) {
    case link_kind::part_of: return "#7a7a7a";
    case link_kind::reports_to: return "#1f4e79";
    case link_kind::directs: return "#2e7d32";
    case link_kind::coordinates_with: return "#b26a00";
    case link_kind::holds: break;
  }
  return "#000000";
}

inline std::string_view line_name(link_kind k) noexcept {
  switch (k) {
    case link_kind::part_of: return "là bộ phận của (part of)";
    case link_kind::reports_to: return "báo cáo (reports to)";
    case link_kind::directs: return "chỉ đạo, hướng dẫn (directs)";
    case link_kind::coordinates_with: return "phối hợp (coordinates)";
    case link_kind::holds: break;
  }
  return "";
}

}  // namespace detail_chart

// The chart as DOT text. Bodies are nodes "b<index>", units clusters "cluster_u<index>";
// lines are drawn from the upper end to the lower one so that superiors sit above:
//   part_of           whole → part, hollow diamond at the whole, grey
//   reports_to        superior → subordinate, arrow at the superior, blue
//   directs           director → directed, dashed green
//   coordinates_with  dotted orange, no arrow, not used for ranking
// Only body-to-body lines are drawn; a body's place in its unit is its cluster. Labels are
// UTF-8 HTML-like labels, escaped. O(units + bodies + posts + holdings + edges).
[[nodiscard]] inline std::string org_chart_dot(const organization_core& org, const org_chart_options& options = {}) {
  // Which units are drawn.
  std::vector<unit_id> roots = options.units;
  if (roots.empty())
    for (std::size_t i = 0; i < org.unit_count(); ++i)
      if (org.unit(id_at<unit_id>(i)).level == tier::province) roots.push_back(id_at<unit_id>(i));
  std::vector<std::uint8_t> drawn_unit(org.unit_count(), 0);
  std::vector<unit_id> units;
  {
    std::vector<std::pair<unit_id, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 0);
    while (!stack.empty()) {
      const auto [u, level] = stack.back();
      stack.pop_back();
      if (index_of(u) >= org.unit_count() || drawn_unit[index_of(u)]) continue;
      drawn_unit[index_of(u)] = 1;
      units.push_back(u);
      if (options.depth >= 0 && level >= options.depth) continue;
      const auto& children = org.unit(u).children;
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, level + 1);
    }
  }
  auto inside = [&](body_id b) { return drawn_unit[index_of(org.body(b).unit)] != 0; };

  const auto& g = org.graph();
  const auto& words = org.words();
  auto body_of = [&](org_vertex v) -> std::optional<body_id> {
    const auto n = g[v];
    if (n.kind != node_kind::body) return std::nullopt;
    return id_at<body_id>(n.index);
  };

  // Lines to draw, and the outside bodies they reach.
  struct line_out {
    body_id upper, lower;
    link_kind kind;
  };
  std::vector<line_out> lines;
  std::vector<std::uint8_t> context(org.body_count(), 0);
  std::vector<body_id> context_bodies;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const auto kind = g[*e].kind;
    if (kind == link_kind::holds || !options.lines.contains(kind)) continue;
    const auto from = body_of(boost::source(*e, g)), to = body_of(boost::target(*e, g));
    if (!from || !to) continue;
    const bool in_from = inside(*from), in_to = inside(*to);
    if (!in_from && !in_to) continue;
    // Edges in the graph point from the lower end (part, subordinate) except directs
    // and coordinates_with; charts draw from the upper end.
    const bool upward = kind == link_kind::part_of || kind == link_kind::reports_to;
    const auto upper = upward ? *to : *from, lower = upward ? *from : *to;
    if (!(in_from && in_to)) {
      // Only what stands above the chart (or beside it) comes in as context; a
      // province's departments guide every commune's divisions, which stay out.
      const auto outer = in_from ? *to : *from;
      if (!options.context || (outer == lower && kind != link_kind::coordinates_with)) continue;
      if (!context[index_of(outer)]) context[index_of(outer)] = 1, context_bodies.push_back(outer);
    }
    lines.push_back({upper, lower, kind});
  }

  auto holders_text = [&](post_id p) {
    std::string names;
    for (auto h : org.post(p).holdings) {
      const auto& held = org.holdings()[h];
      if (options.as_of && !held.covers(*options.as_of)) continue;
      if (!names.empty()) names += "; ";
      names += org.person(held.person).name;
      if (!options.as_of && held.to != date::max()) names += " (" + held.from.to_string() + "–" + held.to.to_string() + ")";
    }
    return names;
  };

  const auto& font = options.font;
  std::string out = "digraph org_chart {\n";
  out += "  graph [rankdir=" + std::string(options.rankdir == "LR" ? "LR" : "TB") +
         ", compound=true, newrank=true, nodesep=0.25, ranksep=0.55, fontname=" + dot_quote(font) + ", fontsize=14";
  if (!options.title.empty()) out += ", labelloc=t, label=" + dot_quote(options.title) + ", fontsize=20";
  out += "];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fontname=" + dot_quote(font) + ", fontsize=11, margin=\"0.12,0.05\"];\n";
  out += "  edge [fontname=" + dot_quote(font) + ", fontsize=9, arrowsize=0.7];\n";

  auto body_node = [&](body_id b, bool outside, const std::string& indent) {
    const auto& info = org.kind_of(b);
    const auto style = detail_chart::style_of(info.category);
    // One table row per line: Vietnamese stacks diacritics, which <BR/> spacing crowds.
    std::string rows;
    auto row = [&](std::string_view text, std::string_view open, std::string_view close) {
      std::string_view rest = text;
      while (true) {
        const auto nl = rest.find('\n');
        rows += "<TR><TD>" + std::string(open) + dot_html_escape(rest.substr(0, nl)) + std::string(close) + "</TD></TR>";
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
      }
    };
    row(wrap_words(org.name_of(b), options.wrap), "<B>", "</B>");
    if (options.codes) row(org.code_of(b), "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">", "</FONT>");
    if (!outside && options.posts != chart_posts::none)
      for (auto p : org.body(b).posts) {
        const auto names = holders_text(p);
        if (names.empty() && options.posts == chart_posts::held) continue;
        rows += "<TR><TD><FONT POINT-SIZE=\"10\">" + dot_html_escape(words.post_title(org.post(p).title).name_vi) + ": " +
                (names.empty() ? std::string("<I>trống</I>") : "<B>" + dot_html_escape(names) + "</B>") + "</FONT></TD></TR>";
      }
    const std::string label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows + "</TABLE>";
    out += indent + "b" + std::to_string(index_of(b)) + " [label=<" + label + ">, tooltip=" + dot_quote(org.code_of(b));
    if (outside) out += ", style=\"rounded,dashed\", color=\"#9a9a9a\", fontcolor=\"#555555\", fillcolor=\"#ffffff\"";
    else out += ", fillcolor=\"" + std::string(style.fill) + "\", color=\"" + std::string(style.border) + "\"";
    out += "];\n";
  };

  for (auto u : units) {
    const auto& unit = org.unit(u);
    const bool province = unit.level == tier::province;
    out += "  subgraph cluster_u" + std::to_string(index_of(u)) + " {\n";
    out += "    label=<<B>" + dot_html_escape(unit.name) + "</B> <FONT POINT-SIZE=\"11\">(" + dot_html_escape(unit.code) + ", " +
           dot_html_escape(org.kind_info(unit.kind).display_name) + ")</FONT>>;\n";
    out += std::string("    style=\"rounded,filled\"; color=\"") + (province ? "#1f4e79" : "#6b7b8c") + "\"; fillcolor=\"" +
           (province ? "#f5f8fc" : "#fafafa") + "\"; penwidth=" + (province ? "2" : "1.2") + "; fontsize=" +
           (province ? "16" : "13") + ";\n";
    for (auto b : unit.bodies) body_node(b, false, "    ");
    out += "  }\n";
  }
  // Outside bodies grouped by their unit, in a dashed box.
  for (std::size_t i = 0; i < context_bodies.size(); ++i) {
    const auto unit = org.body(context_bodies[i]).unit;
    if (std::find_if(context_bodies.begin(), context_bodies.begin() + static_cast<std::ptrdiff_t>(i),
                     [&](body_id b) { return org.body(b).unit == unit; }) != context_bodies.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // drawn with the first of its unit
    out += "  subgraph cluster_context_u" + std::to_string(index_of(unit)) + " {\n    label=<" +
           dot_html_escape(org.unit(unit).name) + " <FONT POINT-SIZE=\"10\">(" + dot_html_escape(org.unit(unit).code) +
           ", ngoài sơ đồ: outside the chart)</FONT>>;\n    style=\"rounded,dashed\"; color=\"#9a9a9a\"; fontcolor=\"#555555\"; fontsize=12;\n";
    for (auto b : context_bodies)
      if (org.body(b).unit == unit) body_node(b, true, "    ");
    out += "  }\n";
  }
  for (const auto& l : lines)
    out += "  b" + std::to_string(index_of(l.upper)) + " -> b" + std::to_string(index_of(l.lower)) + " [" +
           std::string(detail_chart::line_style(l.kind)) + "];\n";

  // A unit inside a drawn unit (a ward in its province): one part_of line between the
  // clusters, from the province's first body to the ward's.
  if (options.lines.contains(link_kind::part_of))
    for (auto u : units) {
      const auto& unit = org.unit(u);
      if (unit.parent == no_id<unit_id> || !drawn_unit[index_of(unit.parent)]) continue;
      const auto& whole = org.unit(unit.parent);
      if (unit.bodies.empty() || whole.bodies.empty()) continue;
      out += "  b" + std::to_string(index_of(whole.bodies.front())) + " -> b" + std::to_string(index_of(unit.bodies.front())) +
             " [ltail=cluster_u" + std::to_string(index_of(unit.parent)) + ", lhead=cluster_u" + std::to_string(index_of(u)) +
             ", " + std::string(detail_chart::line_style(link_kind::part_of)) + ", penwidth=2];\n";
    }
  if (options.legend) {
    std::string rows;
    for (auto k : {link_kind::part_of, link_kind::reports_to, link_kind::directs, link_kind::coordinates_with})
      if (options.lines.contains(k))
        rows += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + std::string(detail_chart::line_color(k)) + "\">" +
                std::string(detail_chart::line_sample(k)) + "</FONT></TD><TD ALIGN=\"LEFT\">" +
                dot_html_escape(detail_chart::line_name(k)) + "</TD></TR>";
    out += "  legend [shape=plaintext, style=\"\", margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#9a9a9a\" "
           "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD COLSPAN=\"2\"><B>Chú giải (key)</B></TD></TR>" +
           rows + "</TABLE>>];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace reports
LOCALGOV_NAMESPACE_END
