// What every localgov command shares: loading the organisation and printing errors.
#pragma once

#include "args.hpp"

#include <localgov/io/changes_csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <unistd.h>

namespace cli {

// A progress line on stderr for long loads, only when a person is watching.
inline void progress(const std::string& what) {
  static const bool terminal = ::isatty(2) != 0;
  if (terminal) std::fprintf(stderr, "\r\033[K%s", what.c_str());
}
inline void progress_done() {
  static const bool terminal = ::isatty(2) != 0;
  if (terminal) std::fprintf(stderr, "\r\033[K");
}

// The national organisation from --units, with --changes (amendments in force on
// --as-of), --lines and --officials when given.
// Large files are parsed in a second thread when the machine has a core to spare.
inline localgov::io::read_options read_options() {
  return {.parallel = std::thread::hardware_concurrency() > 1};
}

inline localgov::organization load_organization(const arguments& args) {
  const auto units = *args.get("units");
  progress("localgov: loading " + units);
  auto org = localgov::presets::vietnam_2025(localgov::io::read_file(units), units);
  if (const auto path = args.get("changes")) {
    // The organisation in force on --as-of (every amendment when there is none).
    const auto as_of_text = args.get("as-of");
    const auto as_of = as_of_text ? localgov::date::parse(*as_of_text) : localgov::date::max();
    if (!as_of) throw usage_error("bad --as-of '" + *as_of_text + "' (expected a calendar date YYYY-MM-DD)");
    localgov::io::read_changes(org, localgov::io::read_file(*path), *path, *as_of);
  }
  if (const auto path = args.get("lines")) {
    progress("localgov: loading " + *path);
    localgov::io::read_lines(org, localgov::io::read_file(*path), *path);
  }
  if (const auto path = args.get("officials")) {
    progress("localgov: loading " + *path);
    localgov::io::read_officials(org, localgov::io::read_file(*path), *path);
  }
  progress_done();
  return org;
}

inline void write_output(const arguments& args, const std::string& content) {
  if (const auto path = args.get("output")) {
    localgov::io::write_file_atomically(*path, content);
  } else {
    std::fwrite(content.data(), 1, content.size(), stdout);
  }
}

}  // namespace cli
