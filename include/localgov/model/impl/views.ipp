// Bodies of model/views.hpp: the describe() strings.
#pragma once

#include <localgov/model/views.hpp>

#include <string>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL std::string describe(unit_view v) {
  const auto& u = v.org->unit(v.id);
  std::string out = u.name + " (" + u.code + ", " + std::string(v.org->kind_info(u.kind).slug);
  if (u.level == tier::commune && u.parent != no_id<unit_id>) out += ", " + v.org->unit(u.parent).name;
  return out + ")";
}

LOCALGOV_DECL std::string describe(body_view v) {
  return std::string(v.org->name_of(v.id)) + " (" + v.org->code_of(v.id) + ")";
}

LOCALGOV_DECL std::string describe(post_view v) { return v.org->name_of(v.id) + " (" + v.org->code_of(v.id) + ")"; }

LOCALGOV_DECL std::string describe(person_view v) {
  const auto& p = v.org->person(v.id);
  return p.name + " (" + p.key + ")";
}

LOCALGOV_NAMESPACE_END
