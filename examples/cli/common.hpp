// What every localgov command shares: loading the organisation and printing errors.
#pragma once

#include "args.hpp"

#include <localgov/io/changes_csv.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>
#include <unistd.h>

namespace cli {

// A progress line on stderr for long loads, only when a person is watching.
// Problems on stderr, one a line: the first validation_error::shown_in_full in full and
// a count of the rest (a bad file can have a problem on each of millions of lines).
inline void print_problems(const std::vector<localgov::problem>& problems) {
  const auto shown = std::min(problems.size(), localgov::validation_error::shown_in_full);
  for (std::size_t i = 0; i < shown; ++i) std::fprintf(stderr, "localgov: %s\n", problems[i].to_string().c_str());
  if (problems.size() > shown)
    std::fprintf(stderr, "localgov: and %zu more problems (%zu in all)\n", problems.size() - shown, problems.size());
}

// Throws input_error `id` at field `column` of the record on `line` of the CSV file
// `path`, read again: for a problem found after the file was loaded (a deadline the
// calendar cannot count), which the user still fixes in the file. O(file), once.
[[noreturn]] inline void fail_at_field(const std::string& path, std::uint32_t line, std::string_view column, std::string id,
                                       const std::string& message) {
  const localgov::io::mapped_file file(path);
  localgov::io::csv_reader csv(file, path);
  const auto col = csv.require_column(column);
  while (csv.next())
    if (csv.line() == line) csv.fail(col, std::move(id), message);
  throw localgov::input_error(std::move(id), {path, line, 0}, message);
}

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

inline localgov::organization load_organization(const arguments& args, const localgov::presets::vietnam_options& options = {}) {
  // --as-of checked first, with or without --changes: a bad one is never ignored.
  const auto as_of_text = args.get("as-of");
  const auto as_of = as_of_text ? localgov::date::parse(*as_of_text) : localgov::date::max();
  if (!as_of) throw usage_error("bad --as-of '" + *as_of_text + "' (expected a calendar date YYYY-MM-DD)");
  const auto units = *args.get("units");
  progress("localgov: loading " + units);
  auto org = localgov::presets::vietnam_2025(localgov::io::read_file(units), units, options);
  if (const auto path = args.get("changes"))  // the organisation in force on --as-of (every amendment without one)
    localgov::io::read_changes(org, localgov::io::read_file(*path), *path, *as_of);
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

// Flushes standard output; throws io.cannot_write if it, or a write before it, failed: a
// full disk or a closed pipe is an error (exit 1), not a silent success.
inline void flush_output() {
  if (std::fflush(stdout) != 0) throw localgov::error("io.cannot_write", std::string("standard output: cannot write: ") + std::strerror(errno));
  if (std::ferror(stdout)) throw localgov::error("io.cannot_write", "standard output: cannot write");
}

// Prints to standard output, flushed and checked (see flush_output).
inline void print_output(const std::string& content) {
  if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size())
    throw localgov::error("io.cannot_write", std::string("standard output: cannot write: ") + std::strerror(errno));
  flush_output();
}

// Writes a command's output: to --output atomically, or to standard output (print_output).
inline void write_output(const arguments& args, const std::string& content) {
  if (const auto path = args.get("output"))
    localgov::io::write_file_atomically(*path, content);
  else
    print_output(content);
}

// Ends the program with `status`, its output written, without destroying what it built:
// a report of a million proposals holds some 300 MB in 200,000 blocks, which the system
// takes back at once where freeing them one by one took ~50 ms (measured: `localgov
// report` 0.62 -> 0.56 s, medians of 9 alternating runs). Flushes stdout and stderr first.
[[noreturn]] inline void exit_now(int status) {
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);
}

}  // namespace cli
