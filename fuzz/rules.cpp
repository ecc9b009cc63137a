// Fuzzes the rules loader, then compiles what it accepted into a routing table.
#include "fuzz_org.hpp"

#include <localgov/io/rules_csv.hpp>
#include <localgov/presets/vietnam_calendar.hpp>
#include <localgov/presets/vietnam_deciders.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  const auto& org = fuzz::small_org();
  fuzz::expect_only_localgov_errors([&] {
    const auto rules = localgov::io::read_rules(org.words(), text, "rules.csv");
    const localgov::routing_table table(org, rules, localgov::presets::vietnam_calendar(), localgov::presets::vietnam_decider);
    const auto& proposals = fuzz::scenario_proposals();
    for (std::uint32_t i = 0; i < proposals.size(); ++i) {
      const auto p = static_cast<localgov::proposal_id>(i);
      (void)table.route(proposals[p]);
      (void)table.explain(proposals[p]);
    }
  });
  return 0;
}
