// One matter as filed (a proposal, a petition, a complaint...): what proposal_list::add
// takes, what the list gives back for a key, and what a routing table routes.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/routing/rules.hpp>

#include <cstdint>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

// A proposal's key in its list: dense from 0, in the order proposals were added.
enum class proposal_id : std::uint32_t {};

// Whom a complaint or a denunciation is against: the body whose decision or act is
// complained of, or whose official is denounced, and for a denunciation of the holder of
// one of its posts (its Director, its Chair, a Vice-Chair) that post's title.
struct respondent {
  body_id body = no_id<body_id>;
  post_title_id title = no_id<post_title_id>;
};

// Where a matter's periods run: remote and difficult areas (vùng sâu, vùng xa) have
// longer ones for complaints.
enum class area_kind : std::uint8_t { ordinary, remote };

[[nodiscard]] constexpr std::string_view format_as(area_kind a) noexcept { return a == area_kind::remote ? "remote" : "ordinary"; }

struct proposal {
  std::string_view id;  // as filed ("PT-2025-001"); unique in a list
  unit_id unit = no_id<unit_id>;  // the unit that raised it
  field_id field = no_id<field_id>;
  channel via = channel::proposal;
  date submitted;
  std::string_view title = {};
  // The sector a matter concerns when it is not the field's own (a school in a public
  // investment proposal): its agency then coordinates.
  field_id sector = no_id<field_id>;
  // For a complaint, a second complaint or a denunciation: whom it is against (required).
  respondent against = {};
  area_kind area = area_kind::ordinary;
};

// What proposal_list::try_add did: `key` is the new proposal's, or when `added` is false
// the one that already had the id.
struct add_result {
  proposal_id key;
  bool added;
};

LOCALGOV_NAMESPACE_END
