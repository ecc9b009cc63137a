// Bodies of routing/compilation.hpp: finding the compilation duty for a matter.
#pragma once

#include <localgov/routing/compilation.hpp>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL std::optional<compilation_assignment> compilation_for(const organization_core& org,
                                                                   const std::vector<compilation_duty>& duties,
                                                                   unit_id origin, channel via) {
  const auto province = org.province_of(origin);
  for (const auto& d : duties) {
    if (d.via != via) continue;
    const auto compiler = org.find_body(province, d.compiler);
    const auto recipient = org.find_body(province, d.recipient);
    if (compiler && recipient) return compilation_assignment{&d, *compiler, *recipient};
  }
  return std::nullopt;
}

LOCALGOV_NAMESPACE_END
