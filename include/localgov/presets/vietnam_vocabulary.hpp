// Vietnam's fields of state management, kinds of bodies and post titles (2025 model),
// as data: Decree 150/2025/NĐ-CP for departments and divisions (see docs/DOMAIN notes).
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/vocabulary.hpp>

#include <array>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

struct field_row {
  std::string_view slug, name_vi, name_en;
};

// The fields (lĩnh vực) proposals and petitions are classified by.
inline constexpr std::array<field_row, 24> vietnam_fields{{
    {"staffing", "Tổ chức bộ máy, biên chế", "organisation and staff quota"},
    {"civil_service_training", "Đào tạo, bồi dưỡng cán bộ, công chức", "training of officials"},
    {"finance_budget", "Tài chính, ngân sách", "finance and budget"},
    {"public_investment", "Đầu tư công", "public investment"},
    {"public_assets", "Tài sản công", "public assets"},
    {"land", "Đất đai", "land"},
    {"environment", "Môi trường", "environment"},
    {"agriculture", "Nông nghiệp", "agriculture"},
    {"construction_planning", "Xây dựng, quy hoạch", "construction and planning"},
    {"transport", "Giao thông vận tải", "transport"},
    {"industry_trade", "Công thương", "industry and trade"},
    {"ict_digital", "Công nghệ thông tin, chuyển đổi số", "IT and digital transformation"},
    {"science_technology", "Khoa học và công nghệ", "science and technology"},
    {"education", "Giáo dục và đào tạo", "education and training"},
    {"health", "Y tế", "health"},
    {"culture_sports_tourism", "Văn hóa, thể thao và du lịch", "culture, sports and tourism"},
    {"social_welfare", "An sinh xã hội", "social welfare"},
    {"justice_civil_status", "Tư pháp, hộ tịch", "justice and civil status"},
    {"administrative_procedures", "Thủ tục hành chính", "administrative procedures"},
    {"complaints_denunciations", "Khiếu nại, tố cáo", "complaints and denunciations"},
    {"site_clearance", "Bồi thường, giải phóng mặt bằng", "compensation and site clearance"},
    {"ethnic_religious", "Dân tộc, tôn giáo", "ethnic and religious affairs"},
    {"party_building", "Xây dựng Đảng", "Party building"},
    {"security_defense", "Quốc phòng, an ninh", "security and defence"},
}};

struct post_title_row {
  std::string_view slug, name_vi, name_en;
  bool single_holder;
};

// Post titles; the display name of a post is the title followed by its body's name,
// so "Trưởng" + "Ban Tổ chức Tỉnh ủy" reads "Trưởng Ban Tổ chức Tỉnh ủy".
inline constexpr std::array<post_title_row, 11> vietnam_post_titles{{
    {"secretary", "Bí thư", "Secretary", true},
    {"deputy_secretary", "Phó Bí thư", "Deputy Secretary", false},
    {"member", "Ủy viên", "Member", false},
    {"chair", "Chủ tịch", "Chair", true},
    {"vice_chair", "Phó Chủ tịch", "Vice-Chair", false},
    {"director", "Giám đốc", "Director", true},
    {"deputy_director", "Phó Giám đốc", "Deputy Director", false},
    {"head", "Trưởng", "Head", true},
    {"deputy_head", "Phó Trưởng", "Deputy Head", false},
    {"chief", "Chánh", "Chief (of an office or inspectorate)", true},
    {"commander", "Chỉ huy trưởng", "Commander", true},
}};

struct body_kind_row {
  std::string_view slug;
  std::string_view name;            // as in a province
  std::string_view municipal_name;  // in a centrally-run city, where different
  tiers levels;
  body_category category;
  std::string_view fields;  // field slugs joined by ';'
  std::string_view head;    // head post title slug, or empty
  bool apex;
};

