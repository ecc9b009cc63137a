// Bodies of presets/vietnam_rules.hpp: the preset's rules parsed, and its compilation duties.
#pragma once

#include <localgov/presets/vietnam_rules.hpp>

#include <localgov/io/rules_csv.hpp>
#include <localgov/model/vocabulary.hpp>
#include <localgov/routing/compilation.hpp>

#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

LOCALGOV_DECL rule_set vietnam_rules(const vocabulary& words) {
  return io::read_rules(words, vietnam_rules_csv, "<vietnam_rules>");
}

LOCALGOV_DECL std::vector<compilation_duty> vietnam_compilation_duties(const vocabulary& words) {
  return {
      {"proposals-to-standing-committee", channel::proposal, *words.find_body_kind("ban-to-chuc"),
       *words.find_body_kind("thuong-truc"), 30,
       "Kết luận của Bí thư Tỉnh ủy Phú Thọ, 16/12/2025: Ban Tổ chức Tỉnh ủy tổng hợp, báo cáo Thường trực Tỉnh ủy"},
      {"petitions-to-council", channel::petition, *words.find_body_kind("van-phong-ubnd"), *words.find_body_kind("hdnd"),
       182, "UBND tỉnh báo cáo kết quả giải quyết kiến nghị tại kỳ họp HĐND"},
  };
}

}  // namespace presets
LOCALGOV_NAMESPACE_END
