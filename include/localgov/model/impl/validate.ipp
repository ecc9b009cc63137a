// Bodies of model/validate.hpp: every rule check, and the depth-first search for reporting cycles.
#pragma once

#include <localgov/model/validate.hpp>

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

LOCALGOV_DECL source_location where(const std::string& file, std::uint32_t line, std::uint32_t column = 0) {
  if (line == 0) return {};
  return {file, line, column};
}

LOCALGOV_DECL std::string describe_unit(const organization_core& org, unit_id id) {
  const auto& u = org.unit(id);
  return std::string(org.kind_info(u.kind).slug) + " '" + u.name + "' (" + u.code + ")";
}

struct cycle_finder : boost::default_dfs_visitor {
  std::vector<org_vertex>* parent;
  std::vector<std::uint32_t>* parent_line;  // input line of the tree edge into each vertex
  std::vector<std::pair<std::vector<org_vertex>, std::uint32_t>>* cycles;  // the cycle, the line closing it
  template <class Edge, class Graph>
  void tree_edge(Edge e, const Graph& g) const {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
    (*parent_line)[boost::target(e, g)] = g[e].line;
  }
  template <class Edge, class Graph>
  void back_edge(Edge e, const Graph& g) const {
    // The cycle is target -> ... -> source along tree edges, closed by this edge.
    std::vector<org_vertex> cycle;
    std::uint32_t line = g[e].line;  // cite a line from a file when the cycle has one
    const auto top = boost::target(e, g);
    for (auto v = boost::source(e, g); v != top; v = (*parent)[v]) {
      cycle.push_back(v);
      line = std::max(line, (*parent_line)[v]);
    }
    cycle.push_back(top);
    std::reverse(cycle.begin(), cycle.end());
    cycles->emplace_back(std::move(cycle), line);
  }
};

}  // namespace detail

