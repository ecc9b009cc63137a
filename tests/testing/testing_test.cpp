// <localgov/testing.hpp>: the builder goes through the real loaders, the world routes and
// tracks, and failed checks print names, not numbers.
#include <localgov/testing.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace localgov;

namespace {

testing::builder small() {
  return testing::builder()
      .province("25", "Tỉnh Phú Thọ")
      .ward("04795", "Phường Hòa Bình", "25")
      .commune("04897", "Xã Thịnh Minh", "25")
      .official("vuong-thi-bay", "Vương Thị Bẩy", "director", "25/tai-chinh");
}

// What doctest prints for a value in a failed check, and for a failed CHECK(a == b):
// its own stringification, found the way its assertion macros find it.
template <class T>
std::string printed(const T& value) {
  using doctest::toString;
  return toString(value).c_str();
}
template <class A, class B>
std::string printed(const A& a, const B& b) {
  return doctest::detail::stringifyBinaryExpr(a, " == ", b).c_str();
}

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("testing::builder: a small organisation with the preset's bodies and officials") {
  const auto org = small().build();
  CHECK(org.unit_count() == 3);
  CHECK(org.unit(*org.find_unit("04795")).parent == *org.find_unit("25"));
  CHECK(org.find_body("25/noi-vu"));
  CHECK(org.find_body("04897/phong-kinh-te"));
  const auto bay = *org.find_person("vuong-thi-bay");
  REQUIRE(org.posts_of(bay, date(2025, 12, 16)).size() == 1);
  CHECK(org.code_of(org.posts_of(bay, date(2025, 12, 16))[0]) == "25/tai-chinh#director");
  CHECK(org.posts_of(bay, date(2025, 6, 30)).empty());

  const auto ended = testing::builder()
                         .province("25", "Tỉnh Phú Thọ")
                         .official("a", "Người \"A\", thứ nhất", "director", "25/y-te", date(2025, 7, 1), date(2025, 9, 30))
                         .line("25/y-te", "25/tai-chinh", link_kind::coordinates_with)
                         .build();
  CHECK(ended.person(*ended.find_person("a")).name == "Người \"A\", thứ nhất");  // quoted through CSV
  CHECK(ended.posts_of(*ended.find_person("a"), date(2025, 10, 1)).empty());
}

TEST_CASE("testing::builder: mistakes are reported as the loaders report them") {
  CHECK(error_of([] { (void)testing::builder().ward("04795", "Phường Hòa Bình", "99").build(); })
            .find("<builder units>:2:28: unknown parent code '99' for unit '04795'") != std::string::npos);
  CHECK(error_of([] {
          (void)testing::builder().province("25", "Tỉnh Phú Thọ").official("a", "A", "director", "25/nope").build();
        }).starts_with("<builder officials>:2:"));
  CHECK(error_of([] { (void)testing::builder().province("25", "Tỉnh Phú Thọ").province("25", "Again").build(); })
            .find("duplicate") != std::string::npos);
}

TEST_CASE("testing::world: routes, submits and tracks, and fails loudly on unknown codes") {
  testing::world w(small());
  const auto r = w.route("04897", "land");
  REQUIRE(r);
  CHECK(r->lead == w.body("25/nong-nghiep-moi-truong"));
  const auto p = w.submit("P-1", "04795", "public_investment");
  CHECK(w.track.status(p) == default_lifecycle::received);
  w.track.change(p, date(2025, 12, 20), default_lifecycle::assigned, "vuong-thi-bay");
  CHECK(w.track.status(p) == default_lifecycle::assigned);
  CHECK(error_of([&] { (void)w.submit("P-1", "04795", "land"); }) == "proposal 'P-1' was submitted already");
  CHECK(error_of([&] { (void)w.body("25/nope"); }) == "no body with code '25/nope' (expected <unit code>/<kind slug>)");
  CHECK(error_of([&] { (void)w.route("99", "land"); }) == "no unit with code '99'");
  CHECK(error_of([&] { (void)w.route("04795", "weather"); }) == "no field 'weather'");
}

TEST_CASE("testing: failed checks print units, agencies and routes by name") {
  // Without an organisation named, ids print as numbers with their kind.
  CHECK(printed(id_at<body_id>(7)) == "body #7");
  CHECK(printed(no_id<unit_id>) == "no unit");
  {
    testing::world w(small());
    CHECK(printed(w.body("25/noi-vu")) == "Sở Nội vụ (25/noi-vu)");
    CHECK(printed(w.unit("04795")) == "Phường Hòa Bình (04795)");
    CHECK(printed(w.person("vuong-thi-bay")) == "Vương Thị Bẩy (vuong-thi-bay)");
    CHECK(printed(w.field("land")) == "land (Đất đai)");
    CHECK(printed(date(2026, 2, 14)) == "2026-02-14");
    CHECK(printed(unit_ref<ward>{w.unit("04795")}) == "Phường Hòa Bình (04795) as ward");
    const auto p = w.submit("PT-2025-001", "04795", "staffing");
    CHECK(printed(p) == "PT-2025-001");
    CHECK(printed(w.route("04795", "staffing")) ==
          "{lead: Sở Nội vụ (25/noi-vu), coordinators: [Sở Tài chính (25/tai-chinh)], due: 2026-02-23, rule: proposal/staffing}");
    CHECK(printed(w.route("04795", "public_investment", channel::proposal, date(2025, 12, 16), "education")) ==
          "{lead: Sở Tài chính (25/tai-chinh), coordinators: [Sở Xây dựng (25/xay-dung)], sector: Sở Giáo dục và Đào tạo "
          "(25/giao-duc-dao-tao), due: 2026-02-23, rule: proposal/public_investment}");
    CHECK(printed(std::optional<route_result>{}) == "no route (no rule covers it)");
    // What a failing CHECK(lead == expected) would print: doctest stringifies both sides alike.
    const auto lead = w.route("04795", "staffing")->lead;
    CHECK(printed(lead, w.body("25/tai-chinh")) ==
          "Sở Nội vụ (25/noi-vu) == Sở Tài chính (25/tai-chinh)");
  }
  // The world's names end with it.
  CHECK(printed(id_at<body_id>(7)) == "body #7");
  // A naming_scope names ids after any organisation.
  const auto org = small().build();
  const testing::naming_scope names(org);
  CHECK(printed(*org.find_body("04897/ubnd")) == "Ủy ban nhân dân xã (04897/ubnd)");
}
