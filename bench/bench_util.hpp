// Small helpers shared by the benchmark programs (Linux: /proc, fork, wait4):
//   bench::stopwatch, bench::time_ms(fn), bench::repeat_ms(runs, fn), bench::summarize(samples)
//   bench::median(samples), bench::proc_status_kb("VmRSS"), bench::measure_in_child(fn),
//   bench::minor_faults(), bench::keep_freed_memory(),
//   bench::fresh_pages(bytes), bench::warm_memory(bytes)
//   bench::find_program("sqlite3"), bench::program_beside_this("localgov"),
//   bench::run_process(argv), bench::process_runner
//   bench::heap (live/peak heap bytes, when LOCALGOV_BENCH_COUNT_ALLOCATIONS is defined)
//   bench::rng (splitmix64), bench::scratch_dir, bench::write_text(path, text),
//   bench::sqlite_run_times_ms(out) (the "Run Time: real" lines of sqlite3's .timer on)
// Timing is wall-clock on std::chrono::steady_clock; memory is what the kernel reports
// (resident set) or, for heap counting, what malloc hands out (malloc_usable_size).
#pragma once

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <localgov/testing/splitmix64.hpp>

namespace bench {

// ---- timing -------------------------------------------------------------------------

// Keeps the optimiser from discarding a computed value.
template <class T>
inline void keep(const T& value) {
  asm volatile("" : : "g"(&value) : "memory");
}

// Wall-clock time since construction (or restart()), for timing part of a scope:
//   bench::stopwatch watch; auto org = build(); samples.push_back(watch.ms());  // not the destructor
class stopwatch {
 public:
  [[nodiscard]] double ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  }
  void restart() { start_ = std::chrono::steady_clock::now(); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Wall-clock milliseconds spent in fn().
template <class F>
[[nodiscard]] double time_ms(F&& fn) {
  const stopwatch watch;
  std::forward<F>(fn)();
  return watch.ms();
}

// fn() timed `runs` times, one sample per run, in order.
template <class F>
[[nodiscard]] std::vector<double> repeat_ms(int runs, F&& fn) {
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) samples.push_back(time_ms(fn));
  return samples;
}

// The median (mean of the middle two for an even count); 0 for no samples.
[[nodiscard]] inline double median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto n = samples.size();
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

struct summary {
  double median = 0, min = 0, max = 0;
  std::size_t runs = 0;
};

[[nodiscard]] inline summary summarize(const std::vector<double>& samples) {
  if (samples.empty()) return {};
  const auto [lo, hi] = std::minmax_element(samples.begin(), samples.end());
  return {median(samples), *lo, *hi, samples.size()};
}

// ---- memory -------------------------------------------------------------------------

// A "Name:  123 kB" field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: peak
// resident); -1 when unavailable.
[[nodiscard]] inline long proc_status_kb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 && line[field.size()] == ':')
      return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
  return -1;
}

// Page faults this process has taken that needed no I/O (first touch of new memory,
// mostly); -1 when unavailable. The difference across a piece of code says how many
// fresh pages it touched.
[[nodiscard]] inline long minor_faults() {
  rusage usage{};
  return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_minflt : -1;
}

// Makes malloc keep and reuse memory that is freed (no unmapping of large blocks, no
// trimming of the heap), so that a measurement repeated in one process touches no new
// pages after its first run: the cost of the work without that of first-touch page
// faults. For the rest of the process.
inline void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
}

// Resets VmHWM to the current VmRSS (Linux 4.0+); false when the kernel refuses.
inline bool reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

// Heap bytes as malloc hands them out, counted by replacement operators new/delete that
// the program opts into by defining LOCALGOV_BENCH_COUNT_ALLOCATIONS before including
// this header (in its one translation unit). Counting is off until enabled, so timed
// code pays one branch per allocation.
struct heap {
  static inline bool counting = false;
  static inline std::size_t live = 0;         // bytes allocated and not yet freed while counting
  static inline std::size_t peak = 0;         // the most `live` has been since reset()
  static inline std::size_t allocations = 0;  // calls to operator new while counting
  static void reset() noexcept { live = peak = allocations = 0; }
  static void on_allocate(void* p) noexcept {
    if (!counting || p == nullptr) return;
    live += malloc_usable_size(p);
    peak = (std::max)(peak, live);
    ++allocations;
  }
  static void on_free(void* p) noexcept {
    if (!counting || p == nullptr) return;
    const auto n = malloc_usable_size(p);
    live = live >= n ? live - n : 0;  // blocks from before counting began are not in `live`
  }
};

