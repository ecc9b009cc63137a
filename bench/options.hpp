// bench::options: the benchmarks' command lines, one parser for all of them.
//
//   std::string data;
//   long proposals = 1'000'000;  // the default: the variable's value when declared
//   int runs = 7;
//   bool keep = false;
//   bench::options cli("bench_routing", "Routes N generated proposals ...\n");
//   cli.add("--data", "DIR", data, "the data: DIR/vn-2025/units.csv").required();
//   cli.add("--proposals", "N", proposals, "proposals to generate", 1);
//   cli.add("--runs", "N", runs, "passes, median reported", 1);
//   cli.flag("--keep", keep, "leave the generated files in place");
//   if (const auto status = cli.parse(argc, argv)) return *status;
//
// Options are "--name VALUE" (the last one given counts) or flags ("--keep"). --help (or
// -h) prints the usage line, the description and every option with its default on
// stdout, and parse() returns 0. An unknown option, a missing or bad value, a missing
// required option or a stray argument is named on stderr with the usage line, and parse()
// returns 2. parse() returns nothing when the program should go on.
#pragma once

#include <algorithm>
#include <charconv>
#include <concepts>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace bench {

class options {
 public:
  // `program` names it in messages; `description` follows the usage line in --help.
  options(std::string program, std::string description)
      : program_(std::move(program)), description_(std::move(description)) {}

  // "--name METAVAR": any text.
  options& add(std::string name, std::string metavar, std::string& target, std::string help) {
    auto set = [&target](std::string_view value) -> std::optional<std::string> {
      target = std::string(value);
      return std::nullopt;
    };
    return add_option(std::move(name), std::move(metavar), std::move(help), target.empty() ? target : "default " + target, set);
  }

  // "--name METAVAR": a whole number from `min` to `max`.
  template <std::integral T>
  options& add(std::string name, std::string metavar, T& target, std::string help,
               std::type_identity_t<T> min = std::numeric_limits<T>::min(),
               std::type_identity_t<T> max = std::numeric_limits<T>::max()) {
    std::string range;  // "1 to 9999999", "at least 1" or none
    if (max != std::numeric_limits<T>::max())
      range = std::to_string(min) + " to " + std::to_string(max);
    else if (min != std::numeric_limits<T>::min())
      range = "at least " + std::to_string(min);
    const std::string expected = "a whole number" + (range.empty() ? std::string() : ", " + range);
    auto set = [&target, min, max, expected](std::string_view value) -> std::optional<std::string> {
      T parsed{};
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc() || end != value.data() + value.size() || parsed < min || parsed > max)
        return expected;
      target = parsed;
      return std::nullopt;
    };
    const auto note = (range.empty() ? std::string() : range + ", ") + "default " + std::to_string(target);
    return add_option(std::move(name), std::move(metavar), std::move(help), note, set);
  }

  // "--name": sets `target` to true.
  options& flag(std::string name, bool& target, std::string help) {
    auto set = [&target](std::string_view) -> std::optional<std::string> {
      target = true;
      return std::nullopt;
    };
    return add_option(std::move(name), {}, std::move(help), {}, set);
  }

  // The option added last must be given.
  options& required() {
    entries_.back().required = true;
    return *this;
  }

  // Reads argv[1..argc): nothing when the program should go on, else its exit status (0
  // after --help, 2 after a usage error, already reported).
  [[nodiscard]] std::optional<int> parse(int argc, const char* const* argv) {
    std::vector<bool> given(entries_.size(), false);
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--help" || arg == "-h") {
        std::fputs(help().c_str(), stdout);
        return 0;
      }
      std::size_t k = 0;
      while (k < entries_.size() && entries_[k].name != arg) ++k;
      if (k == entries_.size())
        return fail(arg.starts_with("-") ? "unknown option " + std::string(arg) : "unexpected argument '" + std::string(arg) + "'");
      const auto& e = entries_[k];
      std::string_view value;
      if (!e.metavar.empty()) {
        if (i + 1 >= argc) return fail("option " + e.name + " needs a value (" + e.metavar + ")");
        value = argv[++i];
      }
      if (const auto expected = e.set(value))
        return fail("bad " + e.name + " '" + std::string(value) + "' (expected " + *expected + ")");
      given[k] = true;
    }
    for (std::size_t k = 0; k < entries_.size(); ++k)
      if (entries_[k].required && !given[k]) return fail("missing " + entries_[k].name + " " + entries_[k].metavar);
    return std::nullopt;
  }

  // "usage: PROGRAM --data DIR [--runs N] [--keep]"
  [[nodiscard]] std::string usage() const {
    std::string line = "usage: " + program_;
    for (const auto& e : entries_) {
      const auto spelled = e.metavar.empty() ? e.name : e.name + " " + e.metavar;
      line += e.required ? " " + spelled : " [" + spelled + "]";
    }
    return line + "\n";
  }

  // What --help prints: the usage line, the description, the options with their defaults.
  [[nodiscard]] std::string help() const {
    std::string text = usage() + "\n" + description_;
    if (!description_.empty() && !description_.ends_with("\n")) text += "\n";
    text += "\noptions:\n";
    std::size_t width = 6;  // "--help"
    for (const auto& e : entries_) width = std::max(width, e.name.size() + (e.metavar.empty() ? 0 : e.metavar.size() + 1));
    auto row = [&](const std::string& spelled, const std::string& help) {  // help's further lines indented
      text += "  " + spelled + std::string(width + 2 - spelled.size(), ' ');
      for (const char c : help) text += c == '\n' ? "\n" + std::string(width + 4, ' ') : std::string(1, c);
      text += "\n";
    };
    for (const auto& e : entries_) {
      std::string help = e.help;
      if (e.required)
        help += " (required)";
      else if (!e.note.empty())
        help += " (" + e.note + ")";
      row(e.metavar.empty() ? e.name : e.name + " " + e.metavar, help);
    }
    row("--help", "this text");
    return text;
  }

 private:
  struct entry {
    std::string name, metavar, help;
    std::string note;  // after the help: "default 5", "at least 1, default 5"; none for flags and empty text
    bool required = false;
    std::function<std::optional<std::string>(std::string_view)> set;  // what was expected, when the value is bad
  };

  template <class Set>
  options& add_option(std::string name, std::string metavar, std::string help, std::string note, Set set) {
    entries_.push_back({std::move(name), std::move(metavar), std::move(help), std::move(note), false, std::move(set)});
    return *this;
  }

  int fail(const std::string& message) const {
    std::fprintf(stderr, "%s: %s\n%s(%s --help describes the options)\n", program_.c_str(), message.c_str(), usage().c_str(),
                 program_.c_str());
    return 2;
  }

  std::string program_, description_;
  std::vector<entry> entries_;
};

}  // namespace bench
