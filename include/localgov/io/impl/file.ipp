// Bodies of io/file.hpp: whole-file reads, the file mapping, atomic writes.
#pragma once

#include <localgov/io/file.hpp>

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
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, got);  // the rest, if any
  const bool failed = std::ferror(f) != 0;
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
    if (errno != EEXIST || attempt == 100)  // EEXIST: left by a crashed run with our pid
      throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
  }
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
  const auto temp = detail::create_sibling_temp(path);
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
  detail::replace_with(temp.path, path);
#endif
}

}  // namespace io
LOCALGOV_NAMESPACE_END
