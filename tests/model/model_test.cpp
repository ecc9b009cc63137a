// The organisation model: typed units, the Vietnam 2025 preset on the real unit list,
// officials and their concurrent posts, queries, validation and name search.
#include "../test_support.hpp"

#include <localgov/io/changes_csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/name_index.hpp>
#include <localgov/model/queries.hpp>
#include <localgov/model/validate.hpp>
#include <localgov/reports/format.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace localgov;

namespace {

std::string code(const organization_core& org, node_ref n) { return org.code_of(n); }

std::vector<std::string> codes(const organization_core& org, const std::vector<node_ref>& nodes) {
  std::vector<std::string> out;
  for (auto n : nodes) out.push_back(org.code_of(n));
  return out;
}

// A non-Vietnamese two-tier shape: Finland's regions and municipalities.
struct region {
  static constexpr tier level = tier::province;
  static constexpr std::string_view slug = "region";
  static constexpr std::string_view display_name = "Region";
  static constexpr std::string_view name_prefix = "Region of";
};
struct municipality_fi {
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "municipality";
  static constexpr std::string_view display_name = "Municipality";
  static constexpr std::string_view name_prefix = "";
};
struct traits {
  using unit_kinds = kind_list<region, municipality_fi>;
};

organization load_units_text(const std::string& text) {
  organization org(presets::vietnam_vocabulary());
  io::read_units(org, text, "units.csv");
  return org;
}

}  // namespace

TEST_CASE("the national organisation has every unit of Decision 19/2025 by kind and tier") {
  const auto& org = test::national();
  std::map<std::string, int> by_kind;
  int province_tier = 0, commune_tier = 0;
  for (const auto& u : org.units()) {
    ++by_kind[std::string(org.kind_info(u.kind).slug)];
    (u.level == tier::province ? province_tier : commune_tier)++;
  }
  CHECK(org.unit_count() == 3355);
  CHECK(by_kind["province"] == 28);
  CHECK(by_kind["municipality"] == 6);
  CHECK(by_kind["commune"] == 2621);
  CHECK(by_kind["ward"] == 687);
  CHECK(by_kind["special_zone"] == 13);
  CHECK(province_tier == 34);
  CHECK(commune_tier == 3321);
  CHECK(validate(org).empty());
}

TEST_CASE("every unit gets the standard bodies of its tier, with head posts") {
  const auto& org = test::national();
  const auto mandatory = {"tinh-uy", "ban-thuong-vu", "thuong-truc", "ban-to-chuc", "ubkt", "hdnd", "ubnd", "mttq",
                          "van-phong-ubnd", "noi-vu", "tai-chinh", "tu-phap", "cong-thuong", "nong-nghiep-moi-truong",
                          "xay-dung", "khoa-hoc-cong-nghe", "giao-duc-dao-tao", "y-te", "van-hoa-the-thao-du-lich",
                          "thanh-tra"};
  const auto commune_bodies = {"dang-uy", "ban-thuong-vu", "thuong-truc", "ban-xay-dung-dang", "ubkt", "ubnd", "mttq",
                               "van-phong-hdnd-ubnd", "phong-kinh-te", "phong-van-hoa-xa-hoi", "trung-tam-phvhcc"};
  for (const auto& u : org.units()) {
    for (auto slug : u.level == tier::province ? mandatory : commune_bodies) {
      INFO(u.code << "/" << slug);
      REQUIRE(org.find_body(u.code + "/" + slug).has_value());
    }
  }
  const auto director = org.find_post(*org.find_body("25/tai-chinh"), *org.words().find_post_title("director"));
  REQUIRE(director);
  CHECK(org.name_of(*director) == "Giám đốc Sở Tài chính");
  CHECK(org.code_of(*director) == "25/tai-chinh#director");
  CHECK(org.name_of(*org.find_body("01/tinh-uy")) == "Thành ủy");
  CHECK(org.name_of(*org.find_body("25/tinh-uy")) == "Tỉnh ủy");
  CHECK(org.name_of(*org.find_body("04795/phong-kinh-te")) == "Phòng Kinh tế, Hạ tầng và Đô thị");
  CHECK(org.name_of(*org.find_body("04897/phong-kinh-te")) == "Phòng Kinh tế");
  CHECK(org.name_of(*org.find_body("31078/phong-kinh-te")) == "Phòng Kinh tế, Hạ tầng và Đô thị");  // Phú Quốc
  CHECK(org.name_of(*org.find_body("04897/ubnd")) == "Ủy ban nhân dân xã");
  // Only Hà Nội and Hồ Chí Minh City have Sở Quy hoạch - Kiến trúc; special zones of
  // under 1,000 residents have no People's Council.
  CHECK(org.find_body("01/quy-hoach-kien-truc"));
  CHECK_FALSE(org.find_body("25/quy-hoach-kien-truc"));
  CHECK_FALSE(org.find_body("19742/hdnd"));
  CHECK(org.find_body("31078/hdnd"));
}

