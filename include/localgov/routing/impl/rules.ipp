// Bodies of routing/rules.hpp: the rule lookup.
#pragma once

#include <localgov/routing/rules.hpp>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL std::optional<rule_id> rule_set::find(field_id field, channel via, tier origin, std::string_view province,
                                                   date on) const {
  // Better: a province's own rule, then the field's own, then the later in force.
  std::optional<rule_id> best;
  auto rank = [&](const rule& r) { return (r.province.empty() ? 0 : 2) + (r.field == no_id<field_id> ? 0 : 1); };
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const auto& r = rules_[i];
    if (r.via != via || r.origin != origin || r.from > on) continue;
    if (r.field != field && r.field != no_id<field_id>) continue;
    if (!r.province.empty() && r.province != province) continue;
    if (!best) {
      best = static_cast<rule_id>(i);
      continue;
    }
    const auto& b = rules_[static_cast<std::size_t>(*best)];
    if (rank(r) > rank(b) || (rank(r) == rank(b) && r.from > b.from)) best = static_cast<rule_id>(i);
  }
  return best;
}

LOCALGOV_NAMESPACE_END
