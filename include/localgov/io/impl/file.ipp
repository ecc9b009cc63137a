// Bodies of io/file.hpp: whole-file reads, the file mapping, atomic writes.
#pragma once

#include <localgov/io/file.hpp>

#include <localgov/detail/utf8_scan.hpp>
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

LOCALGOV_DECL std::string read_file(const std::string& path) {
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
  // The rest, if any (all of a stream), checked as it comes: a stream of bytes that are not
  // text (/dev/zero, /dev/urandom) ends at its first bad byte, and none is read past
  // max_stream_bytes. A character may straddle two blocks: the last three bytes of one
  // are checked with the next.
  const std::size_t whole = data.size();
  std::size_t checked = whole;
  char buffer[1 << 16];
  std::size_t got = 0;
  bool bad = false;
  while (!bad && (got = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    data.append(buffer, got);
    const bool more = got == sizeof buffer;
    const auto to = more ? std::max(checked, data.size() - 3) : data.size();
    const auto scan = detail::scan_utf8(data, checked, to);
    if (scan.bad != std::string_view::npos) {
      data.resize(scan.bad + 1);  // the reader of the text reports it at its line and column
      bad = true;
    }
    checked = scan.stopped;
    if (!bad && data.size() - whole > max_stream_bytes) {
      std::fclose(f);
      throw input_error("io.too_large", {path, 0, 0},
                        "more than " + std::to_string(max_stream_bytes >> 30) + " GiB from a stream (expected at most that: save it to a file)");
    }
  }
  const bool failed = !bad && std::ferror(f) != 0;
  const int reason = errno;  // e.g. EISDIR: fopen accepts a directory, fread refuses it
  std::fclose(f);
  if (failed) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot read: ") + std::strerror(reason));
  return data;
}

LOCALGOV_DECL mapped_file::mapped_file(const std::string& path) {
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
#if defined(MADV_HUGEPAGE)
      // A file read from disk through this mapping then enters the page cache in pieces of
      // 2 MiB, which this and every later mapping of it map whole: a pass over 116 MB of
      // CSV so mapped took 4.4 ms here, against 54 ms where the cache holds it in 4 KiB
      // pages (a TLB miss and a fault-around every few pages). No effect on a file already
      // cached, or where the kernel keeps no large pages for files.
      ::madvise(at, size, MADV_HUGEPAGE);
#endif
      map_ = static_cast<const char*>(at);
      size_ = size;
    }
  }
  ::close(fd);
  if (map_ != nullptr) return;
#endif
  copy_ = read_file(path);  // not a regular file, empty, or not mappable
}

LOCALGOV_DECL void mapped_file::release_before(std::size_t offset) const noexcept {
#if !defined(_WIN32)
  if (map_ == nullptr) return;
  // Whole 2 MiB pages: letting go of part of one would split the file's huge-page mapping
  // there (a page cache in 2 MiB pages is mapped whole, see the constructor), and the rest
  // of that page would come back in 4 KiB pages (`localgov report` split 4 a run before).
  constexpr std::size_t huge = std::size_t{2} << 20;
  const std::size_t length = std::min(offset, size_) / huge * huge;
  if (length > 0) ::madvise(const_cast<char*>(map_), length, MADV_DONTNEED);
#else
  (void)offset;
#endif
}

LOCALGOV_DECL void mapped_file::populate(std::size_t offset, std::size_t length) const noexcept {
#if !defined(_WIN32)
  if (map_ == nullptr || offset >= size_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t begin = offset / page * page, end = std::min(size_, offset + std::min(length, size_ - offset));
  void* at = const_cast<char*>(map_ + begin);
#if defined(MADV_POPULATE_READ)
  if (::madvise(at, end - begin, MADV_POPULATE_READ) == 0) return;
#endif
  ::madvise(at, end - begin, MADV_WILLNEED);  // an older kernel: at least read from disk ahead
#else
  (void)offset, (void)length;
#endif
}

LOCALGOV_DECL void mapped_file::release() noexcept {
#if !defined(_WIN32)
  if (map_ != nullptr) ::munmap(const_cast<char*>(map_), size_);
#endif
  map_ = nullptr, size_ = 0;
}

}  // namespace io
namespace detail {

LOCALGOV_DECL sibling_temp create_sibling_temp(const std::string& path) {
#if defined(_WIN32)
  return {-1, path + ".tmp"};
#else
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0;; ++attempt) {
    std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return {fd, std::move(temp)};
    if (errno != EEXIST || attempt == 100) {  // EEXIST: left by a crashed run with our pid
      const int reason = errno;
      const auto slash = path.rfind('/');
      const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
      throw error("io.cannot_write", path + ": cannot write: cannot create a file in " + dir + " (" + std::strerror(reason) +
                                         "), which replacing it whole needs");
    }
  }
#endif
}

LOCALGOV_DECL int write_all(int fd, std::string_view content) noexcept {
#if defined(_WIN32)
  (void)fd, (void)content;
  return EIO;
#else
  for (std::size_t written = 0; written < content.size();) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    written += static_cast<std::size_t>(n);
  }
  return 0;
#endif
}

LOCALGOV_DECL std::string final_target(const std::string& path) {
#if defined(_WIN32)
  return path;
#else
  std::string target = path;
  for (int hops = 0; hops < 40; ++hops) {  // as the kernel's own limit on a chain of links
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return target;
    std::string link(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096), '\0');
    const auto n = ::readlink(target.c_str(), link.data(), link.size());
    if (n < 0) throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
    link.resize(static_cast<std::size_t>(n));
    const auto slash = target.rfind('/');
    target = link.starts_with('/') || slash == std::string::npos ? link : target.substr(0, slash + 1) + link;
  }
  throw error("io.cannot_write", path + ": cannot write: " + std::strerror(ELOOP));
#endif
}

LOCALGOV_DECL void replace_with(const std::string& temp, const std::string& path) {
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

}  // namespace detail
namespace io {

LOCALGOV_DECL void write_file_atomically(const std::string& path, std::string_view content) {
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
  detail::replace_with(temp, path);
#else
  const std::string target = detail::final_target(path);
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode))
    throw error("io.cannot_write", path + ": cannot write: it is a directory (expected a file's path)");
  if (exists && !S_ISREG(existing.st_mode)) {  // a FIFO, a device: written straight into, never replaced
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
    if (const int reason = detail::write_all(fd, content); reason != 0) {
      ::close(fd);
      throw error("io.cannot_write", path + ": cannot write: " + std::strerror(reason));
    }
    if (::close(fd) != 0) throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
    return;
  }
  const auto temp = detail::create_sibling_temp(target);
  auto fail = [&](int reason) {
    ::close(temp.fd);
    std::remove(temp.path.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + std::strerror(reason));
  };
  if (const int reason = detail::write_all(temp.fd, content); reason != 0) fail(reason);
  if (exists) {  // the replacement keeps the file's mode and, where this process may, its owner
    if (::fchmod(temp.fd, existing.st_mode & 07777) != 0) fail(errno);
    if (::fchown(temp.fd, existing.st_uid, existing.st_gid) != 0 && errno != EPERM) fail(errno);
  }
  if (::fsync(temp.fd) != 0) fail(errno);
  if (::close(temp.fd) != 0) {
    const int reason = errno;
    std::remove(temp.path.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + std::strerror(reason));
  }
  detail::replace_with(temp.path, target);
#endif
}

}  // namespace io
LOCALGOV_NAMESPACE_END