// `bytes` of fresh anonymous memory with every page written once, unmapped on
// destruction: the cost of first-touch page faults alone, for comparison with a build
// whose resident set grows by as much. Throws std::bad_alloc if the mapping fails.
class fresh_pages {
 public:
  explicit fresh_pages(std::size_t bytes) : size_(bytes) {
    if (size_ == 0) return;
    void* p = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<volatile char*>(p);
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    for (std::size_t i = 0; i < size_; i += page) data_[i] = 1;
  }
  fresh_pages(const fresh_pages&) = delete;
  fresh_pages& operator=(const fresh_pages&) = delete;
  ~fresh_pages() {
    if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
  }

 private:
  std::size_t size_;
  volatile char* data_ = nullptr;
};

// What measure_in_child() saw. Values are -1 where not measured.
struct child_memory {
  long rss_before_kb = -1;  // VmRSS just before fn()
  long peak_kb = -1;        // VmHWM after fn() (reset to VmRSS before it)
  long rss_after_kb = -1;   // VmRSS after fn(), while what it built is still alive
  long long heap_live = -1;  // heap bytes live after fn() (counted allocations only)
  long long heap_peak = -1;  // the most heap bytes live during fn()
  long long heap_allocations = -1;
  double wall_ms = -1;  // how long fn() took: a cold run, in a process that has not run it before
  [[nodiscard]] long peak_growth_kb() const { return peak_kb < 0 || rss_before_kb < 0 ? -1 : peak_kb - rss_before_kb; }
};

// Touches `bytes` of new memory (in huge pages where the kernel gives them) and unmaps
// it. A VM whose host takes back the memory its guest frees (Linux free page reporting;
// these machines run under PVM with it on) makes the next first touch of that memory
// pay the host's fault too: measured here, 180 ms per 100 MB against 7 when warm. The
// pages freed here go back to the guest's free lists, still backed by the host, and are
// what the next allocations get: a run that follows finds its memory as warm as the
// machine allows, whatever ran before it (within the seconds before the guest reports
// free memory again). Returns the milliseconds it took: how cold the memory was.
inline double warm_memory(std::size_t bytes) {
  const stopwatch watch;
  if (bytes == 0) return 0;
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, bytes, MADV_HUGEPAGE);
#endif
  auto* data = static_cast<volatile char*>(p);
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  for (std::size_t i = 0; i < bytes; i += page) data[i] = 1;
  munmap(p, bytes);
  return watch.ms();
}

// The share of a file that the page cache holds in 2 MiB pages, as a mapping of it sees
// them (FilePmdMapped over Rss in /proc/self/smaps, after a read of every page); -1 if it
// cannot tell. Why it is printed: a program that maps its input reads such a file some ten
// times faster than one cached in 4 KiB pages (a pass over 116 MB: 4.5 against 56 ms
// here), and which one a benchmark finds depends on how the file was written or first
// read (a write of the whole file at once, or a read through a mapping advised
// MADV_HUGEPAGE, give 2 MiB pages when the kernel has them free).
[[nodiscard]] inline double file_in_huge_pages(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  const off_t size = lseek(fd, 0, SEEK_END);
  void* map = size > 0 ? mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  close(fd);
  if (map == MAP_FAILED) return -1;
  const auto* bytes = static_cast<const volatile char*>(map);
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  for (std::size_t i = 0; i < static_cast<std::size_t>(size); i += page) (void)bytes[i];
  char start[32];
  std::snprintf(start, sizeof start, "%lx-", static_cast<unsigned long>(reinterpret_cast<std::uintptr_t>(map)));
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_map = false;
  long rss_kb = -1, pmd_kb = -1;
  while (std::getline(smaps, line)) {
    if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' '))
      in_map = line.rfind(start, 0) == 0;
    else if (in_map && line.rfind("Rss:", 0) == 0)
      rss_kb = std::atol(line.c_str() + 4);
    else if (in_map && line.rfind("FilePmdMapped:", 0) == 0)
      pmd_kb = std::atol(line.c_str() + 14);
  }
  munmap(map, static_cast<std::size_t>(size));
  return rss_kb > 0 && pmd_kb >= 0 ? static_cast<double>(pmd_kb) / static_cast<double>(rss_kb) : -1;
}

