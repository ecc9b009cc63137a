// Bodies of routing/escalation.hpp: building the compressed-sparse-row graph and the breadth-first climb.
#pragma once

#include <localgov/routing/escalation.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <cstddef>
#include <type_traits>
#include <vector>

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

namespace detail {

// The breadth-first search's colours, for the few bodies a climb reaches: an
// open-addressing table of vertices (white when absent) that grows as it fills, so a
// climb costs what it visits, two allocations for a climb of up to 32 bodies, where
// std::unordered_map cost a node per body (a routing table's build makes some 50,000 climbs).
class visited_colors {
 public:
  using key_type = escalation_graph::vertex;
  using value_type = boost::default_color_type;
  using reference = value_type;
  using category = boost::read_write_property_map_tag;

  friend value_type get(const visited_colors& m, key_type v) {
    if (m.keys_.empty()) return boost::white_color;  // nothing put yet
    const auto i = m.find(v);
    return m.keys_[i] == empty ? boost::white_color : m.colors_[i];
  }
  friend void put(visited_colors& m, key_type v, value_type c) {
    if (2 * (m.size_ + 1) > m.keys_.size()) m.grow();
    const auto i = m.find(v);
    if (m.keys_[i] == empty) m.keys_[i] = v, ++m.size_;
    m.colors_[i] = c;
  }

 private:
  static constexpr key_type empty = ~key_type{0};
  [[nodiscard]] std::size_t find(key_type v) const noexcept {  // its slot, or the empty one it would take
    const std::size_t mask = keys_.size() - 1;
    std::size_t i = static_cast<std::size_t>((v * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    while (keys_[i] != empty && keys_[i] != v) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    auto keys = std::move(keys_);
    auto colors = std::move(colors_);
    keys_.assign(keys.empty() ? 64 : 2 * keys.size(), empty);
    colors_.assign(keys_.size(), boost::white_color);
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != empty) {
        const auto at = find(keys[i]);
        keys_[at] = keys[i], colors_[at] = colors[i];
      }
  }
  std::vector<key_type> keys_;
  std::vector<value_type> colors_;
  std::size_t size_ = 0;
};

}  // namespace detail

LOCALGOV_DECL ascent escalation_graph::climb(body_id start) const {
  // Breadth-first search calls tree_edge(e) just before it discovers e's target: the
  // visited list, in discovery order with where each came from, is built as it goes.
  struct visitor : boost::default_bfs_visitor {
    ascent* result;
    void tree_edge(boost::graph_traits<graph_type>::edge_descriptor e, const graph_type& g) const {
      result->visited.push_back({id_at<body_id>(boost::target(e, g)), id_at<body_id>(boost::source(e, g))});
    }
  };
  ascent result;
  result.visited.push_back({start, start});
  detail::visited_colors colors;
  boost::queue<vertex> queue;
  boost::breadth_first_visit(*graph_, index_of(start), queue, visitor{{}, &result}, colors);
  return result;
}

LOCALGOV_NAMESPACE_END
