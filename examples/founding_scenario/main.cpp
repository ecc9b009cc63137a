// The founding scenario: Phú Thọ's Party Secretary meets four wards and a commune on
// 16 December 2025. Built from the real unit list with the library's own types.
#include <localgov/localgov.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct options {
  std::string data = "data";
  std::string out = ".";
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view name = argv[i];
    if (name == "--data") o.data = argv[i + 1];
    else if (name == "--out") o.out = argv[i + 1];
  }
  return o;
}

void heading(std::string_view text) { fmt::print("\n== {} ==\n\n", text); }

}  // namespace

int main(int argc, char** argv) try {
  using namespace localgov;
  const auto opts = parse(argc, argv);
  auto org = presets::load_vietnam_2025(opts.data + "/vn-2025/units.csv");
  const auto officials = opts.data + "/scenario/officials.csv";
  io::read_officials(org, io::read_file(officials), officials);
  const auto meeting = date(2025, 12, 16);

  const auto phu_tho = *org.find_unit("25");
  fmt::print("localgov: {} ({}), {} commune-tier units, {} bodies; the country: {} units, {} bodies\n",
             org.unit(phu_tho).name, org.unit(phu_tho).code, org.unit(phu_tho).children.size(),
             org.unit(phu_tho).bodies.size(), org.unit_count(), org.body_count());

  heading("Các đơn vị dự buổi làm việc (the units at the meeting)");
  reports::table units({{"mã"}, {"đơn vị"}, {"loại"}, {"cơ quan"}});
  for (auto code : {"04795", "04828", "04792", "04894", "04897"}) {
    const auto& u = org.unit(*org.find_unit(code));
    units.add_row({u.code, u.name, std::string(org.kind_info(u.kind).slug), std::to_string(u.bodies.size())});
  }
  fmt::print("{}", units.text());

  heading("Cán bộ và chức vụ ngày 16/12/2025 (officials and their concurrent posts)");
  reports::table people({{"họ tên"}, {"chức vụ"}, {"mã"}});
  for (const auto& person : org.persons()) {
    const auto id = *org.find_person(person.key);
    for (auto post : org.posts_of(id, meeting)) people.add_row({person.name, org.name_of(post), org.code_of(post)});
  }
  fmt::print("{}", people.text());

  heading("Đường báo cáo (chain of command from a ward's division)");
  const auto division = *org.find_body("04795/phong-kinh-te");
  std::string chain;
  for (auto n : chain_of_command(org, {node_kind::body, static_cast<std::uint32_t>(index_of(division))}))
    chain += (chain.empty() ? std::string() : std::string("\n  → ")) + org.display_name(n) + " (" + org.code_of(n) + ")";
  fmt::print("  {}\n", chain);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "founding_scenario: %s\n", e.what());
  return 2;
}
