// Fuzzes the proposals loader, read in one pass and in chunks of 1 to 64 bytes (chosen by
// the input's size) by several threads (both must give the same error and the same list),
// then routes every proposal it accepted (complaints and denunciations to their deciders).
#include "fuzz_org.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  localgov::proposal_list list, parallel;
  const auto error = fuzz::localgov_error_of([&] { localgov::io::read_proposals(fuzz::small_org(), list, text, "proposals.csv"); });
  if (error != fuzz::localgov_error_of([&] {
        localgov::io::read_proposals(fuzz::small_org(), parallel, text, "proposals.csv", {.parallel = true, .chunk_bytes = 1 + size % 64});
      }))
    __builtin_trap();
  if (parallel.size() != list.size()) __builtin_trap();
  fuzz::expect_only_localgov_errors([&] {
    const auto& table = fuzz::small_table();
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      const auto p = static_cast<localgov::proposal_id>(i);
      if (list.find(list.id(p)) != p) __builtin_trap();  // ids are unique and found
      if (parallel.id(p) != list.id(p) || parallel.title(p) != list.title(p) || parallel.line(p) != list.line(p))
        __builtin_trap();
      if (parallel.against(p).body != list.against(p).body || parallel.area(p) != list.area(p)) __builtin_trap();
      (void)table.route(list[p]);
    }
  });
  return 0;
}