TEST_CASE("typed units: placement by the compiler, narrowing at run time") {
  organization org(presets::vietnam_vocabulary());
  const auto phu_tho = org.add_unit<province>("25", "Tỉnh Phú Thọ");
  const auto hoa_binh = org.add_unit<ward>("04795", "Phường Hòa Bình", phu_tho);
  const auto thinh_minh = org.add_unit<commune>("04897", "Xã Thịnh Minh", phu_tho);
  CHECK(org.unit(hoa_binh.id).parent == phu_tho.id);
  CHECK(org.province_of(thinh_minh.id) == phu_tho.id);
  CHECK(org.as<ward>(hoa_binh.id).has_value());
  CHECK_FALSE(org.as<commune>(hoa_binh.id).has_value());
  CHECK(org.unit(phu_tho.id).children.size() == 2);
  presets::add_vietnam_bodies(org);
  CHECK(validate(org).empty());
  CHECK(org.responsible_body(hoa_binh.id, *org.words().find_field("land")) == org.find_body("04795/phong-kinh-te"));
}

TEST_CASE("a custom two-tier government through traits") {
  basic_organization<traits> org;
  const auto uusimaa = org.add_unit<region>("FI-18", "Region of Uusimaa");
  const auto espoo = org.add_unit<municipality_fi>("049", "Espoo", uusimaa);
  CHECK(org.unit(espoo.id).level == tier::commune);
  CHECK(org.find_unit_kind("region") == unit_kind{0});
  CHECK(validate(org).empty());
  const name_index index(org);
  CHECK(index.find("uusimaa").front().unit == uusimaa.id);
}

TEST_CASE("officials: the founding scenario's six, with concurrent posts, and terms") {
  const auto& org = test::with_officials();
  const auto day = date(2025, 12, 16);
  CHECK(org.person_count() == 6);
  const auto hinh = *org.find_person("bui-duc-hinh");
  const auto posts = org.posts_of(hinh, day);
  REQUIRE(posts.size() == 2);
  std::vector<std::string> names;
  for (auto p : posts) names.push_back(org.name_of(p));
  CHECK(names == std::vector<std::string>{"Phó Bí thư Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"});
  const auto director = *org.find_post(*org.find_body("25/tai-chinh"), *org.words().find_post_title("director"));
  CHECK(org.holder(director, day) == org.find_person("vuong-thi-bay"));
  CHECK_FALSE(org.holder(director, date(2025, 6, 30)).has_value());  // before the term
  const auto vacant = *org.find_post(*org.find_body("25/noi-vu"), *org.words().find_post_title("director"));
  CHECK_FALSE(org.holder(vacant, day).has_value());
  const auto dung = *org.find_person("nguyen-duc-dung");
  REQUIRE(org.posts_of(dung, day).size() == 1);
  CHECK(org.code_of(org.posts_of(dung, day).front()) == "04795/dang-uy#secretary");
}

TEST_CASE("chain of command runs up to the province's Standing Committee") {
  const auto& org = test::with_officials();
  const auto chain = chain_of_command(org, test::node(*org.find_body("04795/phong-kinh-te")));
  CHECK(codes(org, chain) == std::vector<std::string>{"04795/phong-kinh-te", "04795/ubnd", "04795/hdnd",
                                                      "04795/thuong-truc", "25/thuong-truc"});
  const auto director = *org.find_post(*org.find_body("25/tai-chinh"), *org.words().find_post_title("director"));
  CHECK(codes(org, chain_of_command(org, test::node(director))) ==
        std::vector<std::string>{"25/tai-chinh#director", "25/tai-chinh", "25/ubnd", "25/hdnd", "25/thuong-truc"});
  // A special zone without a council: its People's Committee answers to the Party directly.
  CHECK(codes(org, chain_of_command(org, test::node(*org.find_body("19742/ubnd")))) ==
        std::vector<std::string>{"19742/ubnd", "19742/thuong-truc", "44/thuong-truc"});
}

