// Handles that pair an id with its organisation, so that a unit, body, post or person
// can be printed or passed around with everything needed to describe it.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <string>

LOCALGOV_NAMESPACE_BEGIN

template <class Id>
struct entity_view {
  const organization_core* org;
  Id id;
};
using unit_view = entity_view<unit_id>;
using body_view = entity_view<body_id>;
using post_view = entity_view<post_id>;
using person_view = entity_view<person_id>;

template <class Id>
[[nodiscard]] constexpr entity_view<Id> view(const organization_core& org, Id id) noexcept {
  return {&org, id};
}

// "Phường Hòa Bình (04795, ward, Tỉnh Phú Thọ)"; a province-tier unit omits its province.
[[nodiscard]] inline std::string describe(unit_view v) {
  const auto& u = v.org->unit(v.id);
  std::string out = u.name + " (" + u.code + ", " + std::string(v.org->kind_info(u.kind).slug);
  if (u.level == tier::commune && u.parent != no_id<unit_id>) out += ", " + v.org->unit(u.parent).name;
  return out + ")";
}
// "Sở Tài chính (25/tai-chinh)".
[[nodiscard]] inline std::string describe(body_view v) {
  return std::string(v.org->name_of(v.id)) + " (" + v.org->code_of(v.id) + ")";
}
// "Giám đốc Sở Tài chính (25/tai-chinh#director)".
[[nodiscard]] inline std::string describe(post_view v) { return v.org->name_of(v.id) + " (" + v.org->code_of(v.id) + ")"; }
// "Vương Thị Bẩy (vuong-thi-bay)".
[[nodiscard]] inline std::string describe(person_view v) {
  const auto& p = v.org->person(v.id);
  return p.name + " (" + p.key + ")";
}

LOCALGOV_NAMESPACE_END
