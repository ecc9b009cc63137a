// Bodies of io/graphviz.hpp: finding a program on PATH and running Graphviz's `dot`.
#pragma once

#include <localgov/io/graphviz.hpp>

#include <localgov/error.hpp>
#include <localgov/io/file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if !defined(_WIN32)
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace io {

LOCALGOV_DECL std::optional<std::string> find_program(std::string_view program) {
#if defined(_WIN32)
  static_cast<void>(program);
  return std::nullopt;
#else
  auto executable = [](const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
  };
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string_view::npos) {
    std::string path(program);
    return executable(path) ? std::optional<std::string>(path) : std::nullopt;
  }
  const char* env = std::getenv("PATH");
  std::string_view dirs = env != nullptr ? env : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    const auto candidate = dir + "/" + std::string(program);
    if (executable(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
#endif
}

LOCALGOV_DECL void render_dot(std::string_view dot_text, std::string_view format, const std::string& output,
                              std::string_view program) {
  const auto dot = find_program(program);
  if (!dot)
    throw error("graphviz.not_found",
                "cannot render " + std::string(format) + ": Graphviz's '" + std::string(program) +
                    "' is not on PATH (Debian: apt-get install graphviz); write DOT and run: dot -T" +
                    std::string(format) + " FILE.dot -o FILE." + std::string(format));
#if defined(_WIN32)
  throw error("graphviz.failed", "rendering is not supported on this platform");
#else
  const char* tmpdir = std::getenv("TMPDIR");
  std::string temp = std::string(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp") + "/localgov-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw error("io.cannot_write", temp + ": cannot create: " + std::strerror(errno));
  std::size_t written = 0;
  while (written < dot_text.size()) {
    const auto n = ::write(fd, dot_text.data() + written, dot_text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      std::remove(temp.c_str());
      throw error("io.cannot_write", temp + ": cannot write: " + reason);
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);

  // dot writes a picture beside `output`, renamed over it only when dot succeeds: a
  // failed or killed run leaves the old picture, never half a new one.
  std::string picture;
  if (!output.empty()) {
    try {
      const auto sibling = detail::create_sibling_temp(output);
      ::close(sibling.fd);
      picture = sibling.path;
    } catch (...) {
      std::remove(temp.c_str());
      throw;
    }
  }
  std::vector<std::string> args{*dot, "-T" + std::string(format)};
  if (!output.empty()) args.insert(args.end(), {"-o", picture});
  args.push_back(temp);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // dot's own messages go to a file: quoted in the error when it fails, passed on to
  // standard error (warnings) when it succeeds.
  const std::string messages = temp + ".err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, messages.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (spawned == 0)
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  std::remove(temp.c_str());
  std::string said;
  if (std::FILE* f = std::fopen(messages.c_str(), "rb")) {
    char buffer[4096];
    for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) said.append(buffer, n);
    std::fclose(f);
  }
  std::remove(messages.c_str());
  const bool succeeded = spawned == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!picture.empty() && !succeeded) std::remove(picture.c_str());
  if (spawned != 0) throw error("graphviz.failed", "cannot run " + *dot + ": " + std::strerror(spawned));
  if (!succeeded) {
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    throw error("graphviz.failed", *dot + " -T" + std::string(format) + " failed" +
                                       (WIFEXITED(status) ? " with status " + std::to_string(WEXITSTATUS(status))
                                                          : std::string(" (killed)")) +
                                       (said.empty() ? std::string() : ": " + said));
  }
  if (!picture.empty()) detail::replace_with(picture, output);
  if (!said.empty()) std::fwrite(said.data(), 1, said.size(), stderr);
#endif
}

}  // namespace io
LOCALGOV_NAMESPACE_END
