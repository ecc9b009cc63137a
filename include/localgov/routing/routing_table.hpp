// The routing table: rules and organisation compiled into one flat array, so that
// routing a proposal is a lookup; the graph search runs only to build it and to explain.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/strings.hpp>
#include <localgov/error.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/calendar.hpp>
#include <localgov/routing/decider.hpp>
#include <localgov/routing/escalation.hpp>
#include <localgov/routing/proposal.hpp>
#include <localgov/routing/rules.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// Where one matter goes. `coordinators` points into the table (valid while it lives).
struct route_result {
  unit_id handled_at = no_id<unit_id>;
  body_id lead = no_id<body_id>;
  std::span<const body_id> coordinators;
  // The body answering for the matter's sector in the handling unit (e.g. Sở Giáo dục
  // và Đào tạo for a school investment), when a sector was given and it is not already
  // the lead or a coordinator.
  body_id sector_coordinator = no_id<body_id>;
  date due;
  deadline_kind deadline = deadline_kind::internal;  // the rule's: whether `due` is the law's
  rule_id rule{};
  // For the channels routed by respondent: the lead's head decides (decider_title: Chủ
  // tịch, Giám đốc), or, with no lead, someone outside the organisation (`outside`), on the
  // articles `decider_basis`; and the day acceptance (thụ lý) is due, from whose end `due`
  // runs (date::max() when the rule has no acceptance step).
  post_title_id decider_title = no_id<post_title_id>;
  std::string_view outside;
  std::string_view decider_basis;
  date accept_by = date::max();
};

// Why a matter goes where it goes: the rule, the facts that chose it, and the path it
// climbed through the organisation.
struct route_explanation {
  rule_id rule{};
  std::vector<std::string> facts;
  std::vector<body_id> path;  // from the origin's responsible body to the lead
};

// One (unit, field, channel) cell; 16 bytes. The handling unit is kept beside the lead
// (not looked up through the lead's body, a likely cache miss among ~47,000 bodies).
struct route_entry {
  body_id lead = no_id<body_id>;
  unit_id handled_at = no_id<unit_id>;
  std::uint32_t coordinators_begin = 0;
  std::uint16_t rule = UINT16_MAX;  // UINT16_MAX: no rule applies
  std::uint8_t coordinators_count = 0;
  std::uint8_t reserved = 0;
};
static_assert(sizeof(route_entry) == 16);

template <class Cal>  // = holiday_calendar (routing/fwd.hpp)
class basic_routing_table {
  static_assert(Calendar<Cal>, "a routing table's calendar models Calendar (routing/fwd.hpp)");

 public:
  // Compiles every (unit, field, channel) of `org` under `rules`, and for the channels
  // routed by respondent each unit's coordinators under their rules; `deciders` finds who
  // decides those (none: they are not routed). Every problem — a rule naming a kind of
  // body that a unit it applies to lacks, an origin from which no handling unit can be
  // reached — is collected and thrown as one validation_error. O(units × fields ×
  // channels × rules) for rule lookup plus one climb per (unit, anchor body). The
  // organisation and rules must outlive the table.
  basic_routing_table(const organization_core& org, const rule_set& rules, Cal calendar, decider_function deciders = nullptr);
  basic_routing_table(const basic_routing_table&) = default;
  basic_routing_table(basic_routing_table&&) = default;
  basic_routing_table& operator=(const basic_routing_table&) = default;
  basic_routing_table& operator=(basic_routing_table&&) = default;
  ~basic_routing_table();  // out of the class: instantiated once with separate compilation

