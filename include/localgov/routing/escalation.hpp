// How a matter climbs the organisation: a body-level graph of the lines along which it
// goes up (reports_to and part_of forward, directs backward), searched with Boost.Graph.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// What a climb reached: every body above the start, nearest first, with the body it
// was reached from (the start is its own).
struct ascent {
  std::vector<std::pair<body_id, body_id>> visited;

  [[nodiscard]] bool reached(body_id b) const {
    return std::any_of(visited.begin(), visited.end(), [&](const auto& v) { return v.first == b; });
  }
  // The nearest body satisfying `pred`.
  template <class Pred>
  [[nodiscard]] std::optional<body_id> nearest(Pred&& pred) const {
    for (const auto& v : visited)
      if (pred(v.first)) return v.first;
    return std::nullopt;
  }
  // start → ... → `to`; empty when `to` was not reached.
  [[nodiscard]] std::vector<body_id> path_to(body_id to) const {
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
};

// Vertices are bodies (vertex i is body_id i); an edge a → b means a matter at a may
// go up to b: a reports to b, is part of b, or is directed or guided by b.
// Built once in O(V + E); immutable afterwards.
class escalation_graph {
 public:
  using graph_type = boost::compressed_sparse_row_graph<boost::directedS>;
  using vertex = boost::graph_traits<graph_type>::vertex_descriptor;

  explicit escalation_graph(const organization_core& org) {
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
    graph_ = graph_type(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), org.body_count());
  }

  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }

  // Breadth-first from `start` over everything above it. Keeps its search state local
  // (sparse), so it costs what it visits and may run from many threads at once.
  [[nodiscard]] ascent climb(body_id start) const {
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
    boost::breadth_first_visit(graph_, s, queue, visitor{{}, &order, &predecessor}, boost::make_assoc_property_map(colors));
    result.visited.reserve(order.size());
    for (auto v : order) result.visited.push_back({id_at<body_id>(v), id_at<body_id>(predecessor[v])});
    return result;
  }

 private:
  graph_type graph_;
};

LOCALGOV_NAMESPACE_END
