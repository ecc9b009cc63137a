// The Vietnam preset's routing rules and compilation duties, as data (CSV in the header,
// so the preset works without files; `localgov route --rules FILE` replaces it).
#pragma once

#include <localgov/config.hpp>
#include <localgov/io/rules_csv.hpp>
#include <localgov/routing/calendar.hpp>
#include <localgov/routing/compilation.hpp>

#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

// Defaults defensible under Decree 150/2025 (departments' fields) and the 2025
// decentralisation decrees (what a commune decides). Their deadlines are localgov's own
// defaults, marked `internal`: no statute sets a deadline for a commune's proposal (60
// calendar days here, as long as the Government gives for voters' petitions under
// Decision 30/2020/QĐ-TTg), and for a citizen's petition the Law on Citizen Reception
// 2013, Art. 28(1), sets only a notice of how it is handled, within 10 working days (20
// working days here for the answer). Each is a default a province can override in its
// own rules file.
inline constexpr std::string_view vietnam_rules_csv =
    "id,field,channel,origin,province,handled_at,lead,coordinators,days,count,deadline,basis\n"
    "proposal/staffing,staffing,proposal,commune,,province,noi-vu,tai-chinh,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nội vụ (biên chế); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/civil_service_training,civil_service_training,proposal,commune,,province,noi-vu,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nội vụ (đào tạo, bồi dưỡng); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/finance_budget,finance_budget,proposal,commune,,province,tai-chinh,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tài chính (ngân sách); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/public_investment,public_investment,proposal,commune,,province,tai-chinh,xay-dung,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tài chính (kế hoạch đầu tư công), sở chuyên ngành phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/public_assets,public_assets,proposal,commune,,province,tai-chinh,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tài chính (tài sản công); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/land,land,proposal,commune,,province,nong-nghiep-moi-truong,xay-dung,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường (đất đai); Sở Xây dựng (quy hoạch) phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/environment,environment,proposal,commune,,province,nong-nghiep-moi-truong,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/agriculture,agriculture,proposal,commune,,province,nong-nghiep-moi-truong,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/construction_planning,construction_planning,proposal,commune,,province,xay-dung,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Xây dựng; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/transport,transport,proposal,commune,,province,xay-dung,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Xây dựng (giao thông vận tải); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/industry_trade,industry_trade,proposal,commune,,province,cong-thuong,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Công Thương; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/ict_digital,ict_digital,proposal,commune,,province,khoa-hoc-cong-nghe,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Khoa học và Công nghệ (công nghệ thông tin, chuyển đổi số); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/science_technology,science_technology,proposal,commune,,province,khoa-hoc-cong-nghe,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Khoa học và Công nghệ; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/education,education,proposal,commune,,province,giao-duc-dao-tao,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Giáo dục và Đào tạo; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/health,health,proposal,commune,,province,y-te,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Y tế; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/culture_sports_tourism,culture_sports_tourism,proposal,commune,,province,van-hoa-the-thao-du-lich,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Văn hóa, Thể thao và Du lịch; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/social_welfare,social_welfare,proposal,commune,,province,y-te,noi-vu,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Y tế (bảo trợ xã hội); Sở Nội vụ (người có công, lao động) phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/justice_civil_status,justice_civil_status,proposal,commune,,province,tu-phap,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tư pháp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/administrative_procedures,administrative_procedures,proposal,commune,,province,van-phong-ubnd,noi-vu,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Văn phòng UBND tỉnh (kiểm soát TTHC); Sở Nội vụ (cải cách hành chính) phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/complaints_denunciations,complaints_denunciations,proposal,commune,,province,thanh-tra,,60,calendar,internal,\"Thanh tra tỉnh tham mưu công tác tiếp công dân, giải quyết khiếu nại, tố cáo (một vụ khiếu nại, tố cáo cụ thể: kênh riêng theo luật); hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/site_clearance,site_clearance,proposal,commune,,province,nong-nghiep-moi-truong,tai-chinh;xay-dung,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường (bồi thường, GPMB); Sở Tài chính, Sở Xây dựng phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/ethnic_religious,ethnic_religious,proposal,commune,,province,dan-toc-ton-giao|noi-vu,,60,calendar,internal,\"Nghị định 150/2025/NĐ-CP: Sở Dân tộc và Tôn giáo; nơi không có, Sở Nội vụ; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/party_building,party_building,proposal,commune,,province,ban-to-chuc,,60,calendar,internal,\"Quy định của Tỉnh ủy: Ban Tổ chức Tỉnh ủy; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "proposal/security_defense,security_defense,proposal,commune,,province,cong-an,chi-huy-quan-su,60,calendar,internal,\"Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh phối hợp; hạn 60 ngày: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/justice_civil_status,justice_civil_status,petition,commune,,commune,van-phong-hdnd-ubnd,,20,working,internal,\"Nghị định 120/2025/NĐ-CP: cấp xã đăng ký hộ tịch; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/land,land,petition,commune,,commune,phong-kinh-te,,20,working,internal,\"Nghị định 151/2025/NĐ-CP: cấp xã giao đất, cho thuê, chuyển mục đích cho hộ gia đình, cá nhân; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/construction_planning,construction_planning,petition,commune,,commune,phong-kinh-te,,20,working,internal,\"Nghị định 140/2025/NĐ-CP: cấp xã cấp phép công trình cấp III, IV và nhà ở riêng lẻ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/social_welfare,social_welfare,petition,commune,,commune,phong-van-hoa-xa-hoi,,20,working,internal,\"Nghị định 147/2025/NĐ-CP: cấp xã quyết định trợ cấp xã hội hằng tháng; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/education,education,petition,commune,,commune,phong-van-hoa-xa-hoi,,20,working,internal,\"Nghị định 142/2025/NĐ-CP: cấp xã quản lý mầm non, tiểu học, THCS; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/administrative_procedures,administrative_procedures,petition,commune,,commune,trung-tam-phvhcc,,20,working,internal,\"Nghị định 118/2025/NĐ-CP: Trung tâm Phục vụ hành chính công cấp xã; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/finance_budget,finance_budget,petition,commune,,commune,phong-kinh-te,,20,working,internal,\"Luật Ngân sách nhà nước: ngân sách cấp xã do HĐND xã quyết định; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/staffing,staffing,petition,commune,,province,noi-vu,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nội vụ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/civil_service_training,civil_service_training,petition,commune,,province,noi-vu,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nội vụ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/public_investment,public_investment,petition,commune,,province,tai-chinh,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tài chính; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/public_assets,public_assets,petition,commune,,province,tai-chinh,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Tài chính; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/environment,environment,petition,commune,,province,nong-nghiep-moi-truong,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/agriculture,agriculture,petition,commune,,province,nong-nghiep-moi-truong,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/transport,transport,petition,commune,,province,xay-dung,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Xây dựng; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/industry_trade,industry_trade,petition,commune,,province,cong-thuong,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Công Thương; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/ict_digital,ict_digital,petition,commune,,province,khoa-hoc-cong-nghe,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Khoa học và Công nghệ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/science_technology,science_technology,petition,commune,,province,khoa-hoc-cong-nghe,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Khoa học và Công nghệ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/health,health,petition,commune,,province,y-te,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Y tế; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/culture_sports_tourism,culture_sports_tourism,petition,commune,,province,van-hoa-the-thao-du-lich,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Văn hóa, Thể thao và Du lịch; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/complaints_denunciations,complaints_denunciations,petition,commune,,province,thanh-tra,,20,working,internal,\"Thanh tra tỉnh tham mưu công tác tiếp công dân, giải quyết khiếu nại, tố cáo (một vụ khiếu nại, tố cáo cụ thể: kênh riêng theo luật); hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/site_clearance,site_clearance,petition,commune,,province,nong-nghiep-moi-truong,tai-chinh,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Nông nghiệp và Môi trường; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/ethnic_religious,ethnic_religious,petition,commune,,province,dan-toc-ton-giao|noi-vu,,20,working,internal,\"Nghị định 150/2025/NĐ-CP: Sở Dân tộc và Tôn giáo; nơi không có, Sở Nội vụ; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/party_building,party_building,petition,commune,,province,ban-to-chuc,,20,working,internal,\"Quy định của Tỉnh ủy: Ban Tổ chức Tỉnh ủy; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n"
    "petition/security_defense,security_defense,petition,commune,,province,cong-an,,20,working,internal,\"Công an tỉnh; hạn 20 ngày làm việc: mặc định của localgov, không phải thời hạn luật định\"\n";

// The preset's rules, parsed against the Vietnam vocabulary.
[[nodiscard]] LOCALGOV_DECL rule_set vietnam_rules(const vocabulary& words);

// Who compiles what: the Party Organisation Board gathers the communes' proposals for
// the Standing Committee (the founding scenario; monthly is localgov's reading of
// "regularly"); the People's Committee Office gathers petitions for the People's
// Council, which hears the results at its sessions (at least twice a year).
[[nodiscard]] LOCALGOV_DECL std::vector<compilation_duty> vietnam_compilation_duties(const vocabulary& words);

}  // namespace presets
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/presets/impl/vietnam_rules.ipp>
#endif
