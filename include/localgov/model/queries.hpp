// Graph queries over an organisation: chains of command, what lies under a unit, and
// who stands above whom, as Boost.Graph searches over views of one edge kind or more.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// A set of edge kinds, as a bit mask.
class link_mask {
 public:
  constexpr link_mask() = default;
  constexpr link_mask(std::initializer_list<link_kind> kinds) {
    for (auto k : kinds) bits_ |= bit(k);
  }
  [[nodiscard]] constexpr bool contains(link_kind k) const noexcept { return (bits_ & bit(k)) != 0; }
  // This set and one kind more (for sets built at run time, e.g. from options).
  [[nodiscard]] constexpr link_mask with(link_kind k) const noexcept {
    link_mask out = *this;
    out.bits_ |= bit(k);
    return out;
  }

 private:
  static constexpr std::uint8_t bit(link_kind k) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(k)); }
  std::uint8_t bits_ = 0;
};

// The lines along which authority runs upward: a post is part of its body, a body
// reports to its superior or is part of a larger body.
inline constexpr link_mask upward_lines{link_kind::part_of, link_kind::reports_to};

// Edge filter for a filtered_graph view of some edge kinds.
struct link_filter {
  const org_graph* graph = nullptr;
  link_mask kinds;
  bool operator()(org_edge e) const { return kinds.contains((*graph)[e].kind); }
};
using org_view = boost::filtered_graph<org_graph, link_filter>;

// A view of the organisation with only the given edge kinds, for BGL algorithms.
[[nodiscard]] inline org_view view_of(const organization_core& org, link_mask kinds) {
  return org_view(org.graph(), link_filter{&org.graph(), kinds});
}

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
inline bfs_result bfs(const organization_core& org, org_vertex start, link_mask kinds, bool reverse) {
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
inline std::vector<node_ref> path_to(const organization_core& org, const bfs_result& tree, org_vertex end) {
  std::vector<node_ref> path;
  for (org_vertex v = end;; v = tree.predecessor.at(v)) {
    path.push_back(org.node_at(v));
    if (tree.predecessor.at(v) == v) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace detail

// The chain of command from a post or body up to the apex (Standing Committee) of its
// province: the shortest path along part_of and reports_to lines, both ends included.
// Empty when no such path exists. O(V + E) of the part of the graph above `from`.
[[nodiscard]] inline std::vector<node_ref> chain_of_command(const organization_core& org, node_ref from) {
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

// Everything that lies under a node along the given edge kinds (by default what is
// part of it: for a province, its communes, their bodies and posts), in BFS order,
// the node itself excluded. O(size of the result).
[[nodiscard]] inline std::vector<node_ref> everything_under(const organization_core& org, node_ref top,
                                                            link_mask kinds = {link_kind::part_of}) {
  const auto tree = detail::bfs(org, org.vertex_of(top), kinds, true);
  std::vector<node_ref> out;
  out.reserve(tree.order.size());
  for (std::size_t i = 1; i < tree.order.size(); ++i) out.push_back(org.node_at(tree.order[i]));
  return out;
}

// Whether body `upper` is `lower` itself or stands above it along part_of/reports_to
// lines. O(bodies above `lower`).
[[nodiscard]] inline bool is_at_or_above(const organization_core& org, body_id upper, body_id lower) {
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
