// Graph queries over an organisation: chains of command, what lies under a unit, and
// who stands above whom, as Boost.Graph searches over views of one edge kind or more.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <boost/graph/filtered_graph.hpp>

#include <cstdint>
#include <initializer_list>
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

// The chain of command from a post or body up to the apex (Standing Committee) of its
// province: the shortest path along part_of and reports_to lines, both ends included.
// Empty when no such path exists. O(V + E) of the part of the graph above `from`.
[[nodiscard]] LOCALGOV_DECL std::vector<node_ref> chain_of_command(const organization_core& org, node_ref from);

// Everything that lies under a node along the given edge kinds (by default what is
// part of it: for a province, its communes, their bodies and posts), in BFS order,
// the node itself excluded. O(size of the result).
[[nodiscard]] LOCALGOV_DECL std::vector<node_ref> everything_under(const organization_core& org, node_ref top,
                                                                   link_mask kinds = {link_kind::part_of});

// Whether body `upper` is `lower` itself or stands above it along part_of/reports_to
// lines. O(bodies above `lower`).
[[nodiscard]] LOCALGOV_DECL bool is_at_or_above(const organization_core& org, body_id upper, body_id lower);

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/queries.ipp>
#endif