TEST_CASE("queries: everything under a unit, the body responsible for a field, who is above whom") {
  const auto& org = test::national();
  const auto phu_tho = *org.find_unit("25");
  const auto under = everything_under(org, {node_kind::unit, static_cast<std::uint32_t>(index_of(phu_tho))});
  const auto has = [&](const std::string& c) {
    return std::any_of(under.begin(), under.end(), [&](node_ref n) { return code(org, n) == c; });
  };
  CHECK(has("04795"));
  CHECK(has("04795/phong-kinh-te"));
  CHECK(has("04795/phong-kinh-te#head"));
  CHECK(has("25/noi-vu"));
  CHECK_FALSE(has("01"));
  CHECK_FALSE(has("00004"));  // a ward of Hà Nội
  CHECK(org.unit(phu_tho).children.size() == 148);

  const auto field = [&](std::string_view slug) { return *org.words().find_field(slug); };
  CHECK(org.responsible_body(phu_tho, field("staffing")) == org.find_body("25/noi-vu"));
  CHECK(org.responsible_body(phu_tho, field("ict_digital")) == org.find_body("25/khoa-hoc-cong-nghe"));
  CHECK(org.responsible_body(phu_tho, field("land")) == org.find_body("25/nong-nghiep-moi-truong"));
  CHECK(org.responsible_body(*org.find_unit("04897"), field("education")) == org.find_body("04897/phong-van-hoa-xa-hoi"));
  CHECK_FALSE(org.responsible_body(phu_tho, field("ethnic_religious")).has_value());  // no Sở Dân tộc và Tôn giáo

  CHECK(is_at_or_above(org, *org.find_body("25/ubnd"), *org.find_body("25/tai-chinh")));
  CHECK(is_at_or_above(org, *org.find_body("25/tinh-uy"), *org.find_body("25/tai-chinh")));
  CHECK_FALSE(is_at_or_above(org, *org.find_body("25/noi-vu"), *org.find_body("25/tai-chinh")));
  CHECK_FALSE(is_at_or_above(org, *org.find_body("01/ubnd"), *org.find_body("25/tai-chinh")));
}

TEST_CASE("name search ignores case, diacritics and tone-mark placement, ranked") {
  const auto& org = test::national();
  const name_index index(org);
  const auto phu_tho = *org.find_unit("25");
  for (auto query : {"hoa binh", "Hoà Bình", "HÒA BÌNH", "Phường Hòa Bình", "phuong hoa binh"}) {
    INFO(query);
    const auto found = index.find(query, {phu_tho, org.find_unit_kind("ward"), SIZE_MAX});
    REQUIRE_FALSE(found.empty());
    CHECK(org.unit(found.front().unit).code == "04795");
  }
  const auto exact = index.find("Phường Hòa Bình");
  REQUIRE(exact.size() >= 2);  // there is more than one ward of that name in Vietnam
  CHECK(exact.front().rank == match_rank::exact);
  const auto tone = index.find("Phường Hoà Bình");
  CHECK(tone.front().rank == match_rank::same);
  const auto folded = index.find("hoa binh");
  CHECK(folded.front().rank == match_rank::folded);
  for (std::size_t i = 1; i < folded.size(); ++i) CHECK(folded[i - 1].rank <= folded[i].rank);
  const auto prefix = index.find("thinh m", {phu_tho, {}, SIZE_MAX});
  REQUIRE(prefix.size() == 1);
  CHECK(org.unit(prefix.front().unit).code == "04897");
  CHECK(prefix.front().rank == match_rank::prefix);
  CHECK(index.find("hoa binh", {{}, {}, 3}).size() == 3);
  CHECK(index.find("").empty());
  CHECK(index.find("zzzz").empty());
}

