// Who decides complaints and denunciations in the Vietnam preset: one check per rule of the
// Law on Complaints 2011 and the Law on Denunciations 2018, on Phú Thọ's real bodies.
#include "../test_support.hpp"

#include <localgov/presets/vietnam_deciders.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace localgov;

namespace {

const organization& org() { return test::national(); }

body_id body(std::string_view code) {
  const auto b = org().find_body(code);
  REQUIRE(b);
  return *b;
}

post_title_id title(std::string_view slug) {
  const auto t = org().words().find_post_title(slug);
  REQUIRE(t);
  return *t;
}

// "<body code>#<title>" for a decider in the organisation, "outside: <who>" otherwise, then " | <basis>".
std::string decided(channel matter, respondent who, date on) {
  const auto d = presets::vietnam_decider(org(), matter, who, on);
  if (d.body == no_id<body_id>) return "outside: " + std::string(d.outside) + " | " + std::string(d.basis);
  return org().code_of(d.body) + "#" + org().words().post_title(d.title).slug + " | " + std::string(d.basis);
}

const date after_amendment(2026, 8, 3);   // Law 136/2025/QH15 in force
const date before_amendment(2026, 1, 5);  // Decree 141/2025 period

}  // namespace

TEST_CASE("first complaints go to the head of the body answering for the decision") {
  // A ward's decision, or one of its divisions' (they have no complaint powers of their own): the ward's Chair.
  CHECK(decided(channel::complaint, {body("04795/ubnd")}, after_amendment) ==
        "04795/ubnd#chair | Luật Khiếu nại 2011, Điều 17 (sửa đổi bởi Luật 136/2025/QH15)");
  CHECK(decided(channel::complaint, {body("04795/phong-kinh-te")}, after_amendment) ==
        "04795/ubnd#chair | Luật Khiếu nại 2011, Điều 17 (sửa đổi bởi Luật 136/2025/QH15)");
  CHECK(decided(channel::complaint, {body("04795/ubnd")}, before_amendment) ==
        "04795/ubnd#chair | Luật Khiếu nại 2011, Điều 17");
  // A department's: its Director. The provincial People's Committee's or its Chair's: the Chair.
  CHECK(decided(channel::complaint, {body("25/noi-vu")}, after_amendment) ==
        "25/noi-vu#director | Luật Khiếu nại 2011, Điều 20 khoản 1");
  CHECK(decided(channel::complaint, {body("25/ubnd"), title("chair")}, after_amendment) ==
        "25/ubnd#chair | Luật Khiếu nại 2011, Điều 21 khoản 1");
}

TEST_CASE("second complaints go to the provincial Chair, or for the Chair's own decision to a minister") {
  CHECK(decided(channel::complaint_second, {body("04795/ubnd")}, after_amendment) ==
        "25/ubnd#chair | Luật Khiếu nại 2011, Điều 21 khoản 2 (sửa đổi bởi Luật 136/2025/QH15)");
  // Before 1 July 2026 this rests on a decree whose text localgov did not read, and says so.
  CHECK(decided(channel::complaint_second, {body("04795/ubnd")}, before_amendment) ==
        "25/ubnd#chair | Nghị định 141/2025/NĐ-CP (theo báo chí; văn bản chưa đối chiếu)");
  CHECK(decided(channel::complaint_second, {body("25/tai-chinh")}, after_amendment) ==
        "25/ubnd#chair | Luật Khiếu nại 2011, Điều 21 khoản 2");
  // Outside the organisation: a clear answer, not an error.
  CHECK(decided(channel::complaint_second, {body("25/ubnd")}, after_amendment) ==
        "outside: Bộ trưởng quản lý ngành, lĩnh vực | Luật Khiếu nại 2011, Điều 23 khoản 3");
  // Another province's ward goes to its own province's Chair.
  CHECK(decided(channel::complaint_second, {body("00004/ubnd")}, after_amendment).starts_with("01/ubnd#chair | "));
}

TEST_CASE("denunciations go to the head of the body managing the person, or above for its head") {
  // A commune official (a division's staff): the commune Chair. The commune Chair: the provincial Chair.
  CHECK(decided(channel::denunciation, {body("04795/phong-kinh-te")}, after_amendment) ==
        "04795/ubnd#chair | Luật Tố cáo 2018, Điều 13 khoản 1 (sửa đổi bởi Luật 136/2025/QH15)");
  CHECK(decided(channel::denunciation, {body("04795/ubnd"), title("chair")}, after_amendment) ==
        "25/ubnd#chair | Luật Tố cáo 2018, Điều 13 khoản 4 điểm a (sửa đổi bởi Luật 136/2025/QH15)");
  // A department's official: its Director. The Director: the provincial Chair.
  CHECK(decided(channel::denunciation, {body("25/noi-vu")}, after_amendment) ==
        "25/noi-vu#director | Luật Tố cáo 2018, Điều 13 khoản 3 điểm a");
  CHECK(decided(channel::denunciation, {body("25/noi-vu"), title("director")}, after_amendment) ==
        "25/ubnd#chair | Luật Tố cáo 2018, Điều 13 khoản 4 điểm a");
  // The provincial Chair: the Prime Minister, outside the organisation.
  CHECK(decided(channel::denunciation, {body("25/ubnd"), title("chair")}, after_amendment) ==
        "outside: Thủ tướng Chính phủ | Luật Tố cáo 2018, Điều 13 khoản 8");
}

TEST_CASE("a respondent that is not a state administrative body is answered as outside, with the reason") {
  const std::string reason =
      " | localgov: không phải cơ quan hành chính nhà nước; Luật Khiếu nại, Luật Tố cáo không giao cho cơ quan nào trong mô hình";
  CHECK(decided(channel::complaint, {body("25/tinh-uy")}, after_amendment) == "outside: theo quy định của Đảng" + reason);
  CHECK(decided(channel::denunciation, {body("25/cong-an")}, after_amendment) ==
        "outside: theo quy định của Bộ Công an, Bộ Quốc phòng" + reason);
  CHECK(decided(channel::complaint_second, {body("25/hdnd")}, after_amendment) ==
        "outside: theo quy định riêng của cơ quan, tổ chức đó" + reason);
}