  // Where a matter of a field channel goes and by when; nullopt when no rule covers it (or
  // `via` is routed by respondent: route(const proposal&) takes those). O(1): two array
  // reads and a calendar lookup. Throws the calendar's error when the deadline falls where
  // it does not know the days off (holiday_calendar::know_only).
  [[nodiscard]] std::optional<route_result> route(unit_id origin, field_id field, channel via, date submitted,
                                                  field_id sector = no_id<field_id>) const {
    if (routed_by_respondent(via)) [[unlikely]]
      return std::nullopt;
    const auto& e = entries_[index(origin, field, via)];
    if (e.rule == UINT16_MAX) return std::nullopt;
    const auto& term = terms_[e.rule];
    route_result out;
    out.lead = e.lead;
    out.handled_at = e.handled_at;
    out.coordinators = {coordinators_.data() + e.coordinators_begin, e.coordinators_count};
    out.due = due_date(calendar_, submitted, term.days, term.count);
    out.deadline = term.deadline;
    out.rule = static_cast<rule_id>(e.rule);
    if (sector != no_id<field_id>) {
      const auto s = responsible_[index_of(out.handled_at) * field_count_ + index_of(sector)];
      if (s != no_id<body_id> && s != out.lead &&
          std::find(out.coordinators.begin(), out.coordinators.end(), s) == out.coordinators.end())
        out.sector_coordinator = s;
    }
    return out;
  }

  // Where a proposal goes and by when: route() of its unit, field, channel, submission
  // date and sector; for a complaint, second complaint or denunciation, to its decider,
  // found from its respondent, the rule chosen by the decider's tier and province (by the
  // respondent's when the decider is outside), the period the remote one for a remote area,
  // run from the day acceptance is due (a respondent not of the organisation is error
  // "routing.unknown_respondent"). O(1) for the field channels; O(the decider function +
  // rules) for the others.
  [[nodiscard]] std::optional<route_result> route(const proposal& p) const {
    if (routed_by_respondent(p.via)) [[unlikely]]
      return route_by_respondent(p);
    return route(p.unit, p.field, p.via, p.submitted, p.sector);
  }

  // The lead agency alone (no date arithmetic); no_id when no rule covers the matter (or
  // it is routed by respondent). O(1).
  [[nodiscard]] body_id lead_of(unit_id origin, field_id field, channel via) const noexcept {
    return routed_by_respondent(via) ? no_id<body_id> : entries_[index(origin, field, via)].lead;
  }

  // The rule, the facts and the path behind route() for a field channel (nullopt for the
  // others: explain(const proposal&) takes them). O(bodies above the origin).
  [[nodiscard]] std::optional<route_explanation> explain(unit_id origin, field_id field, channel via) const;
  // The same for a proposal of any channel: for those routed by respondent, the
  // respondent, the decider and the articles, and the rule's clock.
  [[nodiscard]] std::optional<route_explanation> explain(const proposal& p) const;

  // The deadline under rule `r` of a matter whose period runs from `start` (its acceptance,
  // or the day acceptance was due), the remote period in a remote area, with `extended`
  // days of extensions added (Civil Code Art. 148: rolled off a day off). Throws the
  // calendar's error as route() does.
  [[nodiscard]] date due_from(rule_id r, area_kind area, date start, std::int32_t extended = 0) const {
    const auto& rr = (*rules_)[r];
    return due_date(calendar_, start, (area == area_kind::remote && rr.remote_days ? *rr.remote_days : rr.days) + extended, rr.count);
  }

  [[nodiscard]] const Cal& calendar() const noexcept { return calendar_; }
  [[nodiscard]] const rule_set& rules() const noexcept { return *rules_; }
  [[nodiscard]] const organization_core& organization() const noexcept { return *org_; }
  [[nodiscard]] const escalation_graph& escalation() const noexcept { return escalation_; }
  [[nodiscard]] std::span<const route_entry> entries() const noexcept { return entries_; }
  // Bytes held by the flat arrays.
  [[nodiscard]] std::size_t memory_bytes() const noexcept {
    return entries_.size() * sizeof(route_entry) + terms_.size() * sizeof(term) + coordinators_.size() * sizeof(body_id) +
           responsible_.size() * sizeof(body_id);
  }

 private:
  [[nodiscard]] std::size_t index(unit_id u, field_id f, channel c) const noexcept {
    return (index_of(u) * field_count_ + index_of(f)) * field_channel_count + static_cast<std::size_t>(c);
  }

