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
[[nodiscard]] LOCALGOV_DECL std::string describe(unit_view v);
// "Sở Tài chính (25/tai-chinh)".
[[nodiscard]] LOCALGOV_DECL std::string describe(body_view v);
// "Giám đốc Sở Tài chính (25/tai-chinh#director)".
[[nodiscard]] LOCALGOV_DECL std::string describe(post_view v);
// "Vương Thị Bẩy (vuong-thi-bay)".
[[nodiscard]] LOCALGOV_DECL std::string describe(person_view v);

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/views.ipp>
#endif
