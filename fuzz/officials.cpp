// Fuzzes the officials and lines loaders on a copy of the small organisation.
#include "fuzz_org.hpp"

#include <localgov/model/validate.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  // Officials on the organisation without the scenario's officials would be cleaner, but
  // a copy of the seated one also exercises overlapping holders.
  fuzz::expect_only_localgov_errors([&] {
    auto org = fuzz::small_org();
    localgov::io::read_officials(org, text, "officials.csv");
    (void)localgov::validate(org);
  });
  fuzz::expect_only_localgov_errors([&] {
    auto org = fuzz::small_org();
    localgov::io::read_lines(org, text, "lines.csv");
    (void)localgov::validate(org);
  });
  return 0;
}
