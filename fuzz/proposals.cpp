// Fuzzes the proposals loader, then routes every proposal it accepted.
#include "fuzz_org.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  fuzz::expect_only_localgov_errors([&] {
    localgov::proposal_list list;
    localgov::io::read_proposals(fuzz::small_org(), list, text, "proposals.csv");
    const auto& table = fuzz::small_table();
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      const auto p = static_cast<localgov::proposal_id>(i);
      if (list.find(list.id(p)) != p) __builtin_trap();  // ids are unique and found
      (void)table.route(list.unit(p), list.field(p), list.via(p), list.submitted(p), list.sector(p));
    }
  });
  return 0;
}
