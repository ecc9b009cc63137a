// Whole-file reads with clear errors, and writes that never leave a truncated file.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#if !defined(_WIN32)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// The whole file as bytes. Throws input_error("io.cannot_read") naming the file and the
// reason. A regular file is read straight into a string of its size (one pass over the
// memory: growing by doubling would copy it and touch twice as much, and on a large file
// the page faults are the dearest part); anything else (a pipe) is read in blocks.
inline std::string read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
  std::string data;
#if !defined(_WIN32)
  struct stat st {};
  if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    // Sized once, then filled: resize_and_overwrite would spare the zeroing (C++23).
    data.resize(static_cast<std::size_t>(st.st_size));
    data.resize(std::fread(data.data(), 1, data.size(), f));  // shorter if the file shrank meanwhile
  }
#endif
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, got);  // the rest, if any
  const bool failed = std::ferror(f) != 0;
  const int reason = errno;  // e.g. EISDIR: fopen accepts a directory, fread refuses it
  std::fclose(f);
  if (failed) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot read: ") + std::strerror(reason));
  return data;
}

// A file's bytes, read-only, for the loaders: a regular file is mapped into memory (no
// copy into a buffer, no zeroing of one), anything else is read with read_file. The bytes stay valid while the object lives; a
// file truncated by another program meanwhile is outside the contract (as with any
// mapping, reading past its new end is a SIGBUS). Move-only. Throws as read_file.
//   const io::mapped_file text("events.csv");
//   io::read_events(track, text, "events.csv");
class mapped_file {
 public:
  explicit mapped_file(const std::string& path) {
#if !defined(_WIN32)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      const auto size = static_cast<std::size_t>(st.st_size);
      // Not MAP_POPULATE: that would make the whole file resident at once, and a loader
      // lets go of what it has read (release_before) to keep a large file's footprint small.
      void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (at != MAP_FAILED) {
        ::madvise(at, size, MADV_SEQUENTIAL);  // read ahead generously; a hint only
        map_ = static_cast<const char*>(at);
        size_ = size;
      }
    }
    ::close(fd);
    if (map_ != nullptr) return;
#endif
    copy_ = read_file(path);  // not a regular file, empty, or not mappable
  }
  mapped_file(mapped_file&& other) noexcept
      : map_(std::exchange(other.map_, nullptr)), size_(std::exchange(other.size_, 0)), copy_(std::move(other.copy_)) {}
  mapped_file& operator=(mapped_file&& other) noexcept {
    if (this != &other) {
      release();
      map_ = std::exchange(other.map_, nullptr), size_ = std::exchange(other.size_, 0), copy_ = std::move(other.copy_);
    }
    return *this;
  }
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;
  ~mapped_file() { release(); }

  [[nodiscard]] std::string_view text() const noexcept { return map_ != nullptr ? std::string_view(map_, size_) : copy_; }
  // Whether the bytes are a mapping (release_before has an effect).
  [[nodiscard]] bool mapped() const noexcept { return map_ != nullptr; }

  // Tells the system the bytes before `offset` are not needed for now: their pages leave
  // the process's resident set. Reading them again is still correct (they come back from
  // the file), so this only ever costs time. A mapped 1 GB file read front to back thus
  // stays a few MB resident. Whole pages only; no effect on a copy. O(pages released).
  void release_before(std::size_t offset) const noexcept {
#if !defined(_WIN32)
    if (map_ == nullptr) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t length = std::min(offset, size_) / page * page;
    if (length > 0) ::madvise(const_cast<char*>(map_), length, MADV_DONTNEED);
#else
    (void)offset;
#endif
  }
  operator std::string_view() const noexcept { return text(); }  // NOLINT: reads like a std::string

 private:
  void release() noexcept {
#if !defined(_WIN32)
    if (map_ != nullptr) ::munmap(const_cast<char*>(map_), size_);
#endif
    map_ = nullptr, size_ = 0;
  }

  const char* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;
};

namespace detail_file {

// A new file beside `path` (same directory, so that renaming it over `path` is atomic),
// named PATH.tmp-PID-N so that two writers, in one process or several, never share
// one. Created with O_EXCL and mode 0666 less the umask, as the final file would be.
struct sibling_temp {
  int fd = -1;
  std::string path;
};

[[nodiscard]] inline sibling_temp create_sibling_temp(const std::string& path) {
#if defined(_WIN32)
  return {-1, path + ".tmp"};
#else
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0;; ++attempt) {
    std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return {fd, std::move(temp)};
    if (errno != EEXIST || attempt == 100)  // EEXIST: left by a crashed run with our pid
      throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
  }
#endif
}

// Renames `temp` over `path` and makes the rename durable (fsync of the directory); on
// failure removes `temp` and throws io.cannot_write naming `path`.
inline void replace_with(const std::string& temp, const std::string& path) {
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temp.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + reason);
  }
#if !defined(_WIN32)
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  if (const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);  // best effort: some file systems refuse fsync on a directory
    ::close(fd);
  }
#endif
}

}  // namespace detail_file

// Writes `content` to a new file beside PATH, flushes it to disk and renames it over
// PATH: readers, and PATH after a crash or a kill, see the old file or the whole new one,
// never a partial write. Concurrent writers of one PATH do not clobber each other's
// temporary file; the last rename wins. Throws error("io.cannot_write") naming PATH.
inline void write_file_atomically(const std::string& path, std::string_view content) {
#if defined(_WIN32)
  const std::string temp = path + ".tmp";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) {
    const std::string reason = std::strerror(errno);
    std::remove(temp.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + reason);
  }
  detail_file::replace_with(temp, path);
#else
  const auto temp = detail_file::create_sibling_temp(path);
  auto fail = [&](int reason) {
    ::close(temp.fd);
    std::remove(temp.path.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + std::strerror(reason));
  };
  for (std::size_t written = 0; written < content.size();) {
    const auto n = ::write(temp.fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(n < 0 ? errno : EIO);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(temp.fd) != 0) fail(errno);
  if (::close(temp.fd) != 0) {
    const int reason = errno;
    std::remove(temp.path.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + std::strerror(reason));
  }
  detail_file::replace_with(temp.path, path);
#endif
}

}  // namespace io
LOCALGOV_NAMESPACE_END
