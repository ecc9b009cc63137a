// Bodies of model/queries.hpp: breadth-first searches over filtered views of the graph.
#pragma once

#include <localgov/model/queries.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <unordered_map>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

// The result of a breadth-first search: vertices in discovery order, and each one's
// predecessor (the start is its own). Sparse, so that a search touching a handful of
// vertices does not pay for the whole graph.
struct bfs_result {
  std::vector<org_vertex> order;
  std::unordered_map<org_vertex, org_vertex> predecessor;
};

struct bfs_recorder : boost::default_bfs_visitor {
  bfs_result* result;
  template <class Graph>
  void discover_vertex(org_vertex v, const Graph&) const {
    result->order.push_back(v);
  }
  template <class Edge, class Graph>
  void tree_edge(Edge e, const Graph& g) const {
    result->predecessor[boost::target(e, g)] = boost::source(e, g);
  }
};

// Breadth-first search from `start` over the given edge kinds, following edges
// forward, or backward when `reverse`.
LOCALGOV_DECL bfs_result bfs(const organization_core& org, org_vertex start, link_mask kinds, bool reverse) {
  bfs_result result;
  result.predecessor.emplace(start, start);
  std::unordered_map<org_vertex, boost::default_color_type> colors;
  auto color = boost::make_assoc_property_map(colors);
  boost::queue<org_vertex> queue;
  bfs_recorder recorder;
  recorder.result = &result;
  const auto view = view_of(org, kinds);
  if (reverse)
    boost::breadth_first_visit(boost::make_reverse_graph(view), start, queue, recorder, color);
  else
    boost::breadth_first_visit(view, start, queue, recorder, color);
  return result;
}

// The path from the search's start to `end`, both included.
LOCALGOV_DECL std::vector<node_ref> path_to(const organization_core& org, const bfs_result& tree, org_vertex end) {
  std::vector<node_ref> path;
  for (org_vertex v = end;; v = tree.predecessor.at(v)) {
    path.push_back(org.node_at(v));
    if (tree.predecessor.at(v) == v) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace detail

LOCALGOV_DECL std::vector<node_ref> chain_of_command(const organization_core& org, node_ref from) {
  unit_id unit = no_id<unit_id>;
  if (from.kind == node_kind::body) unit = org.body(id_at<body_id>(from.index)).unit;
  if (from.kind == node_kind::post) unit = org.body(org.post(id_at<post_id>(from.index)).body).unit;
  if (unit == no_id<unit_id>) return {};
  const auto apex = org.apex_of(org.province_of(unit));
  if (!apex) return {};
  const auto tree = detail::bfs(org, org.vertex_of(from), upward_lines, false);
  const auto end = org.body(*apex).vertex;
  if (!tree.predecessor.contains(end)) return {};
  return detail::path_to(org, tree, end);
}

LOCALGOV_DECL std::vector<node_ref> everything_under(const organization_core& org, node_ref top, link_mask kinds) {
  const auto tree = detail::bfs(org, org.vertex_of(top), kinds, true);
  std::vector<node_ref> out;
  out.reserve(tree.order.size());
  for (std::size_t i = 1; i < tree.order.size(); ++i) out.push_back(org.node_at(tree.order[i]));
  return out;
}

LOCALGOV_DECL bool is_at_or_above(const organization_core& org, body_id upper, body_id lower) {
  if (upper == lower) return true;
  const auto& g = org.graph();
  std::vector<org_vertex> stack{org.body(lower).vertex};
  std::vector<org_vertex> seen;
  const auto target = org.body(upper).vertex;
  while (!stack.empty()) {
    const auto v = stack.back();
    stack.pop_back();
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      if (!upward_lines.contains(g[*e].kind)) continue;
      const auto w = boost::target(*e, g);
      if (g[w].kind != node_kind::body) continue;
      if (w == target) return true;
      if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
      seen.push_back(w);
      stack.push_back(w);
    }
  }
  return false;
}

LOCALGOV_NAMESPACE_END
