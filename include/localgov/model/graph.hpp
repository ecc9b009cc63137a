// The graph underneath an organisation: what its vertices and edges carry.
#pragma once

#include <localgov/config.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

enum class node_kind : std::uint8_t { unit, body, post, person };

// A vertex of the organisation graph: which table it stands for, and the row.
struct node_ref {
  node_kind kind = node_kind::unit;
  std::uint32_t index = 0;
  friend constexpr bool operator==(node_ref, node_ref) = default;
};

// Edge kinds, each pointing from the lower to the higher end where there is one:
//   part_of          unit -> province, body -> unit or body, post -> body
//   reports_to       body -> body it answers to
//   directs          body -> body it directs or guides professionally
//   coordinates_with body -> body (a peer; one edge stands for both directions)
//   holds            person -> post (dates in the organisation's holding table)
enum class link_kind : std::uint8_t { part_of, reports_to, directs, coordinates_with, holds };
inline constexpr std::size_t link_kind_count = 5;

[[nodiscard]] constexpr std::string_view format_as(link_kind k) noexcept {
  constexpr std::string_view names[] = {"part_of", "reports_to", "directs", "coordinates_with", "holds"};
  return names[static_cast<std::size_t>(k)];
}
[[nodiscard]] constexpr std::string_view format_as(node_kind k) noexcept {
  constexpr std::string_view names[] = {"unit", "body", "post", "person"};
  return names[static_cast<std::size_t>(k)];
}

struct link {
  link_kind kind = link_kind::part_of;
  std::uint32_t line = 0;  // line of the input that declared it; 0 when built in code
};

// vecS everywhere: nothing is removed, so descriptors stay valid and edges are stored
// contiguously (no per-edge allocation for the edge list).
using org_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, node_ref, link,
                                        boost::no_property, boost::vecS>;
using org_vertex = boost::graph_traits<org_graph>::vertex_descriptor;
using org_edge = boost::graph_traits<org_graph>::edge_descriptor;

LOCALGOV_NAMESPACE_END