  [[nodiscard]] std::optional<route_result> route_by_respondent(const proposal& p) const;

  // Where a climb starts: the origin's body answering for the field, else its People's
  // Committee, else its first body.
  [[nodiscard]] body_id anchor_of(unit_id origin, field_id field) const;

  // The unit that handles a matter: the origin itself at its own tier, else the unit of
  // the nearest body of the target tier above the origin's anchor (a Boost.Graph BFS,
  // memoised per anchor since the answer depends only on it).
  [[nodiscard]] std::optional<unit_id> handling_unit(unit_id origin, field_id field, tier target);

  [[nodiscard]] std::optional<body_id> pick(unit_id unit, const kind_alternatives& kinds) const;

  // Closes the coordinator list just appended, sharing it with the previous list when
  // they are equal (most units of a province have the same ones).
  void share_tail(route_entry& e);

  [[nodiscard]] std::string describe(unit_id u) const;
  [[nodiscard]] std::string kinds_text(const kind_alternatives& kinds) const;
  [[nodiscard]] std::string lead_text(const rule& r) const {
    return r.leads == lead_choice::kinds ? kinds_text(r.lead) : "[decider]";
  }

  const organization_core* org_;
  const rule_set* rules_;
  Cal calendar_;
  decider_function deciders_;
  // The rules of the channels routed by respondent, and each unit's coordinators under
  // each of them: [unit × respondent_rules_.size() + k] → their place in coordinators_.
  std::vector<rule_id> respondent_rules_;
  struct coordinator_list {
    std::uint32_t begin = 0;
    std::uint8_t count = 0;
  };
  std::vector<coordinator_list> respondent_coordinators_;
  escalation_graph escalation_;
  std::size_t field_count_;
  std::vector<route_entry> entries_;
  struct term {  // a rule's deadline, apart from its names and text: 8 bytes per rule
    std::int32_t days;
    day_count count;
    deadline_kind deadline;
  };
  std::vector<term> terms_;
  std::vector<body_id> coordinators_;
  std::vector<body_id> responsible_;  // unit × field -> body answering for it
  std::vector<unit_id> climbed_;      // build-time memo: (target tier, anchor body) -> handling unit
  std::uint32_t last_list_begin_ = 0;
  std::uint8_t last_list_size_ = 0;
};

// Out of the class body, so that they are not implicitly inline: with the extern template
// below, programs built with LOCALGOV_SEPARATE_COMPILATION compile them once, in src.hpp.

template <class Cal>
basic_routing_table<Cal>::~basic_routing_table() = default;

