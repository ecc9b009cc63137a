// Fuzzes name folding (any bytes, valid UTF-8 or not) and name search on the small
// organisation, with and without a province filter.
#include "fuzz_org.hpp"

#include <localgov/detail/fold.hpp>
#include <localgov/model/name_index.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  static const localgov::name_index index(fuzz::small_org());
  const auto folded = localgov::detail::fold_name(text);
  const auto cased = localgov::detail::fold_case(text);
  // Folding is idempotent.
  if (localgov::detail::fold_name(folded) != folded) __builtin_trap();
  if (localgov::detail::fold_case(cased) != cased) __builtin_trap();
  const auto all = index.find(text);
  const auto some = index.find(text, {.province = fuzz::small_org().find_unit("25"), .limit = 5});
  if (some.size() > 5 || some.size() > all.size()) __builtin_trap();
  return 0;
}
