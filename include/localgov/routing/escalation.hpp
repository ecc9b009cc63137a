// How a matter climbs the organisation: a body-level graph of the lines along which it
// goes up (reports_to and part_of forward, directs backward), searched with Boost.Graph.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <boost/graph/graph_selectors.hpp>
#include <boost/pending/property.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

// Declared only: the graph's definition (<boost/graph/compressed_sparse_row_graph.hpp>)
// and the search are needed by the bodies in routing/impl/escalation.ipp, not here.
// Boost declares the same template with defaults <directedS, no_property, no_property,
// no_property, std::size_t, Vertex>; escalation_graph::graph_type spells them out.
namespace boost {
template <typename Directed, typename VertexProperty, typename EdgeProperty, typename GraphProperty, typename Vertex,
          typename EdgeIndex>
class compressed_sparse_row_graph;
}  // namespace boost

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
  [[nodiscard]] std::vector<body_id> path_to(body_id to) const;
};

// Vertices are bodies (vertex i is body_id i); an edge a → b means a matter at a may
// go up to b: a reports to b, is part of b, or is directed or guided by b.
// Built once in O(V + E); immutable afterwards (copies share the graph).
class escalation_graph {
 public:
  // boost::compressed_sparse_row_graph<boost::directedS>; code that uses graph() includes
  // <boost/graph/compressed_sparse_row_graph.hpp> (header-only builds already have it).
  using graph_type = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                        boost::no_property, std::size_t, std::size_t>;
  using vertex = std::size_t;  // boost::graph_traits<graph_type>::vertex_descriptor

  explicit escalation_graph(const organization_core& org);

  [[nodiscard]] const graph_type& graph() const noexcept { return *graph_; }

  // Breadth-first from `start` over everything above it. Keeps its search state local
  // (sparse), so it costs what it visits and may run from many threads at once.
  [[nodiscard]] ascent climb(body_id start) const;

 private:
  std::shared_ptr<const graph_type> graph_;  // never null but in a moved-from graph
};

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/routing/impl/escalation.ipp>
#endif
