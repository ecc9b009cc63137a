// A user's own tests of their organisation logic, written with <localgov/testing.hpp>:
// a province's own routing rule, the preset's rules for a ward, and who may change what.
// Build: link localgov::localgov and doctest::doctest; run the program.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <localgov/testing.hpp>

using namespace localgov;
using L = default_lifecycle;

namespace {

// Phú Thọ with one ward, two officials of the province and the ward's Party Secretary.
testing::builder phu_tho() {
  return testing::builder()
      .province("25", "Tỉnh Phú Thọ")
      .ward("04795", "Phường Hòa Bình", "25")
      .ward("04828", "Phường Thống Nhất", "25")
      .official("vuong-thi-bay", "Vương Thị Bẩy", "director", "25/tai-chinh")
      .official("quach-tat-liem", "Quách Tất Liêm", "vice_chair", "25/ubnd")
      .official("nguyen-duc-dung", "Nguyễn Đức Dũng", "secretary", "04795/dang-uy");
}

}  // namespace

TEST_CASE("the preset's rules: a ward's proposals go to the province's departments") {
  testing::world w(phu_tho());
  const auto staffing = w.route("04795", "staffing");
  REQUIRE(staffing);
  CHECK(staffing->lead == w.body("25/noi-vu"));
  CHECK(staffing->due == date(2026, 2, 23));  // 60 days after 16 December 2025 end in the Tết break

  // A school investment: Finance leads, Education coordinates as the sector's department.
  const auto school = w.route("04828", "public_investment", channel::proposal, date(2025, 12, 16), "education");
  REQUIRE(school);
  CHECK(school->lead == w.body("25/tai-chinh"));
  CHECK(school->sector_coordinator == w.body("25/giao-duc-dao-tao"));

  // A citizen's land petition stays in the ward (Decree 151/2025).
  const auto land = w.route("04795", "land", channel::petition);
  REQUIRE(land);
  CHECK(land->lead == w.body("04795/phong-kinh-te"));
}

TEST_CASE("our own rule: Phú Thọ sends IT proposals to Finance, with Science and Technology") {
  // The general rule for everyone else, and Phú Thọ's own, which wins there.
  testing::world w(phu_tho().build(),
                   "it/general,ict_digital,proposal,commune,,province,khoa-hoc-cong-nghe,,60,calendar,Nghị định 150/2025\n"
                   "it/phu-tho,ict_digital,proposal,commune,25,province,tai-chinh,khoa-hoc-cong-nghe,30,calendar,Quyết định của UBND tỉnh\n");
  const auto r = w.route("04795", "ict_digital");
  REQUIRE(r);
  CHECK(r->lead == w.body("25/tai-chinh"));
  REQUIRE(r->coordinators.size() == 1);
  CHECK(r->coordinators[0] == w.body("25/khoa-hoc-cong-nghe"));
  CHECK(r->due == date(2026, 1, 15));
  CHECK(w.rules[r->rule].id == "it/phu-tho");
  // Nothing else is routed by these rules.
  CHECK_FALSE(w.route("04795", "land"));
}

TEST_CASE("permissions: who may move a proposal along") {
  testing::world w(phu_tho());
  const auto school = w.submit("PT-2", "04828", "public_investment", date(2025, 12, 16), channel::proposal, "education");
  const auto staff = w.submit("PT-1", "04795", "staffing");

  // The Director of Finance leads the school investment, and coordinates staffing.
  CHECK(w.track.may_change(w.person("vuong-thi-bay"), school, date(2025, 12, 22)));
  w.track.change(school, date(2025, 12, 22), L::assigned, "vuong-thi-bay");
  CHECK(w.track.status(school) == L::assigned);
  // The Vice-Chair of the People's Committee stands above every department.
  w.track.change(staff, date(2025, 12, 22), L::assigned, "quach-tat-liem");

  // The ward's Party Secretary may not answer his own ward's proposal: Home Affairs leads it.
  CHECK_FALSE(w.track.may_change(w.person("nguyen-duc-dung"), staff, date(2026, 1, 20)));
  CHECK_THROWS_AS(w.track.change(staff, date(2026, 1, 20), L::answered, "nguyen-duc-dung"), permission_error);
  CHECK(w.track.status(staff) == L::assigned);
  // Nor before the term of office began.
  CHECK_FALSE(w.track.may_change(w.person("vuong-thi-bay"), school, date(2025, 6, 1)));
}
