// Fuzzes the units loader through the Vietnam 2025 build (bodies on every unit), then
// validates what was built.
#include "fuzz_org.hpp"

#include <localgov/model/validate.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  fuzz::expect_only_localgov_errors([&] {
    const auto org = localgov::presets::vietnam_2025(text, "units.csv");
    (void)localgov::validate(org);
  });
  return 0;
}