// Runs fn() once in a forked child, so that the measurement starts from the parent's
// state and is not flattered by memory freed by earlier runs and kept by malloc. fn()
// must keep what it builds alive until it returns a value; the value is then destroyed
// after the after-figures are taken. before(), if given, runs in the child first, outside
// the measurement (e.g. warm_memory). Returns nullopt if the child fails.
template <class F, class Before = void (*)()>
[[nodiscard]] std::optional<child_memory> measure_in_child(F&& fn, Before&& before = [] {}) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    close(fds[0]);
    child_memory m;
    try {
      before();
      reset_peak_rss();
      m.rss_before_kb = proc_status_kb("VmRSS");
      heap::reset();
      heap::counting = true;
      const stopwatch watch;
      const auto result = fn();
      m.wall_ms = watch.ms();
      heap::counting = false;
      m.rss_after_kb = proc_status_kb("VmRSS");
      m.peak_kb = proc_status_kb("VmHWM");
      keep(result);
#ifdef LOCALGOV_BENCH_COUNT_ALLOCATIONS
      m.heap_live = static_cast<long long>(heap::live);
      m.heap_peak = static_cast<long long>(heap::peak);
      m.heap_allocations = static_cast<long long>(heap::allocations);
#endif
    } catch (...) {
      _exit(1);
    }
    const bool ok = write(fds[1], &m, sizeof m) == static_cast<ssize_t>(sizeof m);
    _exit(ok ? 0 : 1);
  }
  close(fds[1]);
  child_memory m;
  const bool got = read(fds[0], &m, sizeof m) == static_cast<ssize_t>(sizeof m);
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return m;
}

// ---- subprocesses -------------------------------------------------------------------

// The full path of an executable found in PATH (or `name` itself if it has a '/').
[[nodiscard]] inline std::optional<std::string> find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? std::optional(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const auto dir = dirs.substr(0, colon);
    const std::string candidate = std::string(dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
  }
  return std::nullopt;
}

// The path of a program in the same directory as this one (bin/), or `name` itself if
// this program's path cannot be read.
[[nodiscard]] inline std::string program_beside_this(const std::string& name) {
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return name;
  const std::string path(self, static_cast<std::size_t>(n));
  return path.substr(0, path.rfind('/') + 1) + name;
}

struct process_result {
  int exit_code = -1;   // the exit status; 128 + signal when killed; 127 when exec failed
  double wall_ms = 0;   // fork to reaped, including start-up and exit
  long max_rss_kb = -1;  // peak resident set (wait4's ru_maxrss)
  long minor_faults = -1;  // page faults without I/O (wait4's ru_minflt): mostly first touches of new memory
  std::string out;      // everything written to stdout
  std::string err;      // everything written to stderr
};

// Runs argv[0] (searched in PATH) with stdin from /dev/null, capturing stdout and stderr.
// max_rss_kb is at least what this process had resident when it forked (see
// process_runner, which avoids that).
[[nodiscard]] inline process_result run_process(const std::vector<std::string>& argv) {
  process_result r;
  if (argv.empty()) return r;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return r;
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return r;
  }
  std::fflush(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null >= 0) dup2(null, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);  // the copies lose O_CLOEXEC; the originals close at exec
    dup2(err[1], STDERR_FILENO);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  if (pid < 0) {
    close(out[0]);
    close(err[0]);
    return r;
  }
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buffer[1 << 14];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  r.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  r.minor_faults = usage.ru_minflt;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
  return r;
}

namespace detail {
inline bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}
inline bool read_all(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}
inline bool write_string(int fd, const std::string& s) {
  const std::uint64_t n = s.size();
  return write_all(fd, &n, sizeof n) && write_all(fd, s.data(), s.size());
}
inline bool read_string(int fd, std::string& s) {
  std::uint64_t n = 0;
  if (!read_all(fd, &n, sizeof n)) return false;
  s.resize(n);
  return read_all(fd, s.data(), n);
}
}  // namespace detail

// Runs subprocesses from a helper process forked when the runner is constructed.
// Why: a child's ru_maxrss counts the memory it was forked with (the kernel carries the
// pre-exec peak across exec), so a peer started by run_process() from a benchmark that
// has built 30 MiB of objects reports at least 30 MiB. Construct the runner first thing
// in main, while the process is small; run() then reports the peer's own peak (floor:
// the helper's few hundred KiB of private pages, below any real program's).
class process_runner {
 public:
  process_runner() {
    int request[2], reply[2];
    if (pipe2(request, O_CLOEXEC) != 0) return;
    if (pipe2(reply, O_CLOEXEC) != 0) {
      close(request[0]);
      close(request[1]);
      return;
    }
    std::fflush(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      close(request[1]);
      close(reply[0]);
      serve(request[0], reply[1]);
      _exit(0);
    }
    close(request[0]);
    close(reply[1]);
    if (pid_ < 0) {
      close(request[1]);
      close(reply[0]);
      return;
    }
    to_helper_ = request[1];
    from_helper_ = reply[0];
  }
  process_runner(const process_runner&) = delete;
  process_runner& operator=(const process_runner&) = delete;
  ~process_runner() {
    if (pid_ <= 0) return;
    close(to_helper_);  // the helper exits at the end of its requests
    close(from_helper_);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }

