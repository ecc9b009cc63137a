// The loaders' fuzz targets share a small real organisation, built once per process:
// Phú Thọ (code 25) and its units from data/vn-2025/units.csv, with the Vietnam 2025
// bodies and the founding scenario's officials; its routing table and the scenario's
// proposals.
#pragma once

#include "fuzz_support.hpp"

#include <localgov/error.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/io/proposals_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>
#include <localgov/presets/vietnam_rules.hpp>
#include <localgov/routing/routing_table.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fuzz {

inline std::string data_path(const std::string& relative) { return std::string(LOCALGOV_FUZZ_DATA_DIR) + "/" + relative; }

// The header and every row of units.csv whose code or parent_code is 25 (Phú Thọ).
inline const std::string& small_units_csv() {
  static const std::string text = [] {
    const auto all = localgov::io::read_file(data_path("vn-2025/units.csv"));
    std::string out;
    std::size_t start = 0;
    bool header = true;
    while (start < all.size()) {
      auto end = all.find('\n', start);
      if (end == std::string::npos) end = all.size();
      const std::string_view line(all.data() + start, end - start);
      if (header || line.starts_with("25,") || line.ends_with(",25") || line.ends_with(",25\r")) {
        out.append(line);
        out += '\n';
      }
      header = false;
      start = end + 1;
    }
    return out;
  }();
  return text;
}

// Phú Thọ with its bodies (Vietnam 2025 preset) and the scenario's officials seated.
inline const localgov::organization& small_org() {
  static const localgov::organization org = [] {
    auto o = localgov::presets::vietnam_2025(small_units_csv(), "units.csv");
    const auto officials = data_path("scenario/officials.csv");
    localgov::io::read_officials(o, localgov::io::read_file(officials), officials);
    return o;
  }();
  return org;
}

inline const localgov::rule_set& preset_rules() {
  static const localgov::rule_set rules = localgov::presets::vietnam_rules(small_org().words());
  return rules;
}

inline const localgov::routing_table& small_table() {
  static const localgov::routing_table table(small_org(), preset_rules(), localgov::presets::vietnam_calendar(),
                                             localgov::presets::vietnam_decider);
  return table;
}

// The founding scenario's proposals (all in Phú Thọ).
inline const localgov::proposal_list& scenario_proposals() {
  static localgov::proposal_list list;  // not movable: its index refers to it
  static const bool loaded = [] {
    const auto path = data_path("scenario/proposals.csv");
    localgov::io::read_proposals(small_org(), list, localgov::io::read_file(path), path);
    return true;
  }();
  (void)loaded;
  return list;
}

}  // namespace fuzz