TEST_CASE("units file: structural problems are all reported, each with its line") {
  const auto error = test::expect_throw<validation_error>([] {
    load_units_text(
        "code,name,kind,parent_code\n"
        "25,Tỉnh Phú Thọ,province,\n"
        "04795,Phường Hòa Bình,ward,25\n"
        "04828,Phường Thống Nhất,ward,04795\n"  // a ward under a ward
        "04795,Phường Hòa Bình,ward,25\n"       // a duplicate code
        "04897,Xã Thịnh Minh,commune,99\n"      // an unknown parent
        "04894,Phường Kỳ Sơn,ward,04894\n"      // its own parent
        "04792,Phường Tân Hòa,ward,\n"          // no parent
        "01,Thành phố Hà Nội,municipality,25\n");  // a province-tier unit with a parent
  });
  std::vector<std::string> found;
  for (const auto& p : error.problems()) found.push_back(p.to_string());
  CHECK(found == std::vector<std::string>{
                     "units.csv:4:30: ward 'Phường Thống Nhất' (04828) is placed under ward 'Phường Hòa Bình' (04795); a "
                     "commune-tier unit can only be placed under a province-tier unit",
                     "units.csv:5:1: duplicate unit code '04795': ward 'Phường Hòa Bình' (04795) and ward 'Phường Hòa Bình' "
                     "(04795) (first on line 3)",
                     "units.csv:6:29: unknown parent code '99' for unit '04897' (expected the code of a province-tier "
                     "unit in this file)",
                     "units.csv:7:26: ward 'Phường Kỳ Sơn' (04894) is its own parent",
                     "units.csv:8:27: ward 'Phường Tân Hòa' (04792) has no parent (expected a province-tier unit)",
                     "units.csv:9:34: municipality 'Thành phố Hà Nội' (01) is a province-tier unit and cannot have a parent",
                 });
}

TEST_CASE("units file: malformed rows stop at the first, with file, line and column") {
  auto message = [](const std::string& text) {
    return std::string(test::expect_throw<input_error>([&] { load_units_text(text); }).what());
  };
  CHECK(std::string(message("code,name,kind,parent_code\n25,Tỉnh Phú Thọ,village,\n")) ==
        "units.csv:2:17: unknown unit kind 'village' (expected one of: province, municipality, commune, ward, "
        "special_zone)");
  CHECK(std::string(message("code,name,parent_code\n25,Tỉnh Phú Thọ,\n")) ==
        "units.csv:1:1: missing column 'kind' (header is: code,name,parent_code)");
  CHECK(std::string(message("code,name,kind,parent_code\n25,\"Tỉnh Phú Thọ,province,\n")) ==
        "units.csv:2:4: unterminated quoted field (no closing quote)");
  CHECK(std::string(message("code,name,kind,parent_code\n25,Tỉnh Phú Thọ,province,\n04795,Phường Hòa")) ==
        "units.csv:3:7: expected 4 fields as in the header, got 2");
  CHECK(std::string(message("code,name,kind,parent_code\n,Tỉnh Phú Thọ,province,\n")) == "units.csv:2:1: empty unit code");
  CHECK(std::string(message("code,name,kind,parent_code\n")) ==
        "units.csv:1:1: no units (expected at least one row after the header)");
  CHECK(std::string(message("")) == "units.csv:1:1: empty file (expected a header line)");
}

