// Choosing projects within a budget, class by class (regional connectivity, then residential,
// then other), exactly where the instance allows, with a reason for every project.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/planning/fwd.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

// Complexity: accessors, format_as and operators below are O(1) and parsers O(length of the
// text) unless a comment says otherwise.

// ---------------------------------------------------------------------------
// Priority classes

// "Giving priority to projects that connect regions and residential areas": the enumerator
// order is the selection order, each class choosing within what the ones before it left.
enum class priority_class : std::uint8_t { regional_connectivity, residential, other };

inline constexpr std::array<priority_class, 3> priority_classes{
    priority_class::regional_connectivity, priority_class::residential, priority_class::other};

[[nodiscard]] constexpr std::size_t index_of(priority_class c) noexcept { return static_cast<std::size_t>(c); }

[[nodiscard]] constexpr std::string_view format_as(priority_class c) noexcept {
  constexpr std::string_view names[] = {"regional_connectivity", "residential", "other"};
  return names[index_of(c)];
}

// Exactly the names format_as writes; nullopt for anything else. Complexity: O(1).
[[nodiscard]] constexpr std::optional<priority_class> parse_priority_class(std::string_view text) noexcept {
  for (const auto c : priority_classes)
    if (format_as(c) == text) return c;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Amounts: costs are whole numbers, benefits fixed-point, so that every sum and every tie is exact.

// Costs and budgets are whole amounts of the user's currency unit (e.g. million VND). The cap
// keeps the total of thousands of projects far from 64-bit overflow.
inline constexpr std::int64_t max_cost = 1'000'000'000'000'000;  // 10^15

enum class amount_status : std::uint8_t { ok, empty, not_integer, negative, too_large };

struct amount_parse {
  amount_status status = amount_status::empty;
  std::int64_t value = 0;
};

// A whole, non-negative amount of at most `max`: ASCII digits only (no '+', spaces, separators
// or decimals); a leading '-' is recognised only to say "negative". Complexity: O(length).
[[nodiscard]] constexpr amount_parse parse_amount(std::string_view text, std::int64_t max = max_cost) noexcept {
  if (text.empty()) return {amount_status::empty, 0};
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return {amount_status::not_integer, 0};
  std::int64_t value = 0;
  bool too_large = false;
  for (const char c : text) {
    if (c < '0' || c > '9') return {amount_status::not_integer, 0};
    const int digit = c - '0';
    if (too_large || value > (max - digit) / 10)
      too_large = true;
    else
      value = value * 10 + digit;
  }
  if (negative && (too_large || value != 0)) return {amount_status::negative, 0};
  if (too_large) return {amount_status::too_large, 0};
  return {amount_status::ok, value};
}

// A benefit in millionths of the user's unit. Fixed point rather than double so that two sets
// whose benefits are mathematically equal compare equal (0.1 + 0.2 == 0.3 here), which the tie
// rules depend on; one millionth is below anything a benefit estimate can mean.
class benefit_amount {
 public:
  static constexpr std::int64_t scale = 1'000'000;
  // The most one project may claim: 10^9 units, so sums of thousands of projects stay exact.
  static constexpr std::int64_t max_micros = 1'000'000'000 * scale;

  constexpr benefit_amount() = default;
  [[nodiscard]] static constexpr benefit_amount from_micros(std::int64_t micros) noexcept {
    benefit_amount b;
    b.micros_ = micros;
    return b;
  }
  [[nodiscard]] static constexpr benefit_amount from_units(std::int64_t units) noexcept {
    return from_micros(units * scale);
  }
  // Rounds to the nearest millionth. Precondition: finite, 0 <= value <= 10^9.
  [[nodiscard]] static benefit_amount from_double(double value) noexcept {
    LOCALGOV_ASSERT(std::isfinite(value) && value >= 0 && value <= 1e9, "benefit must be finite, in [0, 1e9]");
    return from_micros(std::llround(value * static_cast<double>(scale)));
  }

  [[nodiscard]] constexpr std::int64_t micros() const noexcept { return micros_; }
  [[nodiscard]] constexpr double to_double() const noexcept {
    return static_cast<double>(micros_ / scale) + static_cast<double>(micros_ % scale) / static_cast<double>(scale);
  }
  // The exact decimal without trailing zeros: "12.5", "3", "0.000001".
  [[nodiscard]] std::string to_string() const;

  friend constexpr auto operator<=>(benefit_amount, benefit_amount) noexcept = default;
  friend constexpr benefit_amount operator+(benefit_amount a, benefit_amount b) noexcept {
    return from_micros(a.micros_ + b.micros_);
  }
  friend constexpr benefit_amount operator-(benefit_amount a, benefit_amount b) noexcept {
    return from_micros(a.micros_ - b.micros_);
  }

 private:
  std::int64_t micros_ = 0;
};

static_assert(sizeof(benefit_amount) == sizeof(std::int64_t), "a benefit is just its integer");

enum class benefit_status : std::uint8_t { ok, empty, not_numeric, not_finite, negative, too_large };

struct benefit_parse {
  benefit_status status = benefit_status::empty;
  benefit_amount value;
};

// A benefit as written by a person or a spreadsheet. Plain decimals ("12", "0.1", ".5") are
// read digit by digit, exactly, rounding past the sixth decimal half away from zero; other
// forms ("1.5e3", "inf", "nan") go through std::from_chars and are then checked.
// Complexity: O(length).
[[nodiscard]] LOCALGOV_DECL benefit_parse parse_benefit(std::string_view text) noexcept;

// ---------------------------------------------------------------------------
// What planning needs from the organisation, without depending on it

// A unit as planning sees it: its province (its own code for a province-tier unit) and whether
// it is a commune-tier unit (commune, ward or special zone).
struct unit_facts {
  std::string province_code;
  bool commune_tier = false;
  friend bool operator==(const unit_facts&, const unit_facts&) = default;
};

// Anything that answers "what is unit CODE?", nullopt for an unknown code. The command-line
// program adapts its organisation to this; tests and small programs use unit_table.
template <class F>
concept UnitLookup = std::is_invocable_r_v<std::optional<unit_facts>, const F&, std::string_view>;

// A unit_code -> unit_facts table, itself a UnitLookup.
class unit_table {
 public:
  // Adds a unit, or replaces the facts of a known code:
  // `units.add("04795", {.province_code = "25", .commune_tier = true})`. O(log n).
  // Out of line, as is the lookup: their std::map instantiations would cost every file
  // that includes this header.
  LOCALGOV_DECL void add(std::string code, unit_facts facts);
  // Complexity: O(log n) and one string copy.
  [[nodiscard]] LOCALGOV_DECL std::optional<unit_facts> operator()(std::string_view code) const;
  [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }
  [[nodiscard]] bool empty() const noexcept { return units_.empty(); }

 private:
  std::map<std::string, unit_facts, std::less<>> units_;
};

static_assert(UnitLookup<unit_table>);

// How far a project reaches: what its default class is decided from.
struct service_reach {
  std::size_t commune_units = 0;  // distinct commune-tier units served
  std::size_t provinces = 0;      // distinct provinces of the units served
  friend bool operator==(const service_reach&, const service_reach&) = default;
};

// ---------------------------------------------------------------------------
// Projects

// One proposal competing for the budget.
struct project {
  std::string id;
  std::string unit_code;  // the proposing unit
  std::string title;
  std::int64_t cost = 0;  // whole amount, 0 <= cost <= max_cost
  benefit_amount benefit;
  priority_class priority = priority_class::other;
  std::vector<std::string> serves;  // unit codes served; empty means the proposing unit alone
  // Set when `priority` was not given but derived by apply_default_class: what it was derived from.
  std::optional<service_reach> defaulted;
  std::uint32_t line = 0;  // line in the projects file it was read from; 0 when built in code
};

// Counts the distinct commune-tier units and provinces among the units a project serves (its
// `serves` list, or its proposing unit when the list is empty). Unknown codes are skipped; the
// loader has refused them already. Complexity: O(k log k) lookups for k served units.
template <UnitLookup Lookup>
[[nodiscard]] service_reach reach_of(const project& p, const Lookup& lookup) {
  std::vector<std::string_view> codes;
  if (p.serves.empty())
    codes.push_back(p.unit_code);
  else
    codes.assign(p.serves.begin(), p.serves.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<std::string> provinces;
  service_reach reach;
  for (const auto code : codes) {
    const std::optional<unit_facts> facts = lookup(code);
    if (!facts) continue;
    if (facts->commune_tier) ++reach.commune_units;
    provinces.push_back(facts->province_code);
  }
  std::sort(provinces.begin(), provinces.end());
  reach.provinces = static_cast<std::size_t>(std::unique(provinces.begin(), provinces.end()) - provinces.begin());
  return reach;
}

// A project that serves several commune-tier units, or units in several provinces, connects
// regions. Nothing in the organisation says whether a single-unit project serves a residential
// area, so that stays the user's call and the default is `other`. Complexity: O(1).
[[nodiscard]] constexpr priority_class default_class(const service_reach& reach) noexcept {
  return reach.commune_units >= 2 || reach.provinces >= 2 ? priority_class::regional_connectivity
                                                          : priority_class::other;
}

// Sets a project's class to its default and records why. Complexity: that of reach_of.
template <UnitLookup Lookup>
void apply_default_class(project& p, const Lookup& lookup) {
  const service_reach reach = reach_of(p, lookup);
  p.priority = default_class(reach);
  p.defaulted = reach;
}

// ---------------------------------------------------------------------------
// The 0/1 knapsack underneath one class's choice

enum class selection_method : std::uint8_t {
  exact,   // dynamic programming over Pareto pairs with LP bounds (see solve_knapsack)
  greedy,  // best benefit per cost first: the baseline, reported with its LP gap bound
};

[[nodiscard]] constexpr std::string_view format_as(selection_method m) noexcept {
  return m == selection_method::exact ? "exact" : "greedy";
}

// Limits of the exact method, per class; deterministic (counts, not clocks), so a plan can be
// reproduced. Past both, the class gets the best set found, exact = false and a proven bound.
struct select_options {
  selection_method method = selection_method::exact;
  // Pareto pairs kept per phase (phase 2 stores about 8 bytes and 1 bit per pair; the two
  // working lists take 24 bytes per pair of the largest list).
  std::size_t max_states = std::size_t{1} << 22;
  // Cells of the fallback table over capacities: 1 bit each, plus 8 bytes per capacity, which
  // must also be at most max_cells / 64.
  std::size_t max_cells = std::size_t{1} << 28;
  // With the defaults a class needs at most about 150 MB, and a second or so on one core for
  // the hardest (tie-ridden) instances; typical ones take milliseconds.
};

struct knapsack_item {
  std::int64_t cost = 0;   // >= 0
  std::int64_t value = 0;  // >= 0
};

struct knapsack_result {
  std::vector<std::size_t> chosen;  // indices into the items, ascending
  std::int64_t cost = 0;
  std::int64_t value = 0;
  std::int64_t upper_bound = 0;  // proven: no set of items within the capacity is worth more
  bool exact = false;            // proven the best set under the tie rules
  std::size_t states = 0;        // Pareto pairs the exact method kept (a measure of its work)
};

// The best subset of `items` whose total cost is at most `capacity`, ordered by:
//   1. the greatest total value;
//   2. then the least total cost;
//   3. then, among sets equal on both, the one containing the lowest index at which they differ
//      (walk the indices upwards; the first set to include an item the other lacks wins).
// select_projects indexes a class's projects by ascending id, which makes rule 3 "smaller ids".
// Values are integers (benefit millionths), so every comparison above is exact.
//
// Method (selection_method::exact). Items of cost 0 are always taken, items of value 0 (or
// dearer than the capacity) never; if the rest fit together, all are taken. Otherwise:
//   Phase 1 finds the best value and its least cost by dynamic programming over Pareto-optimal
//   (cost, value) pairs (Nemhauser-Ullmann lists), deciding items from both ends of the
//   value-per-cost order towards the LP break item, and dropping every pair whose LP (Dantzig)
//   bound shows it cannot beat the best (value, cost) already reached by a feasible set.
//   Reduction: items whose exclusion, or inclusion, pushes the LP bound below the best value
//   are in, or out of, every best set; they are fixed.
//   Phase 2 runs the lists over the remaining items from the highest index down, keeping only
//   pairs that can still reach the best pair exactly, and stores every list; a walk from index 0
//   up takes each item whenever the target is still reachable with it, which is rule 3.
// The result is then `exact`, with upper_bound == value. Limits: if phase 1's lists would hold
// more than options.max_states pairs in all, or phase 2's stored lists would, the classic table
// over every capacity (n * (capacity + 1) bits, same walk) is used when within max_cells; it is
// exact too. Past both limits `exact` is false and the set is the best found (greedy, or the most
// promising phase-2 pair completed greedily); `upper_bound` is then proven: the best value itself
// when phase 1 finished, else the largest LP bound over phase 1's last list (every best set passes
// through one of its pairs or one dominating it) or the best value seen, whichever is larger.
// selection_method::greedy takes items by value per cost (exact ratio comparison), skipping
// those that no longer fit; `upper_bound` is the LP bound of the whole instance.
//
// Complexity: O(n log n + S log n) time and O(n + S) memory for the lists, S the pairs kept (at
// most options.max_states per phase, at most capacity + 1 per list); the table, when used,
// O(n * capacity) time and n * capacity bits. Greedy: O(n log n).
// Throws localgov::error("plan.overflow") if the fitting items' total cost or value exceeds int64.
[[nodiscard]] LOCALGOV_DECL knapsack_result solve_knapsack(std::span<const knapsack_item> items, std::int64_t capacity,
                                                           const select_options& options = {});

// ---------------------------------------------------------------------------
// Selection over projects, and why each project was or was not chosen

enum class decision_reason : std::uint8_t {
  selected,             // chosen in its class
  does_not_fit,         // costs more than the budget left when its class was decided
  better_set_in_class,  // fits alone, but a better set of its class used the money
  no_benefit,           // benefit zero: selecting it would only add cost
};

[[nodiscard]] constexpr std::string_view format_as(decision_reason r) noexcept {
  constexpr std::string_view names[] = {"selected", "does_not_fit", "better_set_in_class", "no_benefit"};
  return names[static_cast<std::size_t>(r)];
}

// One class's share of one budget.
struct class_result {
  priority_class priority = priority_class::other;
  std::size_t candidates = 0;  // projects of this class competing for the budget
  std::size_t selected = 0;
  std::int64_t available = 0;  // budget left when this class was decided
  std::int64_t cost = 0;       // total cost selected
  benefit_amount benefit;      // total benefit selected
  // Proven: no set of this class's projects within `available` has more benefit.
  benefit_amount upper_bound;
  bool exact = true;       // proven the best set under the tie rules
  std::size_t states = 0;  // Pareto pairs the exact method kept

  [[nodiscard]] std::int64_t left() const noexcept { return available - cost; }
  [[nodiscard]] benefit_amount gap() const noexcept { return upper_bound - benefit; }
};

// One budget and what was chosen within it: the whole budget, or one province's.
struct budget_scope {
  std::string province_code;  // empty for the single budget of select_projects
  std::int64_t budget = 0;
  std::int64_t spent = 0;
  std::array<class_result, 3> classes{};  // in priority order

  [[nodiscard]] std::int64_t left() const noexcept { return budget - spent; }
  [[nodiscard]] benefit_amount benefit() const noexcept {
    benefit_amount total;
    for (const auto& c : classes) total = total + c.benefit;
    return total;
  }
  [[nodiscard]] bool exact() const noexcept {
    return std::all_of(classes.begin(), classes.end(), [](const class_result& c) { return c.exact; });
  }
};

// The outcome for one project.
struct decision {
  std::size_t project = 0;  // index into the projects given to select_projects
  std::size_t scope = 0;    // index into plan::scopes
  bool selected = false;
  decision_reason reason = decision_reason::selected;
  std::size_t order = 0;             // 1-based position among its scope's selected projects; 0 if not selected
  std::int64_t cumulative_cost = 0;  // its scope's spending up to and including it; 0 if not selected
};

struct plan {
  selection_method method = selection_method::exact;
  bool per_province = false;
  std::vector<budget_scope> scopes;  // one, or one per province in code order
  // One per project: the selected first, then the rest, each in (scope, class, id) order, which
  // is the order the selection decides them in.
  std::vector<decision> decisions;
  std::vector<std::size_t> decision_of;  // by project index: index into decisions

  [[nodiscard]] const decision& for_project(std::size_t project_index) const {
    return decisions[decision_of[project_index]];
  }
  [[nodiscard]] bool exact() const noexcept {
    return std::all_of(scopes.begin(), scopes.end(), [](const budget_scope& s) { return s.exact(); });
  }
  [[nodiscard]] std::int64_t budget() const noexcept {
    std::int64_t total = 0;
    for (const auto& s : scopes) total += s.budget;
    return total;
  }
  [[nodiscard]] std::int64_t spent() const noexcept {
    std::int64_t total = 0;
    for (const auto& s : scopes) total += s.spent;
    return total;
  }
  [[nodiscard]] std::int64_t left() const noexcept { return budget() - spent(); }
  [[nodiscard]] benefit_amount benefit() const noexcept {
    benefit_amount total;
    for (const auto& s : scopes) total = total + s.benefit();
    return total;
  }
  [[nodiscard]] std::size_t selected_count() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(decisions.begin(), decisions.end(), [](const decision& d) { return d.selected; }));
  }
};

