// Exact project selection against the greedy baseline: 1,000 generated projects, a budget of
// 1,000,000, median times of several runs, and what exactness buys in benefit.
// Usage: bench_plan [--data DIR] [--runs N]   (DIR/vn-2025/units.csv supplies real unit codes)
#include "options.hpp"

#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/planning/select.hpp>
#include <localgov/testing/splitmix64.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lg = localgov::planning;

namespace {

struct units_model {
  lg::unit_table table;
  std::map<std::string, std::vector<std::string>> communes_by_province;
  std::string source;
};

// Real codes from units.csv when the data directory is given, else 34 provinces of 100 communes.
units_model load_units(const std::string& data_dir) {
  units_model m;
  if (!data_dir.empty()) {
    try {
      const std::string path = data_dir + "/vn-2025/units.csv";
      const std::string text = localgov::io::read_file(path);
      localgov::io::csv_reader csv(text, path);
      const auto code = csv.require_column("code"), kind = csv.require_column("kind"),
                 parent = csv.require_column("parent_code");
      while (csv.next()) {
        const bool commune = csv.field(kind) == "commune" || csv.field(kind) == "ward" || csv.field(kind) == "special_zone";
        const std::string province(commune ? csv.field(parent) : csv.field(code));
        m.table.add(std::string(csv.field(code)), {.province_code = province, .commune_tier = commune});
        if (commune) m.communes_by_province[province].emplace_back(csv.field(code));
      }
      m.source = path;
      return m;
    } catch (const localgov::error& e) {
      fmt::print("(cannot use {}: {}; generating units)\n", data_dir, e.what());
      m = units_model{};
    }
  }
  for (int p = 0; p < 34; ++p) {
    const std::string province = fmt::format("{:02}", p + 1);
    m.table.add(province, {.province_code = province, .commune_tier = false});
    for (int c = 0; c < 100; ++c) {
      const std::string commune = fmt::format("{}{:03}", province, c);
      m.table.add(commune, {.province_code = province, .commune_tier = true});
      m.communes_by_province[province].push_back(commune);
    }
  }
  m.source = "generated (34 provinces x 100 communes)";
  return m;
}

// Costs log-uniform from min_cost to 100 * min_cost (million VND), benefits weakly correlated with
// cost (0.8 to 1.2 per 100 of cost, to a hundredth), 20% serving several communes (regional
// connectivity by default), 35% residential, the rest other by default.
std::vector<lg::project> generate(const units_model& units, std::size_t n, std::uint64_t seed, double min_cost) {
  localgov::testing::splitmix64 r{seed};
  std::vector<const std::vector<std::string>*> provinces;
  for (const auto& [code, communes] : units.communes_by_province) provinces.push_back(&communes);
  std::vector<lg::project> projects;
  for (std::size_t i = 0; i < n; ++i) {
    lg::project p;
    p.id = fmt::format("P{:04}", i + 1);
    const auto& home = *provinces[r.below(provinces.size())];
    p.unit_code = home[r.below(home.size())];
    p.title = fmt::format("Project {}", i + 1);
    p.cost = static_cast<std::int64_t>(min_cost * std::pow(100.0, r.unit()));
    const double ratio = 0.8 + 0.4 * r.unit();
    p.benefit = lg::benefit_amount::from_micros(static_cast<std::int64_t>(static_cast<double>(p.cost) * ratio * 10.0) * 1000);
    const double kind = r.unit();
    if (kind < 0.20) {
      p.serves.push_back(p.unit_code);
      const std::size_t extra = 1 + r.below(3);
      for (std::size_t k = 0; k < extra; ++k) p.serves.push_back(home[r.below(home.size())]);
      lg::apply_default_class(p, units.table);
      if (p.priority != lg::priority_class::regional_connectivity) {  // drew the same commune twice
        const auto& other = *provinces[r.below(provinces.size())];
        p.serves.push_back(other[r.below(other.size())]);
        lg::apply_default_class(p, units.table);
      }
    } else if (kind < 0.55) {
      p.priority = lg::priority_class::residential;
    } else {
      lg::apply_default_class(p, units.table);
    }
    projects.push_back(std::move(p));
  }
  return projects;
}

struct measured {
  lg::plan plan;
  double median_ms = 0;
};

measured run(const std::vector<lg::project>& projects, std::int64_t budget, lg::selection_method method, int runs) {
  lg::select_options options;
  options.method = method;
  measured m;
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    m.plan = lg::select_projects(projects, budget, options);
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  m.median_ms = times[times.size() / 2];
  return m;
}

void report(std::string_view title, const std::vector<lg::project>& projects, std::int64_t budget, int runs) {
  std::array<std::size_t, 3> per_class{};
  for (const auto& p : projects) ++per_class[lg::index_of(p.priority)];
  fmt::print("\n{}: {} regional_connectivity, {} residential, {} other\n", title, per_class[0], per_class[1],
             per_class[2]);
  const auto exact = run(projects, budget, lg::selection_method::exact, runs);
  const auto greedy = run(projects, budget, lg::selection_method::greedy, runs);
  fmt::print("  {:<7} {:>11} {:>16} {:>10} {:>9}  {}\n", "method", "median ms", "benefit", "spent", "selected",
             "proven");
  for (const auto* m : {&exact, &greedy}) {
    std::string proven = "best (exact)";
    if (!m->plan.exact()) {
      lg::benefit_amount gap;
      for (const auto& c : m->plan.scopes[0].classes) gap = gap + c.gap();
      proven = "within " + gap.to_string() + " of the best, class by class";
    }
    fmt::print("  {:<7} {:>11.3f} {:>16} {:>10} {:>9}  {}\n", lg::format_as(m->plan.method), m->median_ms,
               m->plan.benefit().to_string(), m->plan.spent(), m->plan.selected_count(), proven);
  }
  fmt::print("  spent by class (exact | greedy):");
  for (const auto c : lg::priority_classes)
    fmt::print(" {} {} | {};", lg::format_as(c), exact.plan.scopes[0].classes[lg::index_of(c)].cost,
               greedy.plan.scopes[0].classes[lg::index_of(c)].cost);
  fmt::print("\n");
  std::size_t states = 0;
  for (const auto& c : exact.plan.scopes[0].classes) states += c.states;
  fmt::print("  exact/greedy benefit: {:.6f} overall;", exact.plan.benefit().to_double() / greedy.plan.benefit().to_double());
  for (const auto c : lg::priority_classes) {
    const auto e = exact.plan.scopes[0].classes[lg::index_of(c)].benefit.to_double();
    const auto g = greedy.plan.scopes[0].classes[lg::index_of(c)].benefit.to_double();
    fmt::print(" {} {}", lg::format_as(c), g > 0 ? fmt::format("{:.6f}", e / g) : std::string("-"));
  }
  fmt::print("\n  exact method kept {} Pareto pairs; time ratio exact/greedy {:.1f}x\n", states,
             exact.median_ms / std::max(greedy.median_ms, 1e-6));
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir;
  int runs = 7;
  bench::options command_line("bench_plan",
                              "Exact project selection against the greedy baseline: 1,000 generated projects,\n"
                              "a budget of 1,000,000, median times of the runs, and what exactness buys in\n"
                              "benefit.\n");
  command_line.add("--data", "DIR", data_dir,
                   "the data directory: real unit codes from DIR/vn-2025/units.csv\n"
                   "(without it, 34 generated provinces of 100 communes)");
  command_line.add("--runs", "N", runs, "runs of each selection, median reported", 1);
  if (const auto status = command_line.parse(argc, argv)) return *status;
  constexpr std::size_t count = 1000;
  constexpr std::int64_t budget = 1'000'000;
  constexpr std::uint64_t seed = 20251216;
  const units_model units = load_units(data_dir);
  fmt::print("plan: {} projects (seed {}, units {}), budget {}, median of {} runs\n", count, seed, units.source,
             budget, runs);
  auto total_cost = [](const std::vector<lg::project>& projects) {
    std::int64_t total = 0;
    for (const auto& p : projects) total += p.cost;
    return total;
  };
  auto projects = generate(units, count, seed, 200);
  report(fmt::format("three classes, costs 200 to 20,000 (total {})", total_cost(projects)), projects, budget, runs);
  for (auto& p : projects) p.priority = lg::priority_class::regional_connectivity;
  report("the same projects in one class", projects, budget, runs);
  auto large = generate(units, count, seed + 1, 2000);
  for (auto& p : large) p.priority = lg::priority_class::regional_connectivity;
  report(fmt::format("one class, large projects: costs 2,000 to 200,000 (total {})", total_cost(large)), large, budget,
         runs);
  return 0;
}