// Bodies of a province-tier unit (Decree 150/2025: 12 mandatory departments plus the
// conditional ones), in the order they are created.
inline constexpr std::array<body_kind_row, 29> vietnam_province_bodies{{
    {"tinh-uy", "Tỉnh ủy", "Thành ủy", tiers::province, body_category::party_committee, "", "secretary", false},
    {"ban-thuong-vu", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy", tiers::both, body_category::party_standing, "", "",
     false},
    {"thuong-truc", "Thường trực Tỉnh ủy", "Thường trực Thành ủy", tiers::both, body_category::party_standing, "", "",
     true},
    {"van-phong-tinh-uy", "Văn phòng Tỉnh ủy", "Văn phòng Thành ủy", tiers::province, body_category::party_board, "",
     "chief", false},
    {"ban-to-chuc", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Thành ủy", tiers::province, body_category::party_board,
     "party_building", "head", false},
    {"ubkt", "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Thành ủy", tiers::both, body_category::party_board, "", "chair",
     false},
    {"ban-noi-chinh", "Ban Nội chính Tỉnh ủy", "Ban Nội chính Thành ủy", tiers::province, body_category::party_board, "",
     "head", false},
    {"ban-tuyen-giao-dan-van", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Thành ủy",
     tiers::province, body_category::party_board, "", "head", false},
    {"dang-uy-ubnd", "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân thành phố", tiers::province,
     body_category::party_committee, "", "secretary", false},
    {"hdnd", "Hội đồng nhân dân tỉnh", "Hội đồng nhân dân thành phố", tiers::both, body_category::council, "", "chair",
     false},
    {"ubnd", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân thành phố", tiers::both, body_category::committee, "", "chair",
     false},
    {"mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", tiers::both,
     body_category::front, "", "chair", false},
    {"van-phong-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân thành phố", tiers::province,
     body_category::agency, "administrative_procedures", "chief", false},
    {"noi-vu", "Sở Nội vụ", "", tiers::province, body_category::agency, "staffing;civil_service_training", "director",
     false},
    {"tai-chinh", "Sở Tài chính", "", tiers::province, body_category::agency,
     "finance_budget;public_investment;public_assets", "director", false},
    {"tu-phap", "Sở Tư pháp", "", tiers::province, body_category::agency, "justice_civil_status", "director", false},
    {"cong-thuong", "Sở Công Thương", "", tiers::province, body_category::agency, "industry_trade", "director", false},
    {"nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "", tiers::province, body_category::agency,
     "agriculture;land;environment;site_clearance", "director", false},
    {"xay-dung", "Sở Xây dựng", "", tiers::province, body_category::agency, "construction_planning;transport",
     "director", false},
    {"khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "", tiers::province, body_category::agency,
     "science_technology;ict_digital", "director", false},
    {"giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "", tiers::province, body_category::agency, "education", "director",
     false},
    {"y-te", "Sở Y tế", "", tiers::province, body_category::agency, "health;social_welfare", "director", false},
    {"van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "", tiers::province, body_category::agency,
     "culture_sports_tourism", "director", false},
    {"thanh-tra", "Thanh tra tỉnh", "Thanh tra thành phố", tiers::province, body_category::agency,
     "complaints_denunciations", "chief", false},
    {"cong-an", "Công an tỉnh", "Công an thành phố", tiers::both, body_category::armed, "security_defense", "director",
     false},
    {"chi-huy-quan-su", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự thành phố", tiers::province,
     body_category::armed, "", "commander", false},
    // Conditional departments: created only where the preset's options say so.
    {"dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", "", tiers::province, body_category::agency, "ethnic_religious",
     "director", false},
    {"ngoai-vu", "Sở Ngoại vụ", "", tiers::province, body_category::agency, "", "director", false},
    {"quy-hoach-kien-truc", "Sở Quy hoạch - Kiến trúc", "", tiers::province, body_category::agency, "", "director",
     false},
}};

// Bodies of a commune-tier unit (Decree 150/2025; Decree 118/2025 for the centre).
// Kinds shared with the province (ban-thuong-vu, thuong-truc, ubkt, hdnd, ubnd, mttq,
// cong-an) are listed above; their commune names come from vietnam_commune_names.
inline constexpr std::array<body_kind_row, 7> vietnam_commune_bodies{{
    {"dang-uy", "Đảng ủy", "", tiers::commune, body_category::party_committee, "", "secretary", false},
    {"van-phong-dang-uy", "Văn phòng Đảng ủy", "", tiers::commune, body_category::party_board, "", "chief", false},
    {"ban-xay-dung-dang", "Ban Xây dựng Đảng", "", tiers::commune, body_category::party_board, "party_building", "head",
     false},
    {"van-phong-hdnd-ubnd", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "", tiers::commune,
     body_category::agency, "justice_civil_status;complaints_denunciations", "chief", false},
    {"phong-kinh-te", "Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị", tiers::commune, body_category::agency,
     "finance_budget;public_investment;public_assets;land;environment;agriculture;construction_planning;transport;"
     "industry_trade;site_clearance",
     "head", false},
    {"phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", "", tiers::commune, body_category::agency,
     "staffing;civil_service_training;social_welfare;ethnic_religious;education;culture_sports_tourism;health;"
     "ict_digital;science_technology",
     "head", false},
    {"trung-tam-phvhcc", "Trung tâm Phục vụ hành chính công", "", tiers::commune, body_category::agency,
     "administrative_procedures", "director", false},
}};

// Names of the shared kinds at the commune tier; "{}" stands for the unit's kind word
// (xã, phường, đặc khu).
struct commune_name_row {
  std::string_view slug, pattern;
};
inline constexpr std::array<commune_name_row, 7> vietnam_commune_names{{
    {"ban-thuong-vu", "Ban Thường vụ Đảng ủy {}"},
    {"thuong-truc", "Thường trực Đảng ủy {}"},
    {"ubkt", "Ủy ban Kiểm tra Đảng ủy {}"},
    {"hdnd", "Hội đồng nhân dân {}"},
    {"ubnd", "Ủy ban nhân dân {}"},
    {"mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam {}"},
    {"cong-an", "Công an {}"},
}};

}  // namespace presets
LOCALGOV_NAMESPACE_END