  // As run_process(argv), from the helper (or directly, if the helper could not be
  // started); exit_code -1 if the helper is gone.
  [[nodiscard]] process_result run(const std::vector<std::string>& argv) {
    if (pid_ <= 0) return run_process(argv);
    process_result r;
    const std::uint64_t n = argv.size();
    bool ok = detail::write_all(to_helper_, &n, sizeof n);
    for (const auto& a : argv) ok = ok && detail::write_string(to_helper_, a);
    ok = ok && detail::read_all(from_helper_, &r.exit_code, sizeof r.exit_code) &&
         detail::read_all(from_helper_, &r.wall_ms, sizeof r.wall_ms) &&
         detail::read_all(from_helper_, &r.max_rss_kb, sizeof r.max_rss_kb) &&
         detail::read_all(from_helper_, &r.minor_faults, sizeof r.minor_faults) && detail::read_string(from_helper_, r.out) &&
         detail::read_string(from_helper_, r.err);
    if (!ok) r.exit_code = -1;
    return r;
  }

 private:
  static void serve(int in, int out) {
    for (;;) {
      std::uint64_t n = 0;
      if (!detail::read_all(in, &n, sizeof n)) return;
      std::vector<std::string> argv(n);
      for (auto& a : argv)
        if (!detail::read_string(in, a)) return;
      const auto r = run_process(argv);
      if (!detail::write_all(out, &r.exit_code, sizeof r.exit_code) || !detail::write_all(out, &r.wall_ms, sizeof r.wall_ms) ||
          !detail::write_all(out, &r.max_rss_kb, sizeof r.max_rss_kb) ||
          !detail::write_all(out, &r.minor_faults, sizeof r.minor_faults) || !detail::write_string(out, r.out) ||
          !detail::write_string(out, r.err))
        return;
    }
  }

  pid_t pid_ = -1;
  int to_helper_ = -1, from_helper_ = -1;
};

// ---- generated data and scratch files ------------------------------------------------

// The generator of the benchmarks' inputs (localgov::testing::splitmix64): the same
// sequence on every platform and standard library, so that generated inputs are identical
// from run to run and machine to machine.
using rng = localgov::testing::splitmix64;

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on
// destruction unless keep() was called. Throws std::runtime_error if it cannot be made.
class scratch_dir {
 public:
  explicit scratch_dir(const std::string& prefix = "localgov-bench") {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("cannot make a directory " + templ + ": " + std::strerror(errno));
    path_ = templ;
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  ~scratch_dir() {
    std::error_code ignored;
    if (!keep_) std::filesystem::remove_all(path_, ignored);
  }
  // Leaves the directory and its files in place (to rerun or profile a peer by hand).
  void keep() noexcept { keep_ = true; }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  // path()/name
  [[nodiscard]] std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
  bool keep_ = false;
};

// Writes `text` to `path`, replacing it. Throws std::runtime_error on failure.
inline void write_text(const std::string& path, std::string_view text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

// The wall-clock times, in ms and in order, of the statements sqlite3 ran with
// `.timer on` ("Run Time: real 0.123 user 0.120000 sys 0.003000" after each one).
[[nodiscard]] inline std::vector<double> sqlite_run_times_ms(std::string_view out) {
  std::vector<double> times;
  constexpr std::string_view tag = "Run Time: real ";
  for (auto at = out.find(tag); at != std::string_view::npos; at = out.find(tag, at + tag.size()))
    times.push_back(std::strtod(std::string(out.substr(at + tag.size(), 32)).c_str(), nullptr) * 1000);
  return times;
}

}  // namespace bench

#ifdef LOCALGOV_BENCH_COUNT_ALLOCATIONS
// Replacement allocation functions (one definition per program: define the macro in one
// translation unit only). The array and nothrow forms of libstdc++ forward to these.
void* operator new(std::size_t size) {
  void* p = std::malloc(size ? size : 1);
  if (p == nullptr) throw std::bad_alloc();
  bench::heap::on_allocate(p);
  return p;
}
void* operator new(std::size_t size, std::align_val_t align) {
  const auto a = static_cast<std::size_t>(align);
  void* p = std::aligned_alloc(a, size ? (size + a - 1) / a * a : a);  // a multiple of the alignment
  if (p == nullptr) throw std::bad_alloc();
  bench::heap::on_allocate(p);
  return p;
}
void operator delete(void* p) noexcept {
  bench::heap::on_free(p);
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  bench::heap::on_free(p);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t, std::align_val_t align) noexcept { operator delete(p, align); }
#endif
