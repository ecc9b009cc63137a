// Body of presets/vietnam_deciders.hpp: the deciders of complaints and denunciations, with
// the articles each rests on before and after Law 136/2025/QH15 (in force 1 July 2026).
#pragma once

#include <localgov/presets/vietnam_deciders.hpp>

#include <localgov/model/vocabulary.hpp>

#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// The articles, as a civil servant cites them. Before 1 July 2026 the commune rows rest
// on Decree 141/2025/NĐ-CP, whose text was not read: the basis says so.
struct vn_decider_basis {
  std::string_view amended, before;  // from 1 July 2026; until 30 June 2026
  [[nodiscard]] std::string_view on(date d) const noexcept { return d >= date{2026, 7, 1} ? amended : before; }
};
inline constexpr std::string_view vn_decree_141 = "Nghị định 141/2025/NĐ-CP (theo báo chí; văn bản chưa đối chiếu)";
inline constexpr vn_decider_basis vn_first_commune{"Luật Khiếu nại 2011, Điều 17 (sửa đổi bởi Luật 136/2025/QH15)",
                                                  "Luật Khiếu nại 2011, Điều 17"};
inline constexpr vn_decider_basis vn_first_agency{"Luật Khiếu nại 2011, Điều 20 khoản 1", "Luật Khiếu nại 2011, Điều 20 khoản 1"};
inline constexpr vn_decider_basis vn_first_province{"Luật Khiếu nại 2011, Điều 21 khoản 1", "Luật Khiếu nại 2011, Điều 21 khoản 1"};
inline constexpr vn_decider_basis vn_second_commune{"Luật Khiếu nại 2011, Điều 21 khoản 2 (sửa đổi bởi Luật 136/2025/QH15)",
                                                   vn_decree_141};
inline constexpr vn_decider_basis vn_second_agency{"Luật Khiếu nại 2011, Điều 21 khoản 2", "Luật Khiếu nại 2011, Điều 21 khoản 2"};
inline constexpr vn_decider_basis vn_second_province{"Luật Khiếu nại 2011, Điều 23 khoản 3", "Luật Khiếu nại 2011, Điều 23 khoản 3"};
inline constexpr vn_decider_basis vn_denounced_commune_staff{"Luật Tố cáo 2018, Điều 13 khoản 1 (sửa đổi bởi Luật 136/2025/QH15)",
                                                            "Luật Tố cáo 2018, Điều 12 khoản 1"};
inline constexpr vn_decider_basis vn_denounced_commune_head{
    "Luật Tố cáo 2018, Điều 13 khoản 4 điểm a (sửa đổi bởi Luật 136/2025/QH15)", vn_decree_141};
inline constexpr vn_decider_basis vn_denounced_agency_staff{"Luật Tố cáo 2018, Điều 13 khoản 3 điểm a",
                                                           "Luật Tố cáo 2018, Điều 13 khoản 3 điểm a"};
inline constexpr vn_decider_basis vn_denounced_agency_head{"Luật Tố cáo 2018, Điều 13 khoản 4 điểm a",
                                                          "Luật Tố cáo 2018, Điều 13 khoản 4 điểm a"};
inline constexpr vn_decider_basis vn_denounced_province_staff{"Luật Tố cáo 2018, Điều 12 khoản 1",
                                                             "Luật Tố cáo 2018, Điều 12 khoản 1"};
inline constexpr vn_decider_basis vn_denounced_province_head{"Luật Tố cáo 2018, Điều 13 khoản 8",
                                                            "Luật Tố cáo 2018, Điều 13 khoản 8"};
inline constexpr std::string_view vn_not_administrative_basis =
    "localgov: không phải cơ quan hành chính nhà nước; Luật Khiếu nại, Luật Tố cáo không giao cho cơ quan nào trong mô hình";

[[nodiscard]] inline std::optional<body_id> vn_committee_of(const organization_core& org, unit_id unit) {
  for (const auto b : org.unit(unit).bodies)
    if (org.kind_of(b).category == body_category::committee) return b;
  return std::nullopt;
}

// Whether `who` is the head or a deputy head of `body` (Chủ tịch, Phó Chủ tịch, Giám đốc, Phó Giám đốc).
[[nodiscard]] inline bool vn_heads(const organization_core& org, respondent who, body_id body) {
  if (who.title == no_id<post_title_id> || who.body != body) return false;
  const auto title = who.title;
  if (title == org.kind_of(body).head_title) return true;
  const std::string_view slug = org.words().post_title(title).slug;
  return slug.starts_with("vice_") || slug.starts_with("deputy_");
}

}  // namespace detail
namespace presets {

LOCALGOV_DECL decider vietnam_decider(const organization_core& org, channel matter, respondent who, date on) {
  if (!routed_by_respondent(matter)) return {};
  const auto category = org.kind_of(who.body).category;
  const auto unit = org.body(who.body).unit;
  const bool commune = org.unit(unit).level == tier::commune;
  auto head_of = [&](body_id b, std::string_view basis) { return decider{b, org.kind_of(b).head_title, {}, basis}; };
  auto outside = [](std::string_view who_decides, std::string_view basis) { return decider{no_id<body_id>, no_id<post_title_id>, who_decides, basis}; };

  if (category != body_category::committee && category != body_category::agency)
    return outside(category == body_category::armed ? "theo quy định của Bộ Công an, Bộ Quốc phòng"
                   : category == body_category::council || category == body_category::front
                       ? "theo quy định riêng của cơ quan, tổ chức đó"
                       : "theo quy định của Đảng",
                   detail::vn_not_administrative_basis);

  // The body answering for the respondent, and the provincial People's Committee above it.
  const auto answering = commune ? detail::vn_committee_of(org, unit) : std::optional<body_id>(who.body);
  const auto province = detail::vn_committee_of(org, org.province_of(unit));
  LOCALGOV_ASSERT(answering && province, "every unit of the Vietnam preset has its People's Committee");
  const bool provincial_committee = *answering == *province;

  switch (matter) {
    case channel::complaint:
      return head_of(*answering, (commune ? detail::vn_first_commune : provincial_committee ? detail::vn_first_province : detail::vn_first_agency).on(on));
    case channel::complaint_second:
      if (provincial_committee) return outside("Bộ trưởng quản lý ngành, lĩnh vực", detail::vn_second_province.on(on));
      return head_of(*province, (commune ? detail::vn_second_commune : detail::vn_second_agency).on(on));
    case channel::denunciation:
      if (!detail::vn_heads(org, who, *answering))
        return head_of(*answering, (commune ? detail::vn_denounced_commune_staff
                                   : provincial_committee ? detail::vn_denounced_province_staff
                                                          : detail::vn_denounced_agency_staff)
                                       .on(on));
      if (provincial_committee) return outside("Thủ tướng Chính phủ", detail::vn_denounced_province_head.on(on));
      return head_of(*province, (commune ? detail::vn_denounced_commune_head : detail::vn_denounced_agency_head).on(on));
    default:
      return {};
  }
}

}  // namespace presets
LOCALGOV_NAMESPACE_END
