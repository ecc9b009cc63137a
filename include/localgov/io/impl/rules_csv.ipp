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
  const auto accept_days_col = csv.find_column("accept_days");
  const auto accept_count_col = csv.find_column("accept_count");
  const auto remote_days_col = csv.find_column("remote_days");
  const auto from_col = csv.find_column("from");
  const auto extension_days_col = csv.find_column("extension_days");
  const auto remote_extension_days_col = csv.find_column("remote_extension_days");
  const auto max_extensions_col = csv.find_column("max_extensions");
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

  // A whole number of days, 0 to 9999.
  auto days_in = [&](std::size_t col) {
    const auto text = csv.field(col);
    std::int32_t n = 0;
    bool ok = !text.empty() && text.size() <= 4;  // checked before any digit is added: no overflow
    for (std::size_t i = 0; ok && i < text.size(); ++i) {
      ok = text[i] >= '0' && text[i] <= '9';
      n = n * 10 + (text[i] - '0');
    }
    if (!ok) csv.fail(col, "rules.bad_days", "bad days '" + std::string(text) + "' (expected a whole number of days, 0 to 9999)");
    return n;
  };
  auto count_in = [&](std::size_t col) {
    const auto text = csv.field(col);
    if (text == "calendar") return day_count::calendar;
    if (text == "working") return day_count::working;
    csv.fail(col, "rules.bad_count", "bad count '" + std::string(text) + "' (expected calendar or working)");
  };
  auto present = [&](std::optional<std::size_t> col) { return col && !csv.field(*col).empty(); };

  while (csv.next()) {
    rule r;
    r.line = csv.line();
    r.id = csv.field(id_col);
    if (r.id.empty()) csv.fail(id_col, "rules.empty_id", "empty rule id");
    require_at_most(csv, id_col, "rule id", limits::id);
    if (const auto problem = identifier_problem("rule id", r.id); !problem.empty()) csv.fail(id_col, "rules.bad_id", problem);
    for (const auto& other : rules.all())
      if (other.id == r.id)
        csv.fail(id_col, "rules.duplicate_id", "duplicate rule id '" + r.id + "' (first on line " + std::to_string(other.line) + ")");
    if (csv.field(field_col) != "*") {
      const auto field = words.find_field(csv.field(field_col));
      if (!field)
        csv.fail(field_col, "rules.unknown_field",
                 "unknown field '" + std::string(csv.field(field_col)) + "' (expected * or one of: " + vocabulary::slugs(words.fields()) + ")");
      r.field = *field;
    }
    const auto via = parse_channel(csv.field(channel_col));
    if (!via)
      csv.fail(channel_col, "rules.unknown_channel",
               "unknown channel '" + std::string(csv.field(channel_col)) +
                   "' (expected proposal, petition, voter_petition, complaint, complaint_second or denunciation)");
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
    const auto lead = csv.field(lead_col);
    if (routed_by_respondent(r.via) != (lead == "decider"))
      csv.fail(lead_col, "rules.bad_lead",
               routed_by_respondent(r.via)
                   ? "a " + std::string(format_as(r.via)) + " is led by its decider, found from the respondent (expected decider)"
                   : "decider leads only complaints, second complaints and denunciations (expected kinds of body)");
    if (lead == "decider") r.leads = lead_choice::decider;
    else r.lead = kinds(lead_col, lead);
    for (auto group : split(csv.field(coordinators_col), ';')) r.coordinators.push_back(kinds(coordinators_col, group));
    r.days = days_in(days_col);
    r.count = count_in(count_col);
    if (present(accept_days_col)) r.accept_days = days_in(*accept_days_col);
    if (present(accept_count_col)) r.accept_count = count_in(*accept_count_col);
    if (present(remote_days_col)) r.remote_days = days_in(*remote_days_col);
    if (present(extension_days_col)) r.extension_days = days_in(*extension_days_col);
    if (present(remote_extension_days_col)) r.remote_extension_days = days_in(*remote_extension_days_col);
    if (present(max_extensions_col)) r.max_extensions = days_in(*max_extensions_col);
    if ((r.max_extensions > 0) != (r.extension_days > 0 || r.remote_extension_days.value_or(0) > 0))
      csv.fail(r.max_extensions > 0 ? *max_extensions_col : present(extension_days_col) ? *extension_days_col : *remote_extension_days_col,
               "rules.bad_extension",
               r.max_extensions > 0 ? "max_extensions without extension_days (expected the days an extension may add)"
                                    : "extension days without max_extensions (expected how many extensions the law allows)");
    if (present(from_col)) {
      const auto from = date::parse(csv.field(*from_col));
      if (!from) csv.fail(*from_col, "rules.bad_from", "bad date '" + std::string(csv.field(*from_col)) + "' (expected YYYY-MM-DD)");
      if (!routed_by_respondent(r.via))
        csv.fail(*from_col, "rules.dated_field_rule",
                 "a date from which a rule applies is taken for complaints, second complaints and denunciations only");
      r.from = *from;
    }
    if (deadline_col && !csv.field(*deadline_col).empty()) {
      const auto kind = parse_deadline_kind(csv.field(*deadline_col));
      if (!kind)
        csv.fail(*deadline_col, "rules.bad_deadline",
                 "bad deadline '" + std::string(csv.field(*deadline_col)) + "' (expected statutory or internal)");
      r.deadline = *kind;
    }
    require_at_most(csv, basis_col, "basis", limits::note);
    r.basis = csv.field(basis_col);
    for (const auto& other : rules.all())
      if (other.field == r.field && other.via == r.via && other.origin == r.origin && other.province == r.province &&
          other.from == r.from)
        csv.fail(field_col, "rules.duplicate_matter",
                 "rule '" + r.id + "' covers the same field, channel, origin and province as rule '" + other.id +
                     "' (line " + std::to_string(other.line) + ")");
    rules.add(std::move(r));
  }
  return rules;
}

}  // namespace io
LOCALGOV_NAMESPACE_END
