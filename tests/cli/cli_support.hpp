// Running the real `localgov` program from the tests: the data files it is given, input
// files written into the test temporary directory (removed afterwards), a command run with
// stdout and stderr captured separately, and checks of its exit status and both outputs.
#pragma once

#include "../test_support.hpp"

#include <localgov/io/file.hpp>

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace test {

inline std::string program() { return LOCALGOV_TEST_BIN_DIR "/localgov"; }
inline std::string tmp_path(const std::string& name) { return std::string(LOCALGOV_TEST_TMP_DIR) + "/" + name; }
// tmp_path(name) under a prefix unique to this process, so that test binaries running side
// by side do not share files: TMP/PID-NAME.
inline std::string own_tmp_path(const std::string& name) { return tmp_path(std::to_string(::getpid()) + "-" + name); }

// The files the commands are given: the real units and the founding scenario's (a test
// file says `using namespace test::files;`).
namespace files {
inline const std::string units = units_path();
inline const std::string officials = data_path("scenario/officials.csv");
inline const std::string proposals = data_path("scenario/proposals.csv");
inline const std::string events = data_path("scenario/events.csv");
inline const std::string projects = data_path("scenario/projects.csv");
}  // namespace files

// Temporary files an atomic write of `path` left beside it (PATH.tmp*): there must be
// none after a write, whether it succeeded or failed.
inline std::vector<std::string> temp_leftovers(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const auto prefix = p.filename().string() + ".tmp";
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(p.parent_path().empty() ? fs::path(".") : p.parent_path()))
    if (entry.path().filename().string().starts_with(prefix)) found.push_back(entry.path().string());
  return found;
}

// A file in the test temporary directory (own_tmp_path(name)), removed on destruction:
// written byte for byte when given content, else only named (for a program's --output).
class temp_file {
 public:
  explicit temp_file(const std::string& name) : path_(own_tmp_path(name)) {}
  temp_file(const std::string& name, std::string_view content) : temp_file(name) {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    if (f == nullptr) throw std::runtime_error("cannot create " + path_);
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    if (std::fclose(f) != 0 || !ok) throw std::runtime_error("cannot write " + path_);
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  operator const std::string&() const noexcept { return path_; }  // as an argument: {"--units", file}

 private:
  std::string path_;
};

struct run_result {
  int status = -1;  // the exit status; 128 + N when killed by signal N
  std::string out;
  std::string err;

  // The first line of stderr, without its line end.
  [[nodiscard]] std::string first_error() const { return err.substr(0, err.find('\n')); }
};

// Runs `BINARY ARGS...` with stdin from /dev/null and stdout and stderr captured into
// separate files; in directory `cwd` when it is given (so that relative paths, and the
// messages that quote them, read as a user would see them).
inline run_result run_program(const std::string& binary, const std::vector<std::string>& args,
                              const std::string& cwd = {}) {
  static int counter = 0;
  const auto stem = own_tmp_path("run-" + std::to_string(++counter));
  const auto out_path = stem + ".out", err_path = stem + ".err";

  std::vector<std::string> argv_text;
  if (!cwd.empty()) argv_text = {"/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", cwd};
  argv_text.push_back(binary);
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + argv_text.front() + ": " + std::to_string(spawned));
  int raw = 0;
  while (::waitpid(pid, &raw, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waitpid failed");

  run_result result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
  result.out = localgov::io::read_file(out_path);
  result.err = localgov::io::read_file(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

// Runs `localgov ARGS...` as run_program does.
inline run_result run(const std::vector<std::string>& args, const std::string& cwd = {}) {
  return run_program(program(), args, cwd);
}

// The lines of `text`, without line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Whether some line of `text` consists of exactly these whitespace-separated words
// (table rows, whatever their alignment).
inline bool has_row(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& line : lines_of(text)) {
    std::istringstream in(line);
    std::vector<std::string> got;
    for (std::string w; in >> w;) got.push_back(w);
    if (got == words) return true;
  }
  return false;
}

// Runs each `localgov ARGS...` and checks that it fails with status 2, nothing on stdout and
// exactly `error` (and a line end) on stderr.
inline void check_usage_errors(const std::vector<std::pair<std::vector<std::string>, std::string>>& cases) {
  for (const auto& [args, error] : cases) {
    std::string joined;
    for (const auto& a : args) joined += " " + a;
    INFO("localgov" << joined);
    const auto r = run(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == error + "\n");
  }
}

}  // namespace test
