// localgov find: units by name, ignoring case, diacritics and tone-mark placement.
#pragma once

#include "common.hpp"

#include <localgov/io/csv.hpp>
#include <localgov/model/name_index.hpp>

#include <fmt/format.h>

namespace cli {

inline const command find_command{
    "find",
    "Find units by name. Case, diacritics and tone-mark placement are ignored (\"hoa binh\",\n"
    "\"Hoà Bình\" and \"HÒA BÌNH\" all find \"Phường Hòa Bình\"); exact matches come first, then\n"
    "matches but for case or tone placement, then without diacritics, then prefixes.\n"
    "Prints one line per match: code<TAB>name<TAB>kind<TAB>province code.",
    {{"units", "FILE", "units CSV: code,name,kind,parent_code", true},
     {"province", "CODE", "only units of this province (e.g. 25)"},
     {"kind", "KIND", "only units of this kind (province, municipality, commune, ward, special_zone)"},
     {"limit", "N", "at most N matches (default: all)"}},
    "QUERY",
    "localgov find --units data/vn-2025/units.csv --province 25 \"hoa binh\""};

inline int run_find(const arguments& args) {
  using namespace localgov;
  organization org(presets::vietnam_vocabulary());
  const auto units = *args.get("units");
  io::read_units(org, io::read_file(units), units);
  name_filter filter;
  if (const auto code = args.get("province")) {
    const auto p = org.find_unit(*code);
    if (!p || org.tier_of(*p) != tier::province)
      throw usage_error("unknown province code '" + *code + "' (expected the code of a province-tier unit, e.g. 25)");
    filter.province = *p;
  }
  if (const auto kind = args.get("kind")) {
    filter.kind = org.find_unit_kind(*kind);
    if (!filter.kind)
      throw usage_error("unknown --kind '" + *kind + "' (expected province, municipality, commune, ward or special_zone)");
  }
  if (const auto limit = args.integer("limit")) filter.limit = static_cast<std::size_t>(*limit);
  const name_index index(org);
  std::string out;
  for (const auto& m : index.find(args.positionals().front(), filter)) {
    const auto& u = org.unit(m.unit);
    // A name's control characters escaped: a tab in it would shift the columns.
    out += fmt::format("{}\t{}\t{}\t{}\n", u.code, io::shown(u.name), org.kind_info(u.kind).slug, org.unit(org.province_of(m.unit)).code);
  }
  print_output(out);
  return 0;
}

}  // namespace cli
