// Compilation duties: which body gathers which matters of a province, for whom, how often
// (the founding scenario: the Organisation Board compiles the communes' proposals for
// the Standing Committee).
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/rules.hpp>

#include <optional>
#include <string>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

struct compilation_duty {
  std::string id;
  channel via = channel::proposal;
  body_kind_id compiler = no_id<body_kind_id>;   // who compiles (in the province)
  body_kind_id recipient = no_id<body_kind_id>;  // to whom it reports
  std::int32_t every_days = 30;
  std::string basis;
};

struct compilation_assignment {
  const compilation_duty* duty = nullptr;
  body_id compiler = no_id<body_id>;
  body_id recipient = no_id<body_id>;
};

// The duty covering matters of a channel from a unit, with the bodies that carry it in
// the unit's province; nullopt when no duty applies or the province lacks the bodies.
// O(duties).
[[nodiscard]] LOCALGOV_DECL std::optional<compilation_assignment> compilation_for(
    const organization_core& org, const std::vector<compilation_duty>& duties, unit_id origin, channel via);

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/routing/impl/compilation.ipp>
#endif