TEST_CASE("officials file: overlapping holders and bad rows") {
  const auto units = io::read_file(test::units_path());
  auto load = [&](const std::string& officials) {
    auto org = presets::vietnam_2025(units, "units.csv");
    io::read_officials(org, officials, "officials.csv");
    return org;
  };
  const std::string header = "person_id,name,post,org_code,from,to\n";
  const auto overlap = test::expect_throw<validation_error>([&] {
    load(header +
         "a,Nguyễn Văn A,director,25/tai-chinh,2025-07-01,2025-12-31\n"
         "b,Trần Thị B,director,25/tai-chinh,2025-12-01,\n");
  });
  REQUIRE(overlap.problems().size() == 1);
  CHECK(overlap.problems().front().to_string() ==
        "officials.csv:3:36: Giám đốc Sở Tài chính (25/tai-chinh#director) has two holders from 2025-12-01: Nguyễn Văn A "
        "(a, from 2025-07-01) and Trần Thị B (b, from 2025-12-01)");
  // One person's two overlapping terms are not two holders.
  const auto twice = test::expect_throw<validation_error>([&] {
    load(header +
         "a,Nguyễn Văn A,director,25/tai-chinh,2025-07-01,2025-12-31\n"
         "a,Nguyễn Văn A,director,25/tai-chinh,2025-10-01,\n");
  });
  REQUIRE(twice.problems().size() == 1);
  CHECK(twice.problems().front().to_string() ==
        "officials.csv:3:38: Giám đốc Sở Tài chính (25/tai-chinh#director) is held twice by Nguyễn Văn A (a) from 2025-10-01: "
        "terms from 2025-07-01 and from 2025-10-01");
  // Thousands of holders at once: one problem each past the first (against the holder
  // whose term reaches furthest), found in O(n log n); the message lists the first 100.
  std::string many = header;
  for (int i = 0; i < 5000; ++i)
    many += "p" + std::to_string(i) + ",Người " + std::to_string(i) + ",director,25/tai-chinh," +
            (date(2025, 7, 1) + i % 365).to_string() + ",\n";
  const auto crowd = test::expect_throw<validation_error>([&] { load(many); });
  CHECK(crowd.problems().size() == 4999);
  CHECK(std::string(crowd.what()).starts_with("4999 problems\n  officials.csv:"));
  CHECK(std::string(crowd.what()).ends_with("\n  and 4899 more"));
  // A term that ends the day before the next one starts is fine; Vice-Chairs have seats.
  const auto org = load(header +
                        "a,Nguyễn Văn A,director,25/tai-chinh,2025-07-01,2025-11-30\n"
                        "b,Trần Thị B,director,25/tai-chinh,2025-12-01,\n"
                        "c,Lê Văn C,vice_chair,25/ubnd,2025-07-01,\n"
                        "d,Phạm Thị D,vice_chair,25/ubnd,2025-07-01,\n");
  CHECK(org.holdings().size() == 4);
  auto message = [&](const std::string& rows) {
    return std::string(test::expect_throw<input_error>([&] { load(header + rows); }).what());
  };
  CHECK(message("a,A,director,25/khong-co,2025-07-01,\n") ==
        "officials.csv:2:14: unknown kind of body 'khong-co' (expected one of: " +
            vocabulary::slugs(presets::vietnam_vocabulary().body_kinds()) + ")");
  CHECK(message("a,A,director,25/dan-toc-ton-giao,2025-07-01,\n") ==
        "officials.csv:2:14: Tỉnh Phú Thọ has no Sở Dân tộc và Tôn giáo ('25/dan-toc-ton-giao')");
  CHECK(message("a,A,king,25/tai-chinh,2025-07-01,\n") ==
        "officials.csv:2:5: unknown post 'king' (expected one of: secretary, deputy_secretary, member, chair, "
        "vice_chair, director, deputy_director, head, deputy_head, chief, commander)");
  CHECK(message("a,A,director,25/tai-chinh,2025-02-30,\n") ==
        "officials.csv:2:27: bad start date '2025-02-30' (expected a calendar date YYYY-MM-DD)");
  CHECK(message("a,A,director,99/tai-chinh,2025-07-01,\n") == "officials.csv:2:14: unknown unit code '99' in '99/tai-chinh'");
  CHECK(message("a,A,director,25/tai-chinh,2025-07-01,\na,B,chair,25/ubnd,2025-07-01,\n") ==
        "officials.csv:3:3: person 'a' is named 'A' on line 2 but 'B' here");
}

TEST_CASE("reporting lines from a file: a cycle is spelled out with its line") {
  auto org = presets::vietnam_2025(io::read_file(test::units_path()), "units.csv");
  const auto error = test::expect_throw<validation_error>([&] {
    io::read_lines(org, "from,to,kind\n25/tai-chinh,25/noi-vu,coordinates_with\n25/ubnd,25/noi-vu,reports_to\n",
                   "lines.csv");
  });
  REQUIRE(error.problems().size() == 1);
  CHECK(error.problems().front().to_string() ==
        "lines.csv:3:1: reporting cycle: 25/ubnd -> 25/noi-vu -> 25/ubnd");
}

TEST_CASE("validate reports bodies in the wrong tier") {
  organization org(presets::vietnam_vocabulary());
  const auto phu_tho = org.add_unit<province>("25", "Tỉnh Phú Thọ");
  const auto hoa_binh = org.add_unit<ward>("04795", "Phường Hòa Bình", phu_tho);
  org.add_body(hoa_binh.id, *org.words().find_body_kind("tai-chinh"));
  org.add_body(phu_tho.id, *org.words().find_body_kind("phong-kinh-te"));
  const auto problems = validate(org);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "Sở Tài chính (04795/tai-chinh) is a province-tier body in ward 'Phường Hòa Bình' "
                               "(04795), a commune-tier unit");
  CHECK(problems[1].id == "body.wrong_tier");
}

TEST_CASE("every model type formats readably with fmt") {
  const auto& org = test::with_officials();
  CHECK(fmt::format("{}", view(org, *org.find_unit("04795"))) == "Phường Hòa Bình (04795, ward, Tỉnh Phú Thọ)");
  CHECK(fmt::format("{}", view(org, *org.find_unit("25"))) == "Tỉnh Phú Thọ (25, province)");
  CHECK(fmt::format("{}", view(org, *org.find_body("25/tai-chinh"))) == "Sở Tài chính (25/tai-chinh)");
  const auto director = *org.find_post(*org.find_body("25/tai-chinh"), *org.words().find_post_title("director"));
  CHECK(fmt::format("{}", view(org, director)) == "Giám đốc Sở Tài chính (25/tai-chinh#director)");
  CHECK(fmt::format("{}", view(org, *org.find_person("vuong-thi-bay"))) == "Vương Thị Bẩy (vuong-thi-bay)");
  CHECK(fmt::format("{} {} {} {}", date(2026, 3, 31), tier::commune, link_kind::reports_to, match_rank::folded) ==
        "2026-03-31 commune reports_to folded");
  CHECK(fmt::format("[{:>8}]", tier::province) == "[province]");
}