namespace detail {

// Decides one budget: each class in order chooses among its projects within what is left.
LOCALGOV_DECL void select_scope(std::span<const project> projects, std::vector<std::size_t> members,
                                std::int64_t budget, std::string province_code, const select_options& options,
                                plan& out);

// Puts decisions in report order and numbers the selected ones.
LOCALGOV_DECL void order_decisions(std::span<const project> projects, plan& out);

}  // namespace detail

// Chooses among all `projects` within one budget, lexicographically by class: first the best set
// of regional_connectivity projects that fits the budget, then, within what is left, the best set
// of residential projects, then of other. A project's class is its `priority` field. Within a
// class, "best" means the greatest total benefit; among equal benefits, the least total cost;
// among sets equal on both, the one holding the smallest id at which the two sets differ (ids
// compared as byte strings, so "P10" < "P9"; equivalently, go through the class's projects by
// ascending id and prefer, at the first project where the sets disagree, the set that has it).
// Ids should be unique (the loader ensures it); equal ids are ordered by position in `projects`.
// Every result is `exact` unless a class hit the limits of select_options (see solve_knapsack).
// Complexity: O(n log n) plus solve_knapsack per class.
// Throws localgov::error("plan.overflow") when totals exceed the 64-bit range.
[[nodiscard]] LOCALGOV_DECL plan select_projects(std::span<const project> projects, std::int64_t budget,
                                                 const select_options& options = {});

