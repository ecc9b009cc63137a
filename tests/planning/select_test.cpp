// Selection checked against brute force over every subset, plus the tie rules, the engines'
// agreement, the fallback's bound, explanations, the default class and the amount parsers.
#include <localgov/planning/select.hpp>
#include <localgov/testing/splitmix64.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <numeric>
#include <string>
#include <vector>

namespace lg = localgov::planning;

namespace {

// Deterministic across platforms (unlike std::uniform_int_distribution).
struct test_rng : localgov::testing::splitmix64 {
  std::int64_t in(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
};

// Random projects built to tie often: few distinct costs and benefits, zeros included, ids whose
// byte order differs from their numeric order, input order shuffled.
// One class in three puts every project in the same class, for larger knapsacks.
std::vector<lg::project> random_projects(test_rng& rng, std::size_t n, const std::vector<std::string>& units) {
  const bool small = rng.in(0, 3) != 0;
  const bool one_class = rng.in(0, 2) == 0;
  const auto only = lg::priority_classes[static_cast<std::size_t>(rng.in(0, 2))];
  std::vector<std::int64_t> numbers(n);
  std::iota(numbers.begin(), numbers.end(), std::int64_t{1});
  for (auto& x : numbers) x = x * 7 % 101 + rng.in(0, 1) * 101;  // distinct: P1, P15, P108, ...
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  while (numbers.size() < n) numbers.push_back(1000 + static_cast<std::int64_t>(numbers.size()));
  std::vector<lg::project> projects;
  for (std::size_t i = 0; i < n; ++i) {
    lg::project p;
    p.id = "P" + std::to_string(numbers[i]);
    p.unit_code = units[static_cast<std::size_t>(rng.in(0, static_cast<std::int64_t>(units.size()) - 1))];
    p.cost = small ? rng.in(0, 9) : rng.in(0, 1000);
    constexpr std::int64_t halves[] = {0, 500'000, 1'000'000, 1'500'000, 2'250'000, 3'000'000};
    p.benefit = small ? lg::benefit_amount::from_micros(halves[rng.in(0, 5)])
                      : lg::benefit_amount::from_micros(rng.in(0, 3) == 0 ? 0 : rng.in(1, 5'000'000'000));
    p.priority = one_class ? only : lg::priority_classes[static_cast<std::size_t>(rng.in(0, 2))];
    projects.push_back(p);
  }
  for (std::size_t i = projects.size(); i > 1; --i)
    std::swap(projects[i - 1], projects[static_cast<std::size_t>(rng.in(0, static_cast<std::int64_t>(i) - 1))]);
  return projects;
}

// The reference: for each class in order, every subset of its projects is tried.
struct reference_scope {
  std::vector<bool> selected;                    // by project index
  std::array<std::int64_t, 3> available{};       // budget at the start of each class
  std::array<std::int64_t, 3> cost{};            // spent per class
  std::array<std::int64_t, 3> benefit{};         // micros per class
};

// Is set a better than set b? Bits index `members`, which are sorted by id.
bool better(std::uint32_t a, std::int64_t a_benefit, std::int64_t a_cost, std::uint32_t b, std::int64_t b_benefit,
            std::int64_t b_cost) {
  if (a_benefit != b_benefit) return a_benefit > b_benefit;
  if (a_cost != b_cost) return a_cost < b_cost;
  const std::uint32_t differ = a ^ b;
  if (differ == 0) return false;
  return (a & (differ & (~differ + 1))) != 0;  // the set holding the smallest differing id wins
}

struct subset_sums {
  std::vector<std::int64_t> cost, benefit;
};

subset_sums all_sums(const std::vector<lg::project>& projects, const std::vector<std::size_t>& members) {
  const std::size_t count = std::size_t{1} << members.size();
  subset_sums s{std::vector<std::int64_t>(count, 0), std::vector<std::int64_t>(count, 0)};
  for (std::size_t mask = 1; mask < count; ++mask) {
    const std::size_t low = static_cast<std::size_t>(std::countr_zero(mask));
    s.cost[mask] = s.cost[mask & (mask - 1)] + projects[members[low]].cost;
    s.benefit[mask] = s.benefit[mask & (mask - 1)] + projects[members[low]].benefit.micros();
  }
  return s;
}

std::vector<std::size_t> members_of(const std::vector<lg::project>& projects, const std::vector<std::size_t>& scope,
                                    lg::priority_class c) {
  std::vector<std::size_t> out;
  for (const auto i : scope)
    if (projects[i].priority == c) out.push_back(i);
  std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return projects[a].id < projects[b].id; });
  return out;
}

reference_scope brute_force(const std::vector<lg::project>& projects, const std::vector<std::size_t>& scope,
                            std::int64_t budget) {
  reference_scope r;
  r.selected.assign(projects.size(), false);
  std::int64_t left = budget;
  for (const auto c : lg::priority_classes) {
    const auto members = members_of(projects, scope, c);
    const auto sums = all_sums(projects, members);
    std::uint32_t best = 0;
    for (std::uint32_t mask = 1; mask < sums.cost.size(); ++mask)
      if (sums.cost[mask] <= left && better(mask, sums.benefit[mask], sums.cost[mask], best, sums.benefit[best], sums.cost[best]))
        best = mask;
    const auto k = lg::index_of(c);
    r.available[k] = left;
    r.cost[k] = sums.cost[best];
    r.benefit[k] = sums.benefit[best];
    for (std::size_t b = 0; b < members.size(); ++b)
      if ((best >> b) & 1u) r.selected[members[b]] = true;
    left -= sums.cost[best];
  }
  return r;
}

// Checks one exact scope of a plan against the reference, explanations included.
void check_scope(const std::vector<lg::project>& projects, const lg::plan& plan, std::size_t scope_index,
                 const std::vector<std::size_t>& scope, std::int64_t budget) {
  const auto ref = brute_force(projects, scope, budget);
  const lg::budget_scope& s = plan.scopes[scope_index];
  CHECK(s.budget == budget);
  CHECK(s.spent <= budget);
  std::int64_t spent = 0;
  for (const auto c : lg::priority_classes) {
    const auto k = lg::index_of(c);
    const lg::class_result& r = s.classes[k];
    CHECK(r.exact);
    CHECK(r.available == ref.available[k]);
    CHECK(r.cost == ref.cost[k]);
    CHECK(r.benefit.micros() == ref.benefit[k]);
    CHECK(r.upper_bound == r.benefit);
    spent += r.cost;
  }
  CHECK(s.spent == spent);
  for (const auto i : scope) {
    const lg::decision& d = plan.for_project(i);
    const lg::project& p = projects[i];
    const auto k = lg::index_of(p.priority);
    CHECK(d.project == i);
    CHECK(d.scope == scope_index);
    REQUIRE(d.selected == ref.selected[i]);
    if (d.selected) {
      CHECK(d.reason == lg::decision_reason::selected);
      continue;
    }
    if (p.cost > ref.available[k]) {
      CHECK(d.reason == lg::decision_reason::does_not_fit);
    } else if (p.benefit.micros() == 0) {
      CHECK(d.reason == lg::decision_reason::no_benefit);
    } else {
      CHECK(d.reason == lg::decision_reason::better_set_in_class);
      // What the sentence claims: it would not fit beside the chosen set, and every set of its
      // class that contains it and fits is worse than the chosen one.
      CHECK(p.cost > ref.available[k] - ref.cost[k]);
      const auto members = members_of(projects, scope, p.priority);
      if (members.size() > 12) continue;  // keeps the test quick; optimality was checked above
      const auto sums = all_sums(projects, members);
      const auto bit = static_cast<std::uint32_t>(std::find(members.begin(), members.end(), i) - members.begin());
      std::uint32_t chosen = 0;
      for (std::size_t b = 0; b < members.size(); ++b)
        if (ref.selected[members[b]]) chosen |= 1u << b;
      for (std::uint32_t mask = 0; mask < sums.cost.size(); ++mask)
        if (((mask >> bit) & 1u) && sums.cost[mask] <= ref.available[k])
          CHECK(better(chosen, sums.benefit[chosen], sums.cost[chosen], mask, sums.benefit[mask], sums.cost[mask]));
    }
  }
}

// Order and running totals of the decisions, whatever the engine.
void check_decision_order(const std::vector<lg::project>& projects, const lg::plan& plan) {
  REQUIRE(plan.decisions.size() == projects.size());
  std::vector<std::int64_t> running(plan.scopes.size(), 0);
  std::vector<std::size_t> rank(plan.scopes.size(), 0);
  for (std::size_t i = 0; i < plan.decisions.size(); ++i) {
    const auto& d = plan.decisions[i];
    CHECK(plan.decision_of[d.project] == i);
    if (i > 0) {
      const auto& prev = plan.decisions[i - 1];
      const auto key = [&](const lg::decision& x) {
        return std::make_tuple(!x.selected, x.scope, projects[x.project].priority, projects[x.project].id);
      };
      CHECK(key(prev) < key(d));
    }
    if (d.selected) {
      running[d.scope] += projects[d.project].cost;
      CHECK(d.cumulative_cost == running[d.scope]);
      CHECK(d.order == ++rank[d.scope]);
    } else {
      CHECK(d.cumulative_cost == 0);
      CHECK(d.order == 0);
    }
  }
  for (std::size_t s = 0; s < plan.scopes.size(); ++s) CHECK(running[s] == plan.scopes[s].spent);
}

// Brute-force optimum of one class, for bound checks on inexact results.
std::int64_t best_benefit(const std::vector<lg::project>& projects, const std::vector<std::size_t>& members,
                          std::int64_t capacity) {
  const auto sums = all_sums(projects, members);
  std::int64_t best = 0;
  for (std::size_t mask = 0; mask < sums.cost.size(); ++mask)
    if (sums.cost[mask] <= capacity) best = std::max(best, sums.benefit[mask]);
  return best;
}

lg::project make(std::string id, std::int64_t cost, double benefit,
                 lg::priority_class c = lg::priority_class::regional_connectivity) {
  lg::project p;
  p.id = std::move(id);
  p.unit_code = "04795";
  p.cost = cost;
  p.benefit = lg::benefit_amount::from_double(benefit);
  p.priority = c;
  return p;
}

std::vector<std::string> selected_ids(const lg::plan& plan, const std::vector<lg::project>& projects) {
  std::vector<std::string> ids;
  for (const auto& d : plan.decisions)
    if (d.selected) ids.push_back(projects[d.project].id);
  return ids;
}

}  // namespace

TEST_CASE("planning: selection equals brute force over every subset (single budget)") {
  test_rng rng{20251216};
  const std::vector<std::string> units{"04795"};
  lg::select_options pareto{};
  lg::select_options table{};
  table.max_states = 0;  // straight to the table over capacities
  lg::select_options reduced_table{};
  reduced_table.max_states = 10;  // phase 1 often finishes, phase 2 not: the table over what is left
  for (int round = 0; round < 1500; ++round) {
    const auto n = static_cast<std::size_t>(round < 1400 ? rng.in(0, 14) : rng.in(15, 20));
    const auto projects = random_projects(rng, n, units);
    std::int64_t total = 0;
    for (const auto& p : projects) total += p.cost;
    const std::int64_t budget = rng.in(0, total + 2);
    std::vector<std::size_t> scope(n);
    std::iota(scope.begin(), scope.end(), std::size_t{0});
    for (const auto* options : {&pareto, &table, &reduced_table}) {
      CAPTURE(round);
      CAPTURE(options->max_states);
      const auto plan = lg::select_projects(projects, budget, *options);
      REQUIRE(plan.scopes.size() == 1);
      CHECK_FALSE(plan.per_province);
      CHECK(plan.exact());
      check_scope(projects, plan, 0, scope, budget);
      check_decision_order(projects, plan);
    }
  }
}

TEST_CASE("planning: per-province budgets equal brute force per province") {
  test_rng rng{34};
  lg::unit_table units;
  units.add("01", {.province_code = "01", .commune_tier = false});
  units.add("00004", {.province_code = "01", .commune_tier = true});
  units.add("00008", {.province_code = "01", .commune_tier = true});
  units.add("25", {.province_code = "25", .commune_tier = false});
  units.add("04795", {.province_code = "25", .commune_tier = true});
  units.add("04828", {.province_code = "25", .commune_tier = true});
  units.add("79", {.province_code = "79", .commune_tier = false});
  units.add("26734", {.province_code = "79", .commune_tier = true});
  const std::vector<std::string> codes{"01", "00004", "00008", "25", "04795", "04828", "79", "26734"};
  for (int round = 0; round < 400; ++round) {
    const auto n = static_cast<std::size_t>(rng.in(0, 18));
    const auto projects = random_projects(rng, n, codes);
    const std::map<std::string, std::int64_t, std::less<>> budgets{
        {"01", rng.in(0, 30)}, {"25", rng.in(0, 3000)}, {"79", rng.in(0, 40)}};
    const auto plan = lg::select_projects_per_province(
        projects, units, [&](std::string_view code) { return budgets.find(code)->second; });
    CAPTURE(round);
    CHECK(plan.per_province);
    CHECK(plan.exact());
    std::map<std::string, std::vector<std::size_t>> by_province;
    for (std::size_t i = 0; i < n; ++i) by_province[units(projects[i].unit_code)->province_code].push_back(i);
    REQUIRE(plan.scopes.size() == by_province.size());
    std::size_t s = 0;
    for (const auto& [code, scope] : by_province) {
      CHECK(plan.scopes[s].province_code == code);
      check_scope(projects, plan, s, scope, budgets.find(code)->second);
      ++s;
    }
    check_decision_order(projects, plan);
  }
}

TEST_CASE("planning: the same budget for every province") {
  lg::unit_table units;
  units.add("04795", {.province_code = "25", .commune_tier = true});
  units.add("26734", {.province_code = "79", .commune_tier = true});
  std::vector<lg::project> projects{make("A", 6, 5), make("B", 6, 5)};
  projects[1].unit_code = "26734";
  const auto plan = lg::select_projects_per_province(projects, units, std::int64_t{10});
  REQUIRE(plan.scopes.size() == 2);
  CHECK(plan.scopes[0].province_code == "25");
  CHECK(plan.scopes[1].province_code == "79");
  CHECK(plan.budget() == 20);
  CHECK(plan.spent() == 12);
  CHECK(plan.selected_count() == 2);
  // Under one budget of 10 only one of them fits.
  CHECK(lg::select_projects(projects, 10).selected_count() == 1);
  projects[0].unit_code = "99999";
  CHECK_THROWS_WITH_AS(static_cast<void>(lg::select_projects_per_province(projects, units, std::int64_t{10})),
                       "project 'A': unknown proposing unit '99999'", localgov::error);
}

TEST_CASE("planning: the fallback and the greedy method carry proven bounds") {
  test_rng rng{7};
  const std::vector<std::string> units{"04795"};
  // Caps small enough to stop phase 1 (one list over the cap) or only phase 2 (all lists).
  lg::select_options capped{}, capped_more{};
  capped.max_states = 1;
  capped.max_cells = 0;
  capped_more.max_states = 8;
  capped_more.max_cells = 0;
  lg::select_options greedy{};
  greedy.method = lg::selection_method::greedy;
  int inexact = 0, inexact_at_best_value = 0;
  for (int round = 0; round < 900; ++round) {
    const auto n = static_cast<std::size_t>(rng.in(0, 16));
    const auto projects = random_projects(rng, n, units);
    std::int64_t total = 0;
    for (const auto& p : projects) total += p.cost;
    const std::int64_t budget = rng.in(0, total);
    std::vector<std::size_t> scope(n);
    std::iota(scope.begin(), scope.end(), std::size_t{0});
    for (const auto* options : {&capped, &capped_more, &greedy}) {
      CAPTURE(round);
      const auto plan = lg::select_projects(projects, budget, *options);
      check_decision_order(projects, plan);
      const auto& s = plan.scopes[0];
      CHECK(s.spent <= budget);
      std::int64_t left = budget;
      for (const auto c : lg::priority_classes) {
        const auto& r = s.classes[lg::index_of(c)];
        CHECK(r.available == left);
        CHECK(r.cost <= r.available);
        const std::int64_t best = best_benefit(projects, members_of(projects, scope, c), r.available);
        CHECK(r.benefit.micros() <= best);
        CHECK(best <= r.upper_bound.micros());  // the bound is proven: never below the optimum
        if (r.exact) CHECK(r.benefit.micros() == best);
        if (!r.exact && options != &greedy) ++inexact;
        // Phase 1 proved the best value, phase 2 ran out: the bound is the best value itself.
        if (!r.exact && options != &greedy && r.upper_bound.micros() == best) ++inexact_at_best_value;
        left -= r.cost;
      }
      // Nothing with a benefit is left out that still fits what its class left.
      for (const auto& d : plan.decisions)
        if (!d.selected) {
          const auto& p = projects[d.project];
          const auto& r = s.classes[lg::index_of(p.priority)];
          if (p.benefit.micros() > 0) CHECK(p.cost > r.left());
          if (d.reason == lg::decision_reason::better_set_in_class && !r.exact)
            CHECK(lg::explain(plan, d, projects).find("not proven best") != std::string::npos);
        }
    }
  }
  CHECK(inexact > 50);  // the caps really were hit, in both phases
  CHECK(inexact_at_best_value > 10);
}

TEST_CASE("planning: the Pareto lists and the capacity table agree on larger instances") {
  test_rng rng{99};
  for (int round = 0; round < 120; ++round) {
    const auto n = static_cast<std::size_t>(rng.in(20, 90));
    std::vector<lg::knapsack_item> items(n);
    const int shape = round % 4;
    for (auto& item : items) {
      item.cost = rng.in(0, 60);
      switch (shape) {
        case 0: item.value = rng.in(0, 60); break;                          // uncorrelated
        case 1: item.value = std::max<std::int64_t>(0, item.cost + rng.in(-6, 6)); break;  // weakly correlated
        case 2: item.value = item.cost + 10; break;                         // strongly correlated
        default: item.value = item.cost; break;                             // subset sum: ties everywhere
      }
    }
    const std::int64_t capacity = rng.in(0, 30 * static_cast<std::int64_t>(n));
    lg::select_options table{};
    table.max_states = 0;
    const auto a = lg::solve_knapsack(items, capacity);
    const auto b = lg::solve_knapsack(items, capacity, table);
    CAPTURE(round);
    REQUIRE(a.exact);
    REQUIRE(b.exact);
    CHECK(a.value == b.value);
    CHECK(a.cost == b.cost);
    CHECK(a.chosen == b.chosen);
    std::int64_t cost = 0, value = 0;
    for (const auto i : a.chosen) {
      cost += items[i].cost;
      value += items[i].value;
    }
    CHECK(cost == a.cost);
    CHECK(value == a.value);
    CHECK(cost <= capacity);
    lg::select_options greedy{};
    greedy.method = lg::selection_method::greedy;
    const auto g = lg::solve_knapsack(items, capacity, greedy);
    CHECK(g.value <= a.value);
    CHECK(a.value <= g.upper_bound);
  }
}

TEST_CASE("planning: tie rules") {
  SUBCASE("greatest benefit first, whatever the count") {
    const std::vector<lg::project> projects{make("a", 5, 3), make("b", 3, 2), make("c", 3, 2)};
    CHECK(selected_ids(lg::select_projects(projects, 6), projects) == std::vector<std::string>{"b", "c"});
  }
  SUBCASE("then the least total cost") {
    const std::vector<lg::project> projects{make("a", 6, 4), make("b", 2, 2), make("c", 3, 2)};
    CHECK(selected_ids(lg::select_projects(projects, 6), projects) == std::vector<std::string>{"b", "c"});
    const std::vector<lg::project> cheaper{make("a", 4, 4), make("b", 2, 2), make("c", 3, 2)};
    CHECK(selected_ids(lg::select_projects(cheaper, 5), cheaper) == std::vector<std::string>{"a"});
  }
  SUBCASE("then the set holding the smallest id where they differ") {
    const std::vector<lg::project> projects{make("c", 2, 1), make("a", 4, 2), make("b", 2, 1)};
    CHECK(selected_ids(lg::select_projects(projects, 4), projects) == std::vector<std::string>{"a"});
    const std::vector<lg::project> later{make("c", 2, 1), make("b", 4, 2), make("a", 2, 1)};
    CHECK(selected_ids(lg::select_projects(later, 4), later) == std::vector<std::string>{"a", "c"});
  }
  SUBCASE("ids compare as bytes: P10 comes before P9") {
    const std::vector<lg::project> projects{make("P9", 5, 1), make("P10", 5, 1)};
    CHECK(selected_ids(lg::select_projects(projects, 5), projects) == std::vector<std::string>{"P10"});
  }
  SUBCASE("decimal benefits tie exactly: 0.1 + 0.2 == 0.3") {
    const std::vector<lg::project> projects{make("x", 1, 0.1), make("y", 1, 0.2), make("z", 2, 0.3)};
    CHECK(selected_ids(lg::select_projects(projects, 2), projects) == std::vector<std::string>{"x", "y"});
    const std::vector<lg::project> other{make("x", 1, 0.1), make("y", 1, 0.2), make("a", 2, 0.3)};
    CHECK(selected_ids(lg::select_projects(other, 2), other) == std::vector<std::string>{"a"});
  }
  SUBCASE("free projects are always taken; worthless ones never cost money") {
    const std::vector<lg::project> projects{make("free", 0, 0), make("dear", 3, 0), make("good", 3, 1)};
    const auto plan = lg::select_projects(projects, 10);
    CHECK(selected_ids(plan, projects) == std::vector<std::string>{"free", "good"});
    CHECK(plan.for_project(1).reason == lg::decision_reason::no_benefit);
  }
}

TEST_CASE("planning: classes go in order, each within what the ones before left") {
  using lg::priority_class;
  const std::vector<lg::project> projects{
      make("road", 60, 10, priority_class::regional_connectivity),
      make("bridge", 50, 30, priority_class::regional_connectivity),
      make("school", 45, 100, priority_class::residential),
      make("clinic", 40, 90, priority_class::residential),
      make("software", 10, 1000, priority_class::other),
      make("hall", 5, 1, priority_class::other),
  };
  const auto plan = lg::select_projects(projects, 100);
  // Connectivity first even though "software" is worth far more per đồng.
  CHECK(selected_ids(plan, projects) == std::vector<std::string>{"bridge", "school", "hall"});
  const auto& s = plan.scopes[0];
  CHECK(s.classes[0].available == 100);
  CHECK(s.classes[1].available == 50);
  CHECK(s.classes[2].available == 5);
  CHECK(s.left() == 0);
  CHECK(plan.for_project(0).reason == lg::decision_reason::better_set_in_class);
  CHECK(plan.for_project(3).reason == lg::decision_reason::better_set_in_class);
  CHECK(plan.for_project(4).reason == lg::decision_reason::does_not_fit);
  CHECK(lg::explain(plan, plan.for_project(1), projects) == "selected in class regional_connectivity");
  CHECK(lg::explain(plan, plan.for_project(0), projects) ==
        "a better set of regional_connectivity projects used the money: costs 60, 100 was left for the class, 50 after it");
  CHECK(lg::explain(plan, plan.for_project(4), projects) == "does not fit: costs 10, only 5 left for class other");
  CHECK(plan.for_project(5).cumulative_cost == 100);
  CHECK(plan.for_project(5).order == 3);
}

TEST_CASE("planning: explanations name the province, the default class and an unproven result") {
  lg::unit_table units;
  units.add("04795", {.province_code = "25", .commune_tier = true});
  units.add("04828", {.province_code = "25", .commune_tier = true});
  units.add("26734", {.province_code = "79", .commune_tier = true});
  lg::project road = make("road", 10, 5);
  road.serves = {"04795", "04828", "26734"};
  lg::apply_default_class(road, units);
  const std::vector<lg::project> projects{road};
  const auto plan = lg::select_projects_per_province(projects, units, std::int64_t{10});
  CHECK(lg::explain(plan, plan.decisions[0], projects) ==
        "province 25: selected in class regional_connectivity (class by default: serves 3 commune-tier units in 2 "
        "provinces)");
  lg::select_options greedy;
  greedy.method = lg::selection_method::greedy;
  const std::vector<lg::project> two{make("a", 6, 6), make("b", 5, 4), make("c", 5, 4)};
  const auto g = lg::select_projects(two, 10, greedy);
  CHECK(selected_ids(g, two) == std::vector<std::string>{"a"});
  CHECK(lg::explain(g, g.for_project(1), two) ==
        "the regional_connectivity set chosen (not proven best) used the money: costs 5, 10 was left for the class, 4 "
        "after it; the regional_connectivity set is within 3.2 of the best possible benefit (greedy method)");
  CHECK(lg::select_projects(two, 10).selected_count() == 2);
}

TEST_CASE("planning: default class from the units served") {
  lg::unit_table units;
  units.add("25", {.province_code = "25", .commune_tier = false});
  units.add("04795", {.province_code = "25", .commune_tier = true});
  units.add("04828", {.province_code = "25", .commune_tier = true});
  units.add("79", {.province_code = "79", .commune_tier = false});
  units.add("26734", {.province_code = "79", .commune_tier = true});
  lg::project p;
  p.id = "x";
  p.unit_code = "04795";

  SUBCASE("its own commune only: other") {
    CHECK(lg::reach_of(p, units) == lg::service_reach{1, 1});
    lg::apply_default_class(p, units);
    CHECK(p.priority == lg::priority_class::other);
    CHECK(p.defaulted == lg::service_reach{1, 1});
  }
  SUBCASE("two communes of one province: regional connectivity") {
    p.serves = {"04795", "04828"};
    lg::apply_default_class(p, units);
    CHECK(p.priority == lg::priority_class::regional_connectivity);
    CHECK(p.defaulted == lg::service_reach{2, 1});
  }
  SUBCASE("a commune listed twice counts once") {
    p.serves = {"04828", "04828"};
    CHECK(lg::reach_of(p, units) == lg::service_reach{1, 1});
    CHECK(lg::default_class(lg::reach_of(p, units)) == lg::priority_class::other);
  }
  SUBCASE("units in two provinces: regional connectivity") {
    p.serves = {"25", "79"};
    CHECK(lg::reach_of(p, units) == lg::service_reach{0, 2});
    CHECK(lg::default_class(lg::reach_of(p, units)) == lg::priority_class::regional_connectivity);
  }
  SUBCASE("a province-tier unit alone: other") {
    p.unit_code = "25";
    CHECK(lg::reach_of(p, units) == lg::service_reach{0, 1});
    CHECK(lg::default_class(lg::reach_of(p, units)) == lg::priority_class::other);
  }
  SUBCASE("any callable will do as the lookup") {
    auto lookup = [](std::string_view code) -> std::optional<lg::unit_facts> {
      if (code.size() == 5) return lg::unit_facts{std::string(code.substr(0, 2)), true};
      return std::nullopt;
    };
    p.serves = {"11111", "22222"};
    CHECK(lg::reach_of(p, lookup) == lg::service_reach{2, 2});
  }
}

TEST_CASE("planning: amounts and benefits parse exactly") {
  using lg::amount_status;
  CHECK(lg::parse_amount("1200").value == 1200);
  CHECK(lg::parse_amount("0").status == amount_status::ok);
  CHECK(lg::parse_amount("").status == amount_status::empty);
  CHECK(lg::parse_amount("12.5").status == amount_status::not_integer);
  CHECK(lg::parse_amount("+5").status == amount_status::not_integer);
  CHECK(lg::parse_amount(" 5").status == amount_status::not_integer);
  CHECK(lg::parse_amount("-").status == amount_status::not_integer);
  CHECK(lg::parse_amount("-5").status == amount_status::negative);
  CHECK(lg::parse_amount("1000000000000000").value == lg::max_cost);
  CHECK(lg::parse_amount("1000000000000001").status == amount_status::too_large);
  CHECK(lg::parse_amount("99999999999999999999999").status == amount_status::too_large);
  CHECK(lg::parse_amount("9223372036854775807", INT64_MAX).value == INT64_MAX);
  CHECK(lg::parse_amount("9223372036854775808", INT64_MAX).status == amount_status::too_large);

  using lg::benefit_status;
  auto micros = [](std::string_view s) { return lg::parse_benefit(s).value.micros(); };
  CHECK(micros("12") == 12'000'000);
  CHECK(micros("0.1") == 100'000);
  CHECK(micros(".5") == 500'000);
  CHECK(micros("5.") == 5'000'000);
  CHECK(micros("0.0000005") == 1);  // half a millionth rounds away from zero
  CHECK(micros("0.00000049") == 0);
  CHECK(micros("1.5e3") == 1'500'000'000);
  CHECK(micros("-0") == 0);
  CHECK(micros("1e-400") == 0);
  CHECK(micros("1000000000") == lg::benefit_amount::max_micros);
  CHECK(lg::parse_benefit("").status == benefit_status::empty);
  CHECK(lg::parse_benefit("abc").status == benefit_status::not_numeric);
  CHECK(lg::parse_benefit("1,5").status == benefit_status::not_numeric);
  CHECK(lg::parse_benefit("+1").status == benefit_status::not_numeric);
  CHECK(lg::parse_benefit(".").status == benefit_status::not_numeric);
  CHECK(lg::parse_benefit("inf").status == benefit_status::not_finite);
  CHECK(lg::parse_benefit("-inf").status == benefit_status::not_finite);
  CHECK(lg::parse_benefit("nan").status == benefit_status::not_finite);
  CHECK(lg::parse_benefit("-2").status == benefit_status::negative);
  CHECK(lg::parse_benefit("-2e0").status == benefit_status::negative);
  CHECK(lg::parse_benefit("1000000000.000001").status == benefit_status::too_large);
  CHECK(lg::parse_benefit("2e9").status == benefit_status::too_large);
  CHECK(lg::parse_benefit("1e400").status == benefit_status::too_large);

  CHECK(lg::benefit_amount::from_micros(12'500'000).to_string() == "12.5");
  CHECK(lg::benefit_amount::from_micros(3'000'000).to_string() == "3");
  CHECK(lg::benefit_amount::from_micros(1).to_string() == "0.000001");
  CHECK(lg::benefit_amount::from_micros(-1'250'000).to_string() == "-1.25");
  CHECK(lg::benefit_amount::from_double(0.1) + lg::benefit_amount::from_double(0.2) ==
        lg::benefit_amount::from_double(0.3));
  CHECK(lg::parse_priority_class("residential") == lg::priority_class::residential);
  CHECK_FALSE(lg::parse_priority_class("Residential").has_value());
}

TEST_CASE("planning: totals beyond 64 bits are refused") {
  const std::vector<lg::knapsack_item> items{{1, INT64_MAX / 2 + 1}, {2, INT64_MAX / 2 + 1}};
  CHECK_THROWS_AS(static_cast<void>(lg::solve_knapsack(items, 5)), localgov::error);
  CHECK(lg::solve_knapsack(items, 1).exact);  // only one fits, so the total that matters is fine
}

TEST_CASE("planning: empty inputs") {
  const auto plan = lg::select_projects({}, 100);
  CHECK(plan.decisions.empty());
  CHECK(plan.left() == 100);
  CHECK(plan.exact());
  const auto none = lg::solve_knapsack({}, 0);
  CHECK(none.chosen.empty());
  CHECK(none.exact);
}