TEST_CASE("dated amendments: Đồng Nai becomes a centrally-run city on 2026-04-30, ten communes wards") {
  const auto changes_path = test::data_path("vn-2025/changes.csv");
  const auto changes = io::read_file(changes_path);
  auto before = presets::load_vietnam_2025(test::units_path());
  CHECK(io::read_changes(before, changes, changes_path, date(2026, 4, 29)) == 0);
  CHECK(before.unit(*before.find_unit("75")).name == "Tỉnh Đồng Nai");
  auto after = presets::load_vietnam_2025(test::units_path());
  CHECK(io::read_changes(after, changes, changes_path, date(2026, 4, 30)) == 11);
  std::map<std::string, int> by_kind;
  for (const auto& u : after.units()) ++by_kind[std::string(after.kind_info(u.kind).slug)];
  CHECK(by_kind == std::map<std::string, int>{{"commune", 2611}, {"municipality", 7}, {"province", 27}, {"special_zone", 13}, {"ward", 697}});
  CHECK(after.unit(*after.find_unit("75")).name == "Thành phố Đồng Nai");
  // Bodies keep their codes and take the names of the new kind.
  CHECK(after.name_of(*after.find_body("75/tinh-uy")) == "Thành ủy");
  CHECK(after.name_of(*after.find_body("25270/phong-kinh-te")) == "Phòng Kinh tế, Hạ tầng và Đô thị");
  CHECK(after.name_of(*after.find_body("25270/ubnd")) == "Ủy ban nhân dân phường");
  CHECK(validate(after).empty());
  auto message = [&](const std::string& rows) {
    auto org = presets::load_vietnam_2025(test::units_path());
    return std::string(test::expect_throw<input_error>([&] {
      io::read_changes(org, "effective,code,name,kind,parent_code,act\n" + rows, "changes.csv", date(2030, 1, 1));
    }).what());
  };
  CHECK(message("2026-04-30,99999,Phường X,ward,75,x\n") ==
        "changes.csv:2:12: unknown unit code '99999' (expected a unit of the units file; new units are not supported)");
  CHECK(message("2026-04-30,25270,Phường Lộc Ninh,province,75,x\n") ==
        "changes.csv:2:34: 'province' is of another tier than Xã Lộc Ninh (a change of tier is not supported)");
  CHECK(message("2026-04-30,25270,Phường Lộc Ninh,ward,01,x\n") ==
        "changes.csv:2:39: parent '01' differs from the current '75' (moving a unit is not supported)");
  CHECK(message("2026-02-30,25270,Phường Lộc Ninh,ward,75,x\n") ==
        "changes.csv:2:1: bad effective date '2026-02-30' (expected a calendar date YYYY-MM-DD)");
}

TEST_CASE("dated amendments apply by effective date, whatever the file's order") {
  const std::string rows = "effective,code,name,kind,parent_code,act\n"
                           "2026-09-01,25270,Phường Lộc Ninh Mới,ward,75,later\n"
                           "2026-04-30,25270,Phường Lộc Ninh,ward,75,earlier\n"
                           "2026-09-01,25279,Phường A,ward,75,first of a day\n"
                           "2026-09-01,25279,Phường B,ward,75,second of the same day\n";
  auto org = presets::load_vietnam_2025(test::units_path());
  CHECK(io::read_changes(org, rows, "changes.csv", date(2026, 12, 31)) == 4);
  CHECK(org.unit(*org.find_unit("25270")).name == "Phường Lộc Ninh Mới");  // the later amendment, listed first
  CHECK(org.unit(*org.find_unit("25279")).name == "Phường B");  // within a day, the file's order
  auto in_may = presets::load_vietnam_2025(test::units_path());
  CHECK(io::read_changes(in_may, rows, "changes.csv", date(2026, 5, 1)) == 1);
  CHECK(in_may.unit(*in_may.find_unit("25270")).name == "Phường Lộc Ninh");
}