// Each province chooses within its own budget, `budget_of(province_code)`, as select_projects
// does; a project belongs to the province of its proposing unit (also when it serves units of
// other provinces). Only provinces with projects get a scope, in code order.
// Complexity: O(n log n) lookups and sorting, plus solve_knapsack per province and class.
// Throws localgov::error("plan.unknown_unit") when a proposing unit is unknown to `lookup`.
template <UnitLookup Lookup, class BudgetOf>
  requires std::is_invocable_r_v<std::int64_t, const BudgetOf&, std::string_view>
[[nodiscard]] plan select_projects_per_province(std::span<const project> projects, const Lookup& lookup,
                                                const BudgetOf& budget_of, const select_options& options = {}) {
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_province;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const std::optional<unit_facts> facts = lookup(projects[i].unit_code);
    if (!facts)
      throw error("plan.unknown_unit",
                  "project '" + projects[i].id + "': unknown proposing unit '" + projects[i].unit_code + "'");
    by_province[facts->province_code].push_back(i);
  }
  plan out;
  out.method = options.method;
  out.per_province = true;
  for (auto& [code, members] : by_province) {
    const std::int64_t budget = budget_of(std::string_view(code));
    detail::select_scope(projects, std::move(members), budget, code, options, out);
  }
  detail::order_decisions(projects, out);
  return out;
}

// The same budget for every province.
template <UnitLookup Lookup>
[[nodiscard]] plan select_projects_per_province(std::span<const project> projects, const Lookup& lookup,
                                                std::int64_t budget_each, const select_options& options = {}) {
  return select_projects_per_province(
      projects, lookup, [budget_each](std::string_view) { return budget_each; }, options);
}

// Why a project was or was not chosen, in one sentence, e.g.
//   "selected in class regional_connectivity (by default: serves 3 commune-tier units in 2 provinces)"
//   "does not fit: costs 500, only 300 left for class residential"
//   "a better set of residential projects used the money: costs 500, 800 was left for the class, 120 after it"
// prefixed "province CODE: " in a per-province plan, and noting when the class's set is not proven
// optimal. `projects` must be those the plan was made from. Complexity: O(1) plus the text.
[[nodiscard]] LOCALGOV_DECL std::string explain(const plan& p, const decision& d, std::span<const project> projects);

}  // namespace planning
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/planning/impl/select.ipp>
#endif
