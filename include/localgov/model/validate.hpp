// Checks an organisation against the rules of a two-tier government and reports every
// problem at once: placement, duplicate codes, tiers, reporting cycles, overlapping holders.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/model/queries.hpp>

#include <string>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// Every problem in the organisation, in a stable order (units, bodies, lines, posts).
// Problem ids: unit.duplicate_code, unit.parent_missing, unit.parent_unknown,
// unit.parent_self, unit.parent_tier, unit.province_has_parent, body.duplicate_code,
// body.wrong_tier, line.cycle, post.overlapping_holders, post.bad_term.
// O(V + E + H log H) for H holdings.
[[nodiscard]] LOCALGOV_DECL std::vector<problem> validate(const organization_core& org);

// Throws validation_error with every problem, if there is any.
LOCALGOV_DECL void require_valid(const organization_core& org);

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/validate.ipp>
#endif
