// Running the real `localgov` program from the tests: write input files into the test
// temporary directory, run a command with stdout and stderr captured separately, and
// look at the exit status and both outputs.
#pragma once

#include <localgov/io/file.hpp>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace test {

inline std::string program() { return LOCALGOV_TEST_BIN_DIR "/localgov"; }
inline std::string tmp_path(const std::string& name) { return std::string(LOCALGOV_TEST_TMP_DIR) + "/" + name; }

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

// Writes `content` byte for byte to the test temporary directory, under a name unique
// to this process; returns its path.
inline std::string write_temp(const std::string& name, std::string_view content) {
  const auto path = tmp_path(std::to_string(::getpid()) + "-" + name);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot create " + path);
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  if (std::fclose(f) != 0 || !ok) throw std::runtime_error("cannot write " + path);
  return path;
}

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
  const auto stem = tmp_path("run-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
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

}  // namespace test
