// Routing rules as data: field × channel × origin tier (× province) → where a matter is
// handled, by whom, with whom, by when, and on what legal basis.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/model/unit_kinds.hpp>
#include <localgov/routing/calendar.hpp>
#include <localgov/routing/channel.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// Whose deadline a rule sets: the law's (a statute or decree fixes it, and the rule's basis
// cites the article), or an internal one (localgov's default or the province's own, where
// no statute sets one). Reports count overdue matters of each kind apart.
enum class deadline_kind : std::uint8_t { statutory, internal };

[[nodiscard]] constexpr std::string_view format_as(deadline_kind k) noexcept {
  return k == deadline_kind::statutory ? "statutory" : "internal";
}
[[nodiscard]] constexpr std::optional<deadline_kind> parse_deadline_kind(std::string_view text) noexcept {
  if (text == "statutory") return deadline_kind::statutory;
  if (text == "internal") return deadline_kind::internal;
  return std::nullopt;
}

enum class rule_id : std::uint16_t {};

// Who leads a matter a rule covers: the first of the rule's kinds of body in the handling
// unit, or, for the channels routed by respondent, the decider's body, whose head decides.
enum class lead_choice : std::uint8_t { kinds, decider };

// One choice of body kinds, in order of preference: the first kind the handling unit
// has is taken ("dan-toc-ton-giao|noi-vu": Sở Dân tộc và Tôn giáo where there is one,
// Sở Nội vụ otherwise).
using kind_alternatives = std::vector<body_kind_id>;

struct rule {
  std::string id;  // stable name shown in explanations, e.g. "proposal/staffing"
  field_id field = no_id<field_id>;  // no_id: every field (a field's own rule wins)
  channel via = channel::proposal;
  tier origin = tier::commune;          // tier of the unit the matter comes from
  std::string province;                 // a province's own rule (its code); empty: everywhere
  tier handled_at = tier::province;     // the tier that decides it
  lead_choice leads = lead_choice::kinds;
  kind_alternatives lead;               // with lead_choice::kinds
  std::vector<kind_alternatives> coordinators;
  std::int32_t days = 0;
  day_count count = day_count::calendar;
  deadline_kind deadline = deadline_kind::internal;  // statutory only when the basis cites the article
  // An acceptance step (thụ lý) due `accept_days` after receipt, from whose end the
  // `days` run; none when accept_days is 0.
  std::int32_t accept_days = 0;
  day_count accept_count = day_count::calendar;
  // The period in remote and difficult areas (vùng sâu, vùng xa), when the law gives one.
  std::optional<std::int32_t> remote_days;
  // Extensions the law allows a complex case (gia hạn): up to `max_extensions`, each
  // adding at most `extension_days` to the period (`remote_extension_days` in a remote
  // area, when the law gives those apart). A tracker refuses any beyond them.
  std::int32_t extension_days = 0;
  std::optional<std::int32_t> remote_extension_days;
  std::int32_t max_extensions = 0;
  // The rule applies to matters received on or after this date (a law's amendment in
  // force); of two rules for the same matter, the later one then wins.
  date from = date{INT32_MIN};
  std::string basis;  // legal basis, as a civil servant would cite it
  std::uint32_t line = 0;  // line in the rules file; 0 when built in code
};

// The rules, looked up by field, channel, origin tier and province: a province's own
// rule wins over the general one. O(1) expected per lookup after sealing.
class rule_set {
 public:
  rule_id add(rule r) {
    rules_.push_back(std::move(r));
    return static_cast<rule_id>(rules_.size() - 1);
  }
  [[nodiscard]] const rule& operator[](rule_id id) const { return rules_[static_cast<std::size_t>(id)]; }
  [[nodiscard]] const std::vector<rule>& all() const noexcept { return rules_; }
  [[nodiscard]] std::size_t size() const noexcept { return rules_.size(); }
  std::string source;  // the file the rules came from, for messages

  // The rule for a matter received on `on`, or nullopt when none applies: a province's
  // own rule before the general one, a field's own before the rule for every field, and
  // of those the latest in force on `on`. O(rules): the routing table calls it once per
  // (unit, field, channel) of the field channels when it is built, and once per route of
  // a matter routed by respondent.
  [[nodiscard]] std::optional<rule_id> find(field_id field, channel via, tier origin, std::string_view province,
                                            date on = date::max()) const;

 private:
  std::vector<rule> rules_;
};

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/routing/impl/rules.ipp>
#endif
