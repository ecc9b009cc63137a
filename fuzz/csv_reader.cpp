// Fuzzes the strict CSV reader: any bytes either read as records or throw input_error.
#include "fuzz_support.hpp"

#include <localgov/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::text_of(data, size);
  fuzz::expect_only_localgov_errors([&] {
    localgov::io::csv_reader csv(text, "fuzz.csv");
    const auto columns = csv.header().size();
    if (columns == 0) __builtin_trap();  // a header has at least one column
    (void)csv.find_column("code");
    std::string out;
    while (csv.next()) {
      if (csv.size() != columns) __builtin_trap();  // next() refuses ragged rows
      for (std::size_t i = 0; i < csv.size(); ++i) {
        const auto where = csv.location(i);
        if (where.line < csv.line() || where.column == 0) __builtin_trap();
        localgov::io::append_csv_field(out, csv.field(i));
        (void)localgov::io::excerpt(csv.field(i));
      }
      out.clear();
    }
    (void)csv.require_column("name");  // throws input_error when missing
  });
  return 0;
}
