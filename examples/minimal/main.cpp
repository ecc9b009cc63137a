// localgov in a few lines: the country from the official list, a ward's proposal routed
// to the department responsible, with the deadline, the rule and the way it went up.
#include <localgov/localgov.hpp>

#include <fmt/format.h>

#include <string>

int main(int argc, char** argv) {
  using namespace localgov;
  const std::string data = argc > 1 ? argv[1] : "data";
  const auto org = presets::load_vietnam_2025(data + "/vn-2025/units.csv");
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar());

  const auto ward = *org.find_unit("04795");  // Phường Hòa Bình, Phú Thọ
  const auto land = *org.words().find_field("land");
  const auto route = table.route(ward, land, channel::proposal, date(2025, 12, 16));
  fmt::print("{}: {} → {} ({}), due {}\n", org.words().field(land).name_vi, org.unit(ward).name,
             org.name_of(route->lead), org.code_of(route->lead), route->due.to_string());
  fmt::print("rule {}: {}\n", rules[route->rule].id, rules[route->rule].basis);
  const auto why = table.explain(ward, land, channel::proposal);  // the way it went up
  for (auto body : why->path) fmt::print("  {} ({})\n", org.name_of(body), org.code_of(body));
}
