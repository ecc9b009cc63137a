// A program of another project that uses the installed or added localgov package, and
// the units file where the package says its data is (LOCALGOV_DATA_DIR, passed in as
// CONSUMER_UNITS by the consumer's CMakeLists.txt).
#include <localgov/localgov.hpp>

#include <cstdio>

int main() {
  localgov::organization org(localgov::presets::vietnam_vocabulary());
  const auto phu_tho = org.add_unit<localgov::province>("25", "Tỉnh Phú Thọ");
  const auto hoa_binh = org.add_unit<localgov::ward>("04795", "Phường Hòa Bình", phu_tho);
  localgov::presets::add_vietnam_bodies(org);
  const auto chain = localgov::chain_of_command(org, {localgov::node_kind::body,
                                                      static_cast<std::uint32_t>(localgov::index_of(*org.find_body("04795/ubnd")))});
  if (org.unit(hoa_binh.id).code != "04795" || chain.empty() || !localgov::validate(org).empty()) return 1;
  const auto country = localgov::presets::load_vietnam_2025(CONSUMER_UNITS);
  if (country.unit_count() != 3355) return 1;
  std::printf("consumer: ok (%zu bodies, chain of %zu; %zu units from %s)\n", org.body_count(), chain.size(),
              country.unit_count(), CONSUMER_UNITS);
  return 0;
}
