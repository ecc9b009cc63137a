// Command-line parsing for the localgov program: --name VALUE, --name=VALUE, flags,
// positionals, with usage errors that say what was expected.
#pragma once

#include <localgov/detail/strings.hpp>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// Wrong usage: the program prints it and exits with status 2.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct option {
  std::string_view name;        // without the leading "--"
  std::string_view value_name;  // empty for a flag
  std::string_view help;
  bool required = false;
};

struct command {
  std::string_view name;
  std::string_view summary;
  std::vector<option> options;
  std::string_view positional;  // e.g. "QUERY"; empty when none is taken
  std::string_view example;
};

class arguments {
 public:
  [[nodiscard]] bool has(std::string_view name) const { return values_.contains(std::string(name)); }
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const {
    if (auto it = values_.find(std::string(name)); it != values_.end()) return it->second;
    return std::nullopt;
  }
  [[nodiscard]] std::string get_or(std::string_view name, std::string fallback) const {
    auto v = get(name);
    return v ? *v : std::move(fallback);
  }
  [[nodiscard]] const std::vector<std::string>& positionals() const noexcept { return positionals_; }

  // One of a fixed set of values, or a usage error listing them.
  [[nodiscard]] std::string choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                                   std::string_view fallback) const {
    const auto value = get_or(name, std::string(fallback));
    std::string list;
    for (auto a : allowed) {
      if (a == value) return value;
      localgov::detail::append_joined(list, ", ", std::string(a));
    }
    throw usage_error("bad --" + std::string(name) + " '" + value + "' (expected one of: " + list + ")");
  }

  // A non-negative integer, or a usage error.
  [[nodiscard]] std::optional<long long> integer(std::string_view name) const {
    const auto value = get(name);
    if (!value) return std::nullopt;
    long long n = 0;
    bool ok = !value->empty() && value->size() <= 18;
    for (char c : *value) {
      ok = ok && c >= '0' && c <= '9';
      if (ok) n = n * 10 + (c - '0');  // only digits: 18 of them cannot overflow
    }
    if (!ok) throw usage_error("bad --" + std::string(name) + " '" + *value + "' (expected a non-negative integer)");
    return n;
  }

 private:
  friend arguments parse(const command&, const std::vector<std::string_view>&);
  std::map<std::string, std::string> values_;
  std::vector<std::string> positionals_;
};

// Help text: what the command does, its options, and an example.
inline std::string help(const command& cmd) {
  std::string out = "usage: localgov " + std::string(cmd.name);
  for (const auto& o : cmd.options) {
    std::string part = "--" + std::string(o.name) + (o.value_name.empty() ? "" : " " + std::string(o.value_name));
    out += o.required ? " " + part : " [" + part + "]";
  }
  if (!cmd.positional.empty()) out += " " + std::string(cmd.positional);
  out += "\n\n" + std::string(cmd.summary) + "\n\noptions:\n";
  for (const auto& o : cmd.options) {
    std::string left = "  --" + std::string(o.name) + (o.value_name.empty() ? "" : " " + std::string(o.value_name));
    if (left.size() < 26) left.resize(26, ' ');
    else left += "  ";
    out += left + std::string(o.help) + "\n";
  }
  out += "  --help                  this text\n\nexample:\n  " + std::string(cmd.example) + "\n";
  return out;
}

// Parses the arguments after the command name. Throws usage_error.
inline arguments parse(const command& cmd, const std::vector<std::string_view>& args) {
  arguments parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto arg = args[i];
    if (arg.size() > 2 && arg.starts_with("--")) {
      auto name = arg.substr(2);
      std::optional<std::string_view> inline_value;
      if (const auto eq = name.find('='); eq != std::string_view::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      const option* spec = nullptr;
      for (const auto& o : cmd.options)
        if (o.name == name) spec = &o;
      if (spec == nullptr)
        throw usage_error("unknown option --" + std::string(name) + " for '" + std::string(cmd.name) +
                          "' (see: localgov " + std::string(cmd.name) + " --help)");
      if (parsed.has(name)) throw usage_error("option --" + std::string(name) + " given twice");
      std::string value;
      if (spec->value_name.empty()) {
        if (inline_value) throw usage_error("option --" + std::string(name) + " takes no value");
      } else if (inline_value) {
        value = std::string(*inline_value);
      } else {
        if (i + 1 >= args.size())
          throw usage_error("option --" + std::string(name) + " needs a value (" + std::string(spec->value_name) + ")");
        // `--units --proposals P.csv`: the value was left out, not named "--proposals"
        // (a value that starts with "--" is given as --units=--odd-name).
        if (const std::string_view next = args[i + 1]; next.size() > 2 && next.starts_with("--"))
          throw usage_error("option --" + std::string(name) + " needs a value (" + std::string(spec->value_name) + "), not the option " +
                            std::string(next));
        value = std::string(args[++i]);
      }
      if (!spec->value_name.empty() && value.empty())  // --units= or --units ""
        throw usage_error("option --" + std::string(name) + " needs a value (" + std::string(spec->value_name) + ")");
      parsed.values_.emplace(std::string(name), std::move(value));
    } else if (arg == "--") {
      for (++i; i < args.size(); ++i) parsed.positionals_.emplace_back(args[i]);
    } else if (arg.size() > 1 && arg.starts_with("-")) {
      throw usage_error("unknown option " + std::string(arg) + " (options are spelled --name; see: localgov " +
                        std::string(cmd.name) + " --help)");
    } else {
      parsed.positionals_.emplace_back(arg);
    }
  }
  for (const auto& o : cmd.options)
    if (o.required && !parsed.has(o.name))
      throw usage_error("missing --" + std::string(o.name) + " " + std::string(o.value_name) + " (see: localgov " +
                        std::string(cmd.name) + " --help)");
  if (cmd.positional.empty() && !parsed.positionals_.empty())
    throw usage_error("unexpected argument '" + parsed.positionals_.front() + "'");
  if (!cmd.positional.empty() && parsed.positionals_.size() != 1)
    throw usage_error("expected one " + std::string(cmd.positional) + " argument, got " +
                      std::to_string(parsed.positionals_.size()));
  return parsed;
}

}  // namespace cli
