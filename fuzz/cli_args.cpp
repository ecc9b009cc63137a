// Fuzzes the localgov program's argument parser: the first byte picks a command, the
// rest is its arguments separated by NUL bytes. usage_error is the expected refusal.
#include "fuzz_support.hpp"

#include <localgov/io/csv.hpp>

#include "find.hpp"
#include "report.hpp"
#include "route.hpp"
#include "validate.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const cli::command* commands[] = {&cli::validate_command, &cli::find_command, &cli::route_command, &cli::report_command};
  const auto& cmd = *commands[data[0] % std::size(commands)];
  std::vector<std::string_view> args;
  const auto text = fuzz::text_of(data + 1, size - 1);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\0', start);
    if (end == std::string_view::npos) end = text.size();
    args.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  try {
    const auto parsed = cli::parse(cmd, args);
    for (const auto& o : cmd.options)
      if (o.required && !parsed.has(o.name)) __builtin_trap();
    (void)parsed.integer("limit");
    (void)parsed.choice("format", {"text", "md", "csv", "json"}, "text");
    (void)cli::as_of_option(parsed);
    (void)cli::help(cmd);
  } catch (const cli::usage_error&) {
  }
  return 0;
}
