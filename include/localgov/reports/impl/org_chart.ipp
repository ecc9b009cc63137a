// Bodies of reports/org_chart.hpp: DOT escaping, word wrapping, and the chart writer with its styles.
#pragma once

#include <localgov/reports/org_chart.hpp>

#include <localgov/detail/utf8.hpp>
#include <localgov/model/organization.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

LOCALGOV_DECL std::string dot_quote(std::string_view text) {
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

LOCALGOV_DECL std::string dot_html_escape(std::string_view text) {
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

LOCALGOV_DECL std::string wrap_words(std::string_view text, std::size_t width) {
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

}  // namespace reports
namespace detail {

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

// How a chart draws one kind of line: its DOT attributes, and in the key the line drawn in
// text (the mark sits at the upper end, as in the chart), its colour and its name.
struct line_look {
  std::string_view style, sample, color, name;
};

// What is not drawn as a line (holds, which is the names inside the boxes).
inline constexpr line_look no_line{"style=invis", "", "#000000", ""};

// One entry per link_kind, in enumerator order.
inline constexpr std::array<line_look, link_kind_count> line_looks{{
    {"dir=back, arrowtail=odiamond, color=\"#7a7a7a\", style=solid", "◇────", "#7a7a7a", "là bộ phận của (part of)"},
    {"dir=back, arrowtail=normal, color=\"#1f4e79\", penwidth=1.3", "◀────", "#1f4e79", "báo cáo (reports to)"},
    {"arrowhead=vee, color=\"#2e7d32\", style=dashed", "╌╌╌╌▶", "#2e7d32", "chỉ đạo, hướng dẫn (directs)"},
    {"dir=none, color=\"#b26a00\", style=dotted, penwidth=1.5, constraint=false", "┈┈┈┈┈", "#b26a00",
     "phối hợp (coordinates)"},
    no_line,  // holds
}};
static_assert(static_cast<std::size_t>(link_kind::part_of) == 0 && static_cast<std::size_t>(link_kind::reports_to) == 1 &&
                  static_cast<std::size_t>(link_kind::directs) == 2 &&
                  static_cast<std::size_t>(link_kind::coordinates_with) == 3 &&
                  static_cast<std::size_t>(link_kind::holds) == 4,
              "line_looks follows link_kind's enumerator order");

constexpr const line_look& look_of(link_kind k) noexcept {
  const auto i = static_cast<std::size_t>(k);
  return i < line_looks.size() ? line_looks[i] : no_line;
}

}  // namespace detail
namespace reports {

LOCALGOV_DECL std::string org_chart_dot(const organization_core& org, const org_chart_options& options) {
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
    const auto style = detail::style_of(info.category);
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
           std::string(detail::look_of(l.kind).style) + "];\n";

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
             ", " + std::string(detail::look_of(link_kind::part_of).style) + ", penwidth=2];\n";
    }
  if (options.legend) {
    std::string rows;
    for (auto k : {link_kind::part_of, link_kind::reports_to, link_kind::directs, link_kind::coordinates_with})
      if (options.lines.contains(k))
        rows += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + std::string(detail::look_of(k).color) + "\">" +
                std::string(detail::look_of(k).sample) + "</FONT></TD><TD ALIGN=\"LEFT\">" +
                dot_html_escape(detail::look_of(k).name) + "</TD></TR>";
    out += "  legend [shape=plaintext, style=\"\", margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#9a9a9a\" "
           "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR><TD COLSPAN=\"2\"><B>Chú giải (key)</B></TD></TR>" +
           rows + "</TABLE>>];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace reports
LOCALGOV_NAMESPACE_END