template <class Cal>
basic_routing_table<Cal>::basic_routing_table(const organization_core& org, const rule_set& rules, Cal calendar,
                                              decider_function deciders)
    : org_(&org), rules_(&rules), calendar_(std::move(calendar)), deciders_(deciders), escalation_(org),
      field_count_(org.words().fields().size()) {
  LOCALGOV_ASSERT(rules.size() < UINT16_MAX, "at most 65,534 rules");
  entries_.resize(org.unit_count() * field_count_ * field_channel_count);
  for (const auto& r : rules.all()) terms_.push_back({r.days, r.count, r.deadline});
  responsible_.assign(org.unit_count() * field_count_, no_id<body_id>);
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    for (std::size_t f = 0; f < field_count_; ++f)
      if (auto b = org.responsible_body(id_at<unit_id>(u), id_at<field_id>(f))) responsible_[u * field_count_ + f] = *b;

  // One problem per rule and kind of failure, naming the first unit and counting the rest.
  std::vector<problem> problems;
  struct failure {
    std::size_t problem = SIZE_MAX;
    std::unordered_set<std::uint32_t> units;
  };
  std::vector<failure> reported(rules.size() * 3);
  auto report = [&](rule_id r, int what, unit_id where, std::string message) {
    auto& f = reported[static_cast<std::size_t>(r) * 3 + static_cast<std::size_t>(what)];
    f.units.insert(static_cast<std::uint32_t>(where));
    if (f.problem != SIZE_MAX) return;
    f.problem = problems.size();
    const auto& rr = rules[r];
    problems.push_back({"rule.unsatisfiable", "rule " + rr.id + ": " + message,
                        rr.line ? source_location{rules.source, rr.line, 0} : source_location{}});
  };

  // A province's own rule for a province the organisation does not have would never
  // apply: most likely a mistyped code, so it is an error rather than silence.
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const auto& rr = rules[id_at<rule_id>(r)];
    if (rr.province.empty()) continue;
    const auto unit = org.find_unit(rr.province);
    if (unit && org.province_of(*unit) == *unit) continue;
    problems.push_back({"rule.unknown_province",
                        "rule " + rr.id + ": '" + rr.province + "' is not the code of a province" +
                            (unit ? " (it is " + describe(*unit) + ")" : std::string(" in the organisation")),
                        rr.line ? source_location{rules.source, rr.line, 0} : source_location{}});
  }

  // The rule for a field and channel depends on the origin's tier and province only: looked
  // up once for each of those pairs (some 70 in Vietnam) rather than for each of 3,355
  // units (rule_set::find reads every rule).
  constexpr std::uint16_t no_rule = UINT16_MAX, not_looked_up = UINT16_MAX - 1;
  const std::size_t per_origin = field_count_ * field_channel_count;
  std::vector<std::uint32_t> found_at(org.unit_count() * 2, UINT32_MAX);  // by province and tier
  std::vector<std::uint16_t> found_rules;
  for (std::size_t u = 0; u < org.unit_count(); ++u) {
    const auto origin = id_at<unit_id>(u);
    const auto& unit = org.unit(origin);
    const auto province = org.province_of(origin);
    auto& at = found_at[index_of(province) * 2 + (unit.level == tier::province ? 0 : 1)];
    if (at == UINT32_MAX) {
      at = static_cast<std::uint32_t>(found_rules.size());
      found_rules.resize(found_rules.size() + per_origin, not_looked_up);
    }
    for (std::size_t f = 0; f < field_count_; ++f)
      for (std::size_t c = 0; c < field_channel_count; ++c) {
        auto& memo = found_rules[at + f * field_channel_count + c];
        if (memo == not_looked_up) {
          const auto r = rules.find(id_at<field_id>(f), static_cast<channel>(c), unit.level, org.unit(province).code);
          memo = r ? static_cast<std::uint16_t>(*r) : no_rule;
        }
        if (memo == no_rule) continue;
        const auto found = std::optional<rule_id>(static_cast<rule_id>(memo));
        const auto& r = rules[*found];
        const auto handling = handling_unit(origin, id_at<field_id>(f), r.handled_at);
        if (!handling) {
          report(*found, 0, origin, "no " + std::string(format_as(r.handled_at)) + "-tier unit above " + describe(origin));
          continue;
        }
        auto& e = entries_[index(origin, id_at<field_id>(f), static_cast<channel>(c))];
        const auto lead = pick(*handling, r.lead);
        if (!lead) {
          report(*found, 1, *handling, describe(*handling) + " has none of the lead kinds " + kinds_text(r.lead));
          continue;
        }
        e.lead = *lead;
        e.handled_at = org.body(*lead).unit;
        e.rule = static_cast<std::uint16_t>(*found);
        e.coordinators_begin = static_cast<std::uint32_t>(coordinators_.size());
        for (const auto& alternatives : r.coordinators) {
          const auto coordinator = pick(*handling, alternatives);
          if (!coordinator) {
            report(*found, 2, *handling, describe(*handling) + " has none of the coordinating kinds " + kinds_text(alternatives));
            continue;
          }
          const auto tail = coordinators_.begin() + e.coordinators_begin;
          if (*coordinator != *lead && std::find(tail, coordinators_.end(), *coordinator) == coordinators_.end())
            coordinators_.push_back(*coordinator);
        }
        share_tail(e);
      }
  }
  // The channels routed by respondent: each unit's coordinators under each of their rules
  // that applies to its tier and province (the decider's unit, known only when routing).
  for (std::size_t r = 0; r < rules.size(); ++r)
    if (routed_by_respondent(rules[id_at<rule_id>(r)].via)) respondent_rules_.push_back(id_at<rule_id>(r));
  respondent_coordinators_.resize(org.unit_count() * respondent_rules_.size());
  for (std::size_t k = 0; k < respondent_rules_.size(); ++k) {
    const auto& r = rules[respondent_rules_[k]];
    for (std::size_t u = 0; u < org.unit_count(); ++u) {
      const auto unit = id_at<unit_id>(u);
      if (org.unit(unit).level != r.origin || (!r.province.empty() && org.unit(org.province_of(unit)).code != r.province)) continue;
      auto& list = respondent_coordinators_[u * respondent_rules_.size() + k];
      list.begin = static_cast<std::uint32_t>(coordinators_.size());
      for (const auto& alternatives : r.coordinators) {
        const auto coordinator = pick(unit, alternatives);
        if (!coordinator) {
          report(respondent_rules_[k], 2, unit, describe(unit) + " has none of the coordinating kinds " + kinds_text(alternatives));
          continue;
        }
        coordinators_.push_back(*coordinator);
      }
      list.count = static_cast<std::uint8_t>(coordinators_.size() - list.begin);
    }
  }

  if (problems.empty()) return;
  for (const auto& f : reported)
    if (f.units.size() > 1) problems[f.problem].message += " (and " + std::to_string(f.units.size() - 1) + " more units)";
  std::stable_sort(problems.begin(), problems.end(),
                   [](const problem& a, const problem& b) { return a.where.line < b.where.line; });
  throw validation_error(std::move(problems));
}

