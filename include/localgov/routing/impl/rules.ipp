// Bodies of routing/rules.hpp: the rule lookup.
#pragma once

#include <localgov/routing/rules.hpp>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL std::optional<rule_id> rule_set::find(field_id field, channel via, tier origin,
                                                   std::string_view province) const {
  std::optional<rule_id> general;
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const auto& r = rules_[i];
    if (r.field != field || r.via != via || r.origin != origin) continue;
    if (!r.province.empty() && r.province == province) return static_cast<rule_id>(i);
    if (r.province.empty() && !general) general = static_cast<rule_id>(i);
  }
  return general;
}

LOCALGOV_NAMESPACE_END