LOCALGOV_DECL std::vector<problem> validate(const organization_core& org) {
  std::vector<problem> problems;
  // Structural problems point at the parent_code field; duplicates at the code.
  auto unit_where = [&](unit_id id) {
    const auto& o = org.unit(id).origin;
    return detail::where(org.units_source, o.line, o.parent_column);
  };
  auto code_where = [&](unit_id id) {
    const auto& o = org.unit(id).origin;
    return detail::where(org.units_source, o.line, o.code_column);
  };

  for (auto [first, later] : org.duplicate_units()) {
    std::string also = org.unit(first).origin.line ? " (first on line " + std::to_string(org.unit(first).origin.line) + ")" : "";
    problems.push_back({"unit.duplicate_code",
                        "duplicate unit code '" + org.unit(later).code + "': " + detail::describe_unit(org, later) +
                            " and " + detail::describe_unit(org, first) + also,
                        code_where(later)});
  }
  for (std::size_t i = 0; i < org.unit_count(); ++i) {
    const auto id = id_at<unit_id>(i);
    const auto& u = org.unit(id);
    if (u.level == tier::province) {
      if (u.parent != no_id<unit_id>)
        problems.push_back({"unit.province_has_parent",
                            detail::describe_unit(org, id) + " is a province-tier unit and cannot have a parent",
                            unit_where(id)});
      continue;
    }
    if (u.parent == no_id<unit_id>) {
      problems.push_back({"unit.parent_missing",
                          detail::describe_unit(org, id) + " has no parent (expected a province-tier unit)",
                          unit_where(id)});
    } else if (u.parent == id) {
      problems.push_back({"unit.parent_self", detail::describe_unit(org, id) + " is its own parent", unit_where(id)});
    } else if (org.unit(u.parent).level != tier::province) {
      problems.push_back({"unit.parent_tier",
                          detail::describe_unit(org, id) + " is placed under " + detail::describe_unit(org, u.parent) +
                              "; a commune-tier unit can only be placed under a province-tier unit",
                          unit_where(id)});
    }
  }

  for (auto [first, later] : org.duplicate_bodies())
    problems.push_back({"body.duplicate_code",
                        "duplicate body code '" + org.code_of(later) + "' in " +
                            detail::describe_unit(org, org.body(later).unit),
                        {}});
  for (std::size_t i = 0; i < org.body_count(); ++i) {
    const auto id = id_at<body_id>(i);
    const auto& b = org.body(id);
    const auto& kind = org.kind_of(id);
    if (!allows(kind.levels, org.unit(b.unit).level))
      problems.push_back({"body.wrong_tier",
                          std::string(org.name_of(id)) + " (" + org.code_of(id) + ") is a " +
                              std::string(format_as(kind.levels)) + "-tier body in " +
                              detail::describe_unit(org, b.unit) + ", a " +
                              std::string(format_as(org.unit(b.unit).level)) + "-tier unit",
                          {}});
  }

  {
    // Reporting cycles: among bodies, along part_of and reports_to.
    const auto& g = org.graph();
    struct body_lines {
      const org_graph* graph;
      bool operator()(org_edge e) const {
        const auto& g = *graph;
        return upward_lines.contains(g[e].kind) && g[boost::source(e, g)].kind == node_kind::body &&
               g[boost::target(e, g)].kind == node_kind::body;
      }
    };
    boost::filtered_graph<org_graph, body_lines> view(g, body_lines{&g});
    std::vector<org_vertex> parent(boost::num_vertices(g));
    std::vector<std::uint32_t> parent_line(boost::num_vertices(g));
    std::vector<std::pair<std::vector<org_vertex>, std::uint32_t>> cycles;
    detail::cycle_finder finder;
    finder.parent = &parent;
    finder.parent_line = &parent_line;
    finder.cycles = &cycles;
    std::vector<boost::default_color_type> colors(boost::num_vertices(g));
    boost::depth_first_search(view, boost::visitor(finder).color_map(
                                        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g))));
    for (const auto& [cycle, line] : cycles) {
      std::string spelled;
      for (auto v : cycle) spelled += org.code_of(org.node_at(v)) + " -> ";
      spelled += org.code_of(org.node_at(cycle.front()));
      problems.push_back({"line.cycle", "reporting cycle: " + spelled, detail::where(org.lines_source, line, 1)});
    }
  }

  const auto& holdings = org.holdings();
  for (std::size_t p = 0; p < org.post_count(); ++p) {
    const auto id = id_at<post_id>(p);
    const auto& post = org.post(id);
    for (auto h : post.holdings)
      if (holdings[h].to < holdings[h].from)
        problems.push_back({"post.bad_term",
                            org.person(holdings[h].person).name + " in " + org.name_of(id) + ": term ends " +
                                holdings[h].to.to_string() + ", before it starts " + holdings[h].from.to_string(),
                            detail::where(org.officials_source, holdings[h].origin.line, holdings[h].origin.to_column)});
    if (!org.words().post_title(post.title).single_holder || post.holdings.size() < 2) continue;
    // Sorted by start, each term is checked against the one reaching furthest among those
    // before it: a term overlaps some earlier one exactly when it overlaps that one. One
    // problem per overlapping term, O(H log H), however many terms overlap.
    auto terms = post.holdings;
    std::stable_sort(terms.begin(), terms.end(), [&](auto a, auto b) { return holdings[a].from < holdings[b].from; });
    auto furthest = terms.front();
    const auto first_of_post = problems.size();
    for (std::size_t i = 1; i < terms.size(); ++i) {
      const auto& a = holdings[furthest];
      const auto& b = holdings[terms[i]];
      if (b.from <= a.to) {
        const auto& pa = org.person(a.person);
        const auto& pb = org.person(b.person);
        const auto post_name = org.name_of(id) + " (" + org.code_of(id) + ")";
        problems.push_back({"post.overlapping_holders",
                            a.person == b.person
                                ? post_name + " is held twice by " + pb.name + " (" + pb.key + ") from " + b.from.to_string() +
                                      ": terms from " + a.from.to_string() + " and from " + b.from.to_string()
                                : post_name + " has two holders from " + b.from.to_string() + ": " + pa.name + " (" + pa.key +
                                      ", from " + a.from.to_string() + ") and " + pb.name + " (" + pb.key + ", from " +
                                      b.from.to_string() + ")",
                            detail::where(org.officials_source, b.origin.line, b.origin.from_column)});
      }
      if (b.to > a.to) furthest = terms[i];
    }
    // In the file's order, as every other problem.
    std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first_of_post), problems.end(),
                     [](const problem& x, const problem& y) { return x.where.line < y.where.line; });
  }
  return problems;
}

LOCALGOV_DECL void require_valid(const organization_core& org) {
  if (auto problems = validate(org); !problems.empty()) throw validation_error(std::move(problems));
}

LOCALGOV_NAMESPACE_END