template <class Cal>
std::optional<route_explanation> basic_routing_table<Cal>::explain(unit_id origin, field_id field, channel via) const {
  if (routed_by_respondent(via)) return std::nullopt;
  const auto& e = entries_[index(origin, field, via)];
  if (e.rule == UINT16_MAX) return std::nullopt;
  const auto& r = (*rules_)[static_cast<rule_id>(e.rule)];
  const auto& words = org_->words();
  route_explanation out;
  out.rule = static_cast<rule_id>(e.rule);
  const auto& u = org_->unit(origin);
  out.facts.push_back("origin: " + describe(origin) + ", " + std::string(format_as(u.level)) + " tier" +
                      (u.level == tier::commune ? ", in " + describe(org_->province_of(origin)) : ""));
  out.facts.push_back("field: " + words.field(field).slug + " (" + words.field(field).name_vi + ")");
  out.facts.push_back("channel: " + std::string(format_as(via)));
  out.facts.push_back("rule " + r.id + (r.line ? " (" + rules_->source + " line " + std::to_string(r.line) + ")" : "") +
                      ": handled at " + std::string(format_as(r.handled_at)) + " tier, lead " + lead_text(r) +
                      ", " + std::to_string(r.days) + (r.count == day_count::working ? " working" : " calendar") +
                      " days (" + std::string(format_as(r.deadline)) + " deadline); " + r.basis);
  if (!r.province.empty()) out.facts.push_back("a rule of province " + r.province + " overrides the general one");
  const auto anchor = anchor_of(origin, field);
  out.facts.push_back("starts at " + std::string(org_->name_of(anchor)) + " (" + org_->code_of(anchor) + ")" +
                      (responsible_[index_of(origin) * field_count_ + index_of(field)] == anchor
                           ? ", which answers for the field in the origin"
                           : ", the origin's People's Committee"));
  const auto climb = escalation_.climb(anchor);
  out.path = climb.path_to(e.lead);
  if (out.path.empty()) {  // the lead is not directly above: climb to its unit, then hand over
    const auto entry_point = climb.nearest([&](body_id b) { return org_->body(b).unit == org_->body(e.lead).unit; });
    if (entry_point) out.path = climb.path_to(*entry_point);
    out.path.push_back(e.lead);
  }
  out.facts.push_back("lead: " + std::string(org_->name_of(e.lead)) + " (" + org_->code_of(e.lead) +
                      "), the first of " + kinds_text(r.lead) + " in " + describe(org_->body(e.lead).unit));
  return out;
}

