// The localgov command-line program: validate, find, route, report, chart, plan.
#include "args.hpp"
#include "chart.hpp"
#include "find.hpp"
#include "heap.hpp"
#include "plan.hpp"
#include "report.hpp"
#include "route.hpp"
#include "validate.hpp"

#include <localgov/error.hpp>

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

namespace {

struct entry {
  const cli::command* spec;
  int (*run)(const cli::arguments&);
};

const std::vector<entry>& commands() {
  static const std::vector<entry> all{
      {&cli::validate_command, cli::run_validate},
      {&cli::find_command, cli::run_find},
      {&cli::route_command, cli::run_route},
      {&cli::report_command, cli::run_report},
      {&cli::chart_command, cli::run_chart},
      {&cli::plan_command, cli::run_plan},
  };
  return all;
}

void print_overview(std::FILE* out) {
  std::fprintf(out,
               "usage: localgov COMMAND [OPTIONS]\n\n"
               "localgov models Vietnam's two-tier local government (since 1 July 2025): it routes\n"
               "proposals and petitions to the agency responsible and tracks them.\n\ncommands:\n");
  for (const auto& c : commands()) {
    const auto summary = c.spec->summary.substr(0, c.spec->summary.find('\n'));
    std::fprintf(out, "  %-10s %.*s\n", std::string(c.spec->name).c_str(), static_cast<int>(summary.size()),
                 summary.data());
  }
  std::fprintf(out, "\nRun 'localgov COMMAND --help' for a command's options and an example.\n"
                    "Exit status: 0 success, 2 bad input or usage, 1 other failures.\n");
}

}  // namespace

int main(int argc, char** argv) {
  cli::heap_in_huge_pages(std::size_t{64} << 20);
  std::vector<std::string_view> args(argv + 1, argv + argc);
  // Help printed to standard output is output too: a full disk is exit 1, as for a command.
  auto print_help = [](auto print) {
    try {
      print();
      cli::flush_output();
      return 0;
    } catch (const localgov::error& e) {
      std::fprintf(stderr, "localgov: %s\n", e.what());
      return 1;
    }
  };
  if (args.empty()) {
    print_overview(stderr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") return print_help([] { print_overview(stdout); });
  const entry* chosen = nullptr;
  for (const auto& c : commands())
    if (c.spec->name == args[0]) chosen = &c;
  if (chosen == nullptr) {
    std::fprintf(stderr, "localgov: unknown command '%s' (expected one of:", std::string(args[0]).c_str());
    for (const auto& c : commands()) std::fprintf(stderr, " %s", std::string(c.spec->name).c_str());
    std::fprintf(stderr, "; see: localgov --help)\n");
    return 2;
  }
  const std::vector<std::string_view> rest(args.begin() + 1, args.end());
  for (auto a : rest)
    if (a == "--help" || a == "-h") return print_help([&] { std::fputs(cli::help(*chosen->spec).c_str(), stdout); });
  try {
    const int status = chosen->run(cli::parse(*chosen->spec, rest));
    cli::flush_output();  // what the command printed reached its destination, or exit 1
    return status;
  } catch (const cli::usage_error& e) {
    std::fprintf(stderr, "localgov: %s\n", e.what());
    return 2;
  } catch (const localgov::validation_error& e) {
    cli::print_problems(e.problems());
    return 2;
  } catch (const localgov::input_error& e) {
    std::fprintf(stderr, "localgov: %s\n", e.what());
    return 2;
  } catch (const localgov::error& e) {
    std::fprintf(stderr, "localgov: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "localgov: %s\n", e.what());
    return 1;
  }
}
