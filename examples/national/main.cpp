// The whole country for a year: all 3,355 units from the official list, a generated
// year (2026) of proposals from every commune-tier unit, routed, tracked through their
// lifecycle, and the country's board as of 31 December 2026 with the ten most overdue
// departments. The generator is seeded, so every run prints the same figures.
//
//   national [--data DIR] [--per-unit N]
#include <localgov/localgov.hpp>
#include <localgov/testing/splitmix64.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) try {
  using namespace localgov;
  using L = default_lifecycle;
  std::string data = "data";
  int per_unit = 24;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view arg = argv[i];
    if (arg == "--data") data = argv[i + 1];
    else if (arg == "--per-unit") per_unit = std::stoi(argv[i + 1]);
  }
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  };

  const auto org = presets::load_vietnam_2025(data + "/vn-2025/units.csv");
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());
  std::size_t communes = 0;
  for (const auto& u : org.units()) communes += u.level == tier::commune;
  fmt::print("Cả nước (the country): {} units ({} commune-tier), {} bodies; routing table {} KiB\n",
             reports::group_thousands(org.unit_count()), reports::group_thousands(communes),
             reports::group_thousands(org.body_count()), table.memory_bytes() / 1024);
  std::fprintf(stderr, "national: organisation and routing table in %.0f ms\n", elapsed());

  // A year of proposals: each commune-tier unit sends `per_unit`, on any field the
  // preset routes, submitted on any day of 2026.
  std::vector<field_id> fields;
  for (std::size_t f = 0; f < org.words().fields().size(); ++f)
    if (rules.find(id_at<field_id>(f), channel::proposal, tier::commune, "")) fields.push_back(id_at<field_id>(f));
  testing::splitmix64 rng{20260101};  // seeded: the same figures on every platform
  const date year_start(2026, 1, 1), as_of(2026, 12, 31);
  proposal_list proposals;
  proposals.reserve(communes * static_cast<std::size_t>(per_unit));
  std::string id;
  for (std::size_t u = 0; u < org.unit_count(); ++u) {
    if (org.unit(id_at<unit_id>(u)).level != tier::commune) continue;
    for (int k = 0; k < per_unit; ++k) {
      id = fmt::format("{}-{:02}", org.unit(id_at<unit_id>(u)).code, k + 1);
      const auto field = fields[static_cast<std::size_t>(rng.below(static_cast<std::int32_t>(fields.size())))];
      proposals.add({.id = id, .unit = id_at<unit_id>(u), .field = field, .submitted = year_start + rng.below(365)});
    }
  }

  // Their lifecycle: assigned within ten days; most taken up; answered after a time
  // that depends on the province (some are slower), a few rejected or withdrawn.
  tracker track(table, proposals);
  std::vector<std::int32_t> slowness(org.unit_count(), 0);
  for (std::size_t u = 0; u < org.unit_count(); ++u) slowness[u] = 20 + static_cast<std::int32_t>((u * 37) % 50);
  for (const auto p : proposals.keys()) {
    date on = proposals.submitted(p) + 1 + rng.below(10);
    if (on > as_of) continue;
    track.change(p, on, L::assigned);
    const auto roll = rng.below(100);
    if (roll < 3) {
      track.change(p, on + 5, L::rejected);
      continue;
    }
    if (roll < 5) {
      if (on + 15 <= as_of) track.change(p, on + 15, L::withdrawn);
      continue;
    }
    on += 3 + rng.below(15);
    if (on > as_of) continue;
    track.change(p, on, L::in_progress);
    on += rng.below(slowness[index_of(org.province_of(proposals.unit(p)))] * 2);
    if (on <= as_of) track.change(p, on, L::answered);
  }
  std::fprintf(stderr, "national: %zu proposals and %zu changes in %.0f ms\n", proposals.size(), track.events().size(),
               elapsed());

  // The country's board.
  const auto board = track.board_at(as_of);
  fmt::print("\nBảng theo dõi toàn quốc đến ngày {} (the country's board)\n\n", as_of.to_string());
  reports::table country({{"trạng thái (status)"}, {"số đề xuất", reports::align::right}});
  for (status_index s = 0; s < L::status_count; ++s)
    country.add_row({fmt::format("{} ({})", L::name_vi(s), L::name(s)),
                     reports::group_thousands(board.count(group_by::country, 0, s))});
  country.add_rule();
  country.add_row({"tổng (total)", reports::group_thousands(board.total(group_by::country, 0))});
  country.add_row({"quá hạn (overdue)", reports::group_thousands(board.overdue(group_by::country, 0))});
  fmt::print("{}", country.text());

  // The ten most overdue departments.
  const auto by_agency = reports::make_status_report(track, as_of, group_by::agency);
  reports::table worst({{"#", reports::align::right}, {"cơ quan (department)"}, {"mã"}, {"đề xuất", reports::align::right},
                        {"quá hạn", reports::align::right}});
  std::size_t rank = 0;
  for (const auto& r : reports::most_overdue(by_agency, 10))
    worst.add_row({std::to_string(++rank), r.name, r.key, reports::group_thousands(r.total), reports::group_thousands(r.overdue)});
  fmt::print("\nMười cơ quan quá hạn nhiều nhất (the ten most overdue departments)\n\n{}", worst.text());
  std::fprintf(stderr, "national: reports in %.0f ms\n", elapsed());
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "national: %s\n", e.what());
  return 1;
}