template <class Cal>
std::optional<route_explanation> basic_routing_table<Cal>::explain(const proposal& p) const {
  if (!routed_by_respondent(p.via)) return explain(p.unit, p.field, p.via);
  const auto r = route_by_respondent(p);
  if (!r) return std::nullopt;
  const auto& rr = (*rules_)[r->rule];
  route_explanation out;
  out.rule = r->rule;
  out.facts.push_back("channel: " + std::string(format_as(p.via)) + ", received " + p.submitted.to_string() +
                      (p.area == area_kind::remote ? ", in a remote area" : ""));
  out.facts.push_back("respondent: " + std::string(org_->name_of(p.against.body)) + " (" + org_->code_of(p.against.body) + ")" +
                      (p.against.title != no_id<post_title_id> ? ", its " + std::string(org_->words().post_title(p.against.title).name_vi)
                                                               : std::string()));
  if (r->lead == no_id<body_id>)
    out.facts.push_back("decided outside the organisation: " + std::string(r->outside) + " (" + std::string(r->decider_basis) + ")");
  else
    out.facts.push_back("decider: " + std::string(org_->words().post_title(r->decider_title).name_vi) + " " +
                        std::string(org_->name_of(r->lead)) + " (" + org_->code_of(r->lead) + "#" +
                        org_->words().post_title(r->decider_title).slug + "; " + std::string(r->decider_basis) + ")");
  out.facts.push_back("rule " + rr.id + (rr.line ? " (" + rules_->source + " line " + std::to_string(rr.line) + ")" : "") +
                      (rr.accept_days > 0 ? ": accept within " + std::to_string(rr.accept_days) +
                                                (rr.accept_count == day_count::working ? " working" : " calendar") + " days, by " +
                                                r->accept_by.to_string() + ", then "
                                          : ": ") +
                      std::to_string(p.area == area_kind::remote && rr.remote_days ? *rr.remote_days : rr.days) +
                      (rr.count == day_count::working ? " working" : " calendar") + " days (" +
                      std::string(format_as(rr.deadline)) + " deadline), due " + r->due.to_string() + "; " + rr.basis);
  if (r->lead != no_id<body_id>) {  // from the respondent to the decider's body, once when they are one
    out.path = {p.against.body};
    if (r->lead != p.against.body) out.path.push_back(r->lead);
  }
  return out;
}

template <class Cal>
std::optional<route_result> basic_routing_table<Cal>::route_by_respondent(const proposal& p) const {
  if (deciders_ == nullptr || p.against.body == no_id<body_id>) return std::nullopt;
  if (index_of(p.against.body) >= org_->body_count() ||
      (p.against.title != no_id<post_title_id> && index_of(p.against.title) >= org_->words().post_titles().size()))
    throw error("routing.unknown_respondent",
                "proposal " + std::string(p.id) + ": its respondent is not a body (or post title) of the organisation");
  const auto d = deciders_(*org_, p.via, p.against, p.submitted);
  if (d.body == no_id<body_id> && d.outside.empty()) return std::nullopt;
  // The decider's unit, or for a decider outside the organisation the respondent's.
  const auto unit = d.body != no_id<body_id> ? org_->body(d.body).unit : org_->body(p.against.body).unit;
  // The rule of the decider's tier and province in force that day: a lookup over the
  // rules, as for the few matters of these channels it is.
  const auto found = rules_->find(p.field, p.via, org_->unit(unit).level, org_->unit(org_->province_of(unit)).code, p.submitted);
  if (!found) return std::nullopt;
  const auto& r = (*rules_)[*found];
  route_result out;
  out.rule = *found;
  out.deadline = r.deadline;
  out.lead = d.body;
  out.handled_at = d.body != no_id<body_id> ? unit : no_id<unit_id>;
  out.decider_title = d.title;
  out.outside = d.outside;
  out.decider_basis = d.basis;
  const auto k = static_cast<std::size_t>(std::find(respondent_rules_.begin(), respondent_rules_.end(), *found) - respondent_rules_.begin());
  const auto& list = respondent_coordinators_[index_of(unit) * respondent_rules_.size() + k];
  out.coordinators = {coordinators_.data() + list.begin, list.count};
  date start = p.submitted;
  if (r.accept_days > 0) start = out.accept_by = due_date(calendar_, p.submitted, r.accept_days, r.accept_count);
  out.due = due_from(*found, p.area, start);
  return out;
}

