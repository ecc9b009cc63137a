// Bodies of presets/vietnam_2025.hpp: the Vietnam vocabulary, standard bodies and lines.
#pragma once

#include <localgov/presets/vietnam_2025.hpp>

#include <localgov/io/file.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/presets/vietnam_vocabulary.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

LOCALGOV_DECL vocabulary vietnam_vocabulary() {
  vocabulary words;
  for (const auto& f : vietnam_fields) words.add_field({std::string(f.slug), std::string(f.name_vi), std::string(f.name_en)});
  for (const auto& t : vietnam_post_titles)
    words.add_post_title({std::string(t.slug), std::string(t.name_vi), std::string(t.name_en), t.single_holder});
  constexpr std::array<std::string_view, 3> commune_words{"xã", "phường", "đặc khu"};
  auto add_kinds = [&](const auto& rows) {
    for (const auto& row : rows) {
      body_kind_info kind;
      kind.slug = row.slug;
      kind.name = row.name;
      kind.levels = row.levels;
      kind.category = row.category;
      kind.apex = row.apex;
      for (std::size_t b = 0, e = 0; b < row.fields.size(); b = e + 1) {
        e = std::min(row.fields.find(';', b), row.fields.size());
        const auto field = words.find_field(row.fields.substr(b, e - b));
        LOCALGOV_ASSERT(field.has_value(), "preset body kinds name preset fields");
        kind.fields.push_back(*field);
      }
      if (!row.head.empty()) kind.head_title = *words.find_post_title(row.head);
      // Names by unit kind: province, municipality, commune, ward, special zone.
      kind.name_by_unit_kind.assign(5, std::string());
      if (!row.municipal_name.empty()) kind.name_by_unit_kind[1] = row.municipal_name;
      auto pattern = std::string_view{};
      for (const auto& n : vietnam_commune_names)
        if (n.slug == row.slug) pattern = n.pattern;
      if (row.slug == "dang-uy") pattern = "Đảng ủy {}";
      if (row.slug == "phong-kinh-te") kind.name_by_unit_kind[3] = row.municipal_name;  // wards
      if (!pattern.empty())
        for (std::size_t k = 0; k < 3; ++k) {
          std::string name(pattern);
          name.replace(name.find("{}"), 2, commune_words[k]);
          kind.name_by_unit_kind[2 + k] = std::move(name);
        }
      words.add_body_kind(std::move(kind));
    }
  };
  add_kinds(vietnam_province_bodies);
  add_kinds(vietnam_commune_bodies);
  return words;
}

}  // namespace presets
namespace detail {
LOCALGOV_DECL bool listed(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}
// add_body()'s head posts as the options ask.
LOCALGOV_DECL with_head_post head_posts_of(const presets::vietnam_options& options) {
  return options.head_posts ? with_head_post::yes : with_head_post::no;
}
}  // namespace detail
namespace presets {

LOCALGOV_DECL void add_vietnam_bodies(organization_core& org, const vietnam_options& options) {
  const auto& words = org.words();
  auto kind = [&](std::string_view slug) { return *words.find_body_kind(slug); };
  struct province_bodies {
    body_id thuong_truc, ubnd, cong_an;
    std::vector<body_id> by_field;  // the agency answering for each field
  };
  std::vector<province_bodies> provinces(org.unit_count());

  // Province tier first, so that communes can attach to it.
  for (std::size_t i = 0; i < org.unit_count(); ++i) {
    const auto unit = id_at<unit_id>(i);
    const auto& u = org.unit(unit);
    if (u.level != tier::province) continue;
    auto& p = provinces[i];
    body_id tinh_uy{}, ban_thuong_vu{}, hdnd{}, dang_uy_ubnd{};
    p.by_field.assign(words.fields().size(), no_id<body_id>);
    for (const auto& row : vietnam_province_bodies) {
      if (!allows(row.levels, tier::province)) continue;
      if (row.slug == "dan-toc-ton-giao" && !detail::listed(options.ethnic_religious_departments, u.code)) continue;
      if (row.slug == "ngoai-vu" && !detail::listed(options.foreign_affairs_departments, u.code)) continue;
      if (row.slug == "quy-hoach-kien-truc" && !detail::listed(options.planning_architecture_departments, u.code))
        continue;
      const auto b = org.add_body(unit, kind(row.slug), {}, detail::head_posts_of(options));
      const auto& info = org.kind_of(b);
      if (row.slug == "tinh-uy") tinh_uy = b;
      else if (row.slug == "ban-thuong-vu") org.part_of(ban_thuong_vu = b, tinh_uy);
      else if (row.slug == "thuong-truc") org.part_of(p.thuong_truc = b, ban_thuong_vu);
      else if (row.slug == "hdnd") org.reports_to(hdnd = b, p.thuong_truc);
      else if (row.slug == "ubnd") org.reports_to(p.ubnd = b, hdnd);
      else if (row.slug == "dang-uy-ubnd") org.reports_to(dang_uy_ubnd = b, p.thuong_truc);
      else if (info.category == body_category::agency) org.reports_to(b, p.ubnd);
      else org.reports_to(b, p.thuong_truc);  // Party boards, the Front, the armed bodies
      if (row.slug == "cong-an") p.cong_an = b;
      if (info.category == body_category::agency)
        for (auto f : info.fields)
          if (p.by_field[index_of(f)] == no_id<body_id>) p.by_field[index_of(f)] = b;
    }
    org.directs(dang_uy_ubnd, p.ubnd);  // the Party Committee of the People's Committee leads it
  }

  // The commune tier's kinds, looked up once rather than for each of 3,300 units.
  const auto dang_uy_kind = kind("dang-uy"), ban_thuong_vu_kind = kind("ban-thuong-vu"),
             thuong_truc_kind = kind("thuong-truc"), hdnd_kind = kind("hdnd"), ubnd_kind = kind("ubnd"),
             cong_an_kind = kind("cong-an");
  const std::array board_kinds{kind("van-phong-dang-uy"), kind("ban-xay-dung-dang"), kind("ubkt"), kind("mttq")};
  struct agency_kind {
    body_kind_id id;
    const body_kind_row* row;
  };
  std::vector<agency_kind> agency_kinds;
  for (const auto& row : vietnam_commune_bodies)
    if (row.category == body_category::agency) agency_kinds.push_back({kind(row.slug), &row});

  std::vector<body_id> guiding;
  for (std::size_t i = 0; i < org.unit_count(); ++i) {
    const auto unit = id_at<unit_id>(i);
    const auto& u = org.unit(unit);
    if (u.level != tier::commune || u.parent == no_id<unit_id>) continue;
    const auto& p = provinces[index_of(u.parent)];
    const bool has_council = !detail::listed(options.without_council, u.code);
    body_id dang_uy{}, ban_thuong_vu{}, thuong_truc{}, hdnd = no_id<body_id>, ubnd{};
    auto add = [&](body_kind_id k) { return org.add_body(unit, k, {}, detail::head_posts_of(options)); };
    dang_uy = add(dang_uy_kind);
    org.part_of(ban_thuong_vu = add(ban_thuong_vu_kind), dang_uy);
    org.part_of(thuong_truc = add(thuong_truc_kind), ban_thuong_vu);
    org.reports_to(thuong_truc, p.thuong_truc);
    for (auto k : board_kinds) org.reports_to(add(k), thuong_truc);
    if (has_council) org.reports_to(hdnd = add(hdnd_kind), thuong_truc);
    ubnd = add(ubnd_kind);
    org.reports_to(ubnd, has_council ? hdnd : thuong_truc);
    org.reports_to(ubnd, p.ubnd);
    for (const auto& [agency, row] : agency_kinds) {
      const bool urban_economy =
          row->slug == "phong-kinh-te" && detail::listed(options.urban_economic_division, u.code);
      const auto b = urban_economy ? org.add_body(unit, agency, std::string(row->municipal_name), detail::head_posts_of(options)) : add(agency);
      org.reports_to(b, ubnd);
      guiding.clear();
      for (auto f : org.kind_of(b).fields)
        if (const auto d = p.by_field[index_of(f)];
            d != no_id<body_id> && std::find(guiding.begin(), guiding.end(), d) == guiding.end())
          guiding.push_back(d);
      for (auto d : guiding) org.directs(d, b);
    }
    const auto police = add(cong_an_kind);
    org.reports_to(police, p.cong_an);
  }
}

LOCALGOV_DECL organization vietnam_2025(std::string_view units_csv, std::string file, const vietnam_options& options) {
  organization org(vietnam_vocabulary());
  // Each row brings about 14 bodies, 12 head posts and 12 edges to them (when seated) and
  // 42 other edges (parts, lines, the guidance of province departments). Sized with room
  // to spare, the tables are allocated once and never copied while growing; room left
  // unused costs address space, not memory, except in the huge pages the tables' ends
  // share (`localgov report` has its heap in huge pages), hence none for posts not seated.
  const std::size_t rows = static_cast<std::size_t>(std::count(units_csv.begin(), units_csv.end(), '\n'));
  org.reserve(rows, rows * 16, options.head_posts ? rows * 15 : 0, rows * (options.head_posts ? 60 : 48));
  io::read_units(org, units_csv, std::move(file));
  add_vietnam_bodies(org, options);
  return org;
}

LOCALGOV_DECL organization load_vietnam_2025(const std::string& units_path, const vietnam_options& options) {
  return vietnam_2025(io::read_file(units_path), units_path, options);
}

}  // namespace presets
LOCALGOV_NAMESPACE_END
