// Bodies of io/rules_csv.hpp: the rules loader and its field parsers.
#pragma once

#include <localgov/io/rules_csv.hpp>

#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/model/vocabulary.hpp>
#include <localgov/routing/rules.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

}  // namespace io
namespace detail {

LOCALGOV_DECL std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  if (text.empty()) return parts;
  for (std::size_t b = 0;;) {
    const auto e = text.find(separator, b);
    parts.push_back(text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return parts;
}

LOCALGOV_DECL std::optional<tier> parse_tier(std::string_view text) {
  if (text == "province") return tier::province;
  if (text == "commune") return tier::commune;
  return std::nullopt;
}

}  // namespace detail
namespace io {

LOCALGOV_DECL rule_set read_rules(const vocabulary& words, input_text text, std::string file) {
  using detail::split;
  csv_reader csv(text, file);
  const auto id_col = csv.require_column("id");
  const auto field_col = csv.require_column("field");
  const auto channel_col = csv.require_column("channel");
  const auto origin_col = csv.require_column("origin");
  const auto province_col = csv.find_column("province");
  const auto handled_col = csv.require_column("handled_at");
  const auto lead_col = csv.require_column("lead");
  const auto coordinators_col = csv.require_column("coordinators");
  const auto days_col = csv.require_column("days");
  const auto count_col = csv.require_column("count");
  const auto basis_col = csv.require_column("basis");
  const auto deadline_col = csv.find_column("deadline");
  rule_set rules;
  rules.source = file;

  auto kinds = [&](std::size_t col, std::string_view group) {
    kind_alternatives out;
    for (auto slug : split(group, '|')) {
      const auto k = words.find_body_kind(slug);
      if (!k)
        csv.fail(col, "rules.unknown_body_kind",
                 "unknown kind of body '" + std::string(slug) + "' (expected one of: " + vocabulary::slugs(words.body_kinds()) + ")");
      out.push_back(*k);
    }
    if (out.empty()) csv.fail(col, "rules.empty_kind", "empty kind of body (expected kinds separated by '|')");
    return out;
  };

  while (csv.next()) {
    rule r;
    r.line = csv.line();
    r.id = csv.field(id_col);
    if (r.id.empty()) csv.fail(id_col, "rules.empty_id", "empty rule id");
    for (const auto& other : rules.all())
      if (other.id == r.id)
        csv.fail(id_col, "rules.duplicate_id", "duplicate rule id '" + r.id + "' (first on line " + std::to_string(other.line) + ")");
    const auto field = words.find_field(csv.field(field_col));
    if (!field)
      csv.fail(field_col, "rules.unknown_field",
               "unknown field '" + std::string(csv.field(field_col)) + "' (expected one of: " + vocabulary::slugs(words.fields()) + ")");
    r.field = *field;
    const auto via = parse_channel(csv.field(channel_col));
    if (!via) csv.fail(channel_col, "rules.unknown_channel", "unknown channel '" + std::string(csv.field(channel_col)) + "' (expected proposal or petition)");
    r.via = *via;
    const auto origin = detail::parse_tier(csv.field(origin_col));
    if (!origin) csv.fail(origin_col, "rules.unknown_tier", "unknown tier '" + std::string(csv.field(origin_col)) + "' (expected province or commune)");
    r.origin = *origin;
    if (province_col) r.province = csv.field(*province_col);
    const auto handled = detail::parse_tier(csv.field(handled_col));
    if (!handled) csv.fail(handled_col, "rules.unknown_tier", "unknown tier '" + std::string(csv.field(handled_col)) + "' (expected province or commune)");
    r.handled_at = *handled;
    if (r.origin == tier::province && r.handled_at == tier::commune)
      csv.fail(handled_col, "rules.downward", "a matter from a province-tier unit cannot be handled at commune tier");
    r.lead = kinds(lead_col, csv.field(lead_col));
    for (auto group : split(csv.field(coordinators_col), ';')) r.coordinators.push_back(kinds(coordinators_col, group));
    const auto days = csv.field(days_col);
    std::int32_t n = 0;
    bool ok = !days.empty() && days.size() <= 4;  // checked before any digit is added: no overflow
    for (std::size_t i = 0; ok && i < days.size(); ++i) {
      ok = days[i] >= '0' && days[i] <= '9';
      n = n * 10 + (days[i] - '0');
    }
    if (!ok) csv.fail(days_col, "rules.bad_days", "bad days '" + std::string(days) + "' (expected a whole number of days, 0 to 9999)");
    r.days = n;
    const auto count = csv.field(count_col);
    if (count == "calendar") r.count = day_count::calendar;
    else if (count == "working") r.count = day_count::working;
    else csv.fail(count_col, "rules.bad_count", "bad count '" + std::string(count) + "' (expected calendar or working)");
    if (deadline_col && !csv.field(*deadline_col).empty()) {
      const auto kind = parse_deadline_kind(csv.field(*deadline_col));
      if (!kind)
        csv.fail(*deadline_col, "rules.bad_deadline",
                 "bad deadline '" + std::string(csv.field(*deadline_col)) + "' (expected statutory or internal)");
      r.deadline = *kind;
    }
    r.basis = csv.field(basis_col);
    for (const auto& other : rules.all())
      if (other.field == r.field && other.via == r.via && other.origin == r.origin && other.province == r.province)
        csv.fail(field_col, "rules.duplicate_matter",
                 "rule '" + r.id + "' covers the same field, channel, origin and province as rule '" + other.id +
                     "' (line " + std::to_string(other.line) + ")");
    rules.add(std::move(r));
  }
  return rules;
}

}  // namespace io
LOCALGOV_NAMESPACE_END