template <class Cal>
body_id basic_routing_table<Cal>::anchor_of(unit_id origin, field_id field) const {
  if (const auto b = responsible_[index_of(origin) * field_count_ + index_of(field)]; b != no_id<body_id>) return b;
  for (body_id b : org_->unit(origin).bodies)
    if (org_->kind_of(b).category == body_category::committee) return b;
  LOCALGOV_ASSERT(!org_->unit(origin).bodies.empty(), "a routed unit has bodies");
  return org_->unit(origin).bodies.front();
}

template <class Cal>
std::optional<unit_id> basic_routing_table<Cal>::handling_unit(unit_id origin, field_id field, tier target) {
  if (org_->unit(origin).level == target) return origin;
  if (org_->unit(origin).bodies.empty()) return std::nullopt;
  const auto anchor = anchor_of(origin, field);
  if (climbed_.size() != 2 * org_->body_count()) climbed_.assign(2 * org_->body_count(), no_id<unit_id>);
  auto& memo = climbed_[static_cast<std::size_t>(target) * org_->body_count() + index_of(anchor)];
  if (memo == no_id<unit_id>) {
    const auto climb = escalation_.climb(anchor);
    const auto reached = climb.nearest([&](body_id b) { return org_->unit(org_->body(b).unit).level == target; });
    if (!reached) return std::nullopt;
    memo = org_->body(*reached).unit;
  }
  return memo;
}

template <class Cal>
std::optional<body_id> basic_routing_table<Cal>::pick(unit_id unit, const kind_alternatives& kinds) const {
  for (auto k : kinds)
    if (auto b = org_->find_body(unit, k)) return b;
  return std::nullopt;
}

template <class Cal>
void basic_routing_table<Cal>::share_tail(route_entry& e) {
  const auto begin = coordinators_.begin() + e.coordinators_begin;
  e.coordinators_count = static_cast<std::uint8_t>(coordinators_.size() - e.coordinators_begin);
  if (e.coordinators_count > 0 && last_list_size_ == e.coordinators_count &&
      std::equal(coordinators_.begin() + last_list_begin_, coordinators_.begin() + last_list_begin_ + last_list_size_,
                 begin)) {
    coordinators_.resize(e.coordinators_begin);
    e.coordinators_begin = last_list_begin_;
  } else if (e.coordinators_count > 0) {
    last_list_begin_ = e.coordinators_begin;
    last_list_size_ = e.coordinators_count;
  }
}

template <class Cal>
std::string basic_routing_table<Cal>::describe(unit_id u) const {
  return org_->unit(u).name + " (" + org_->unit(u).code + ")";
}

template <class Cal>
std::string basic_routing_table<Cal>::kinds_text(const kind_alternatives& kinds) const {
  std::string out;
  for (auto k : kinds) detail::append_joined(out, "|", org_->words().body_kind(k).slug);
  return "[" + out + "]";
}

#if !LOCALGOV_HEADER_ONLY
extern template class basic_routing_table<>;
#endif


LOCALGOV_NAMESPACE_END
