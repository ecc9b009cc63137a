// Bodies of routing/escalation.hpp: building the compressed-sparse-row graph and the breadth-first climb.
#pragma once

#include <localgov/routing/escalation.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <type_traits>
#include <unordered_map>

LOCALGOV_NAMESPACE_BEGIN

static_assert(std::is_same_v<escalation_graph::graph_type, boost::compressed_sparse_row_graph<boost::directedS>>);
static_assert(std::is_same_v<escalation_graph::vertex, boost::graph_traits<escalation_graph::graph_type>::vertex_descriptor>);

LOCALGOV_DECL std::vector<body_id> ascent::path_to(body_id to) const {
  std::vector<body_id> path;
  if (!reached(to)) return path;
  for (body_id b = to;;) {
    path.push_back(b);
    const auto it = std::find_if(visited.begin(), visited.end(), [&](const auto& v) { return v.first == b; });
    if (it->second == b) break;
    b = it->second;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

LOCALGOV_DECL escalation_graph::escalation_graph(const organization_core& org) {
  const auto& g = org.graph();
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  edges.reserve(org.body_count() * 2);
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const auto s = g[boost::source(*e, g)], t = g[boost::target(*e, g)];
    if (s.kind != node_kind::body || t.kind != node_kind::body) continue;
    switch (g[*e].kind) {
      case link_kind::reports_to:
      case link_kind::part_of: edges.emplace_back(s.index, t.index); break;
      case link_kind::directs: edges.emplace_back(t.index, s.index); break;
      default: break;
    }
  }
  graph_ = std::make_shared<graph_type>(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                                        org.body_count());
}

LOCALGOV_DECL ascent escalation_graph::climb(body_id start) const {
  ascent result;
  std::unordered_map<vertex, vertex> predecessor;
  struct visitor : boost::default_bfs_visitor {
    std::vector<vertex>* order;
    std::unordered_map<vertex, vertex>* predecessor;
    void discover_vertex(vertex v, const graph_type&) const { order->push_back(v); }
    void tree_edge(boost::graph_traits<graph_type>::edge_descriptor e, const graph_type& g) const {
      (*predecessor)[boost::target(e, g)] = boost::source(e, g);
    }
  };
  std::vector<vertex> order;
  std::unordered_map<vertex, boost::default_color_type> colors;
  boost::queue<vertex> queue;
  const vertex s = index_of(start);
  predecessor[s] = s;
  boost::breadth_first_visit(*graph_, s, queue, visitor{{}, &order, &predecessor}, boost::make_assoc_property_map(colors));
  result.visited.reserve(order.size());
  for (auto v : order) result.visited.push_back({id_at<body_id>(v), id_at<body_id>(predecessor[v])});
  return result;
}

LOCALGOV_NAMESPACE_END
