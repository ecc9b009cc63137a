// Whole-file reads with clear errors, and writes that never leave a truncated file.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// The most read_file takes from a stream (a pipe, a device): 4 GiB.
inline constexpr std::size_t max_stream_bytes = std::size_t{4} << 30;

// The whole file as bytes, for text input. Throws input_error("io.cannot_read") naming
// the file and the reason. A regular file is read straight into a string of its size
// (one pass over the memory: growing by doubling would copy it and touch twice as much,
// and on a large file the page faults are the dearest part); anything else (a pipe, a
// device) is read in blocks, each checked as it comes: the text ends at the first byte
// that is not UTF-8 text (NUL included), so that its reader reports that byte at its line
// and column without the rest of an endless stream (/dev/zero) being read, and a stream
// longer than max_stream_bytes is input_error("io.too_large").
LOCALGOV_DECL std::string read_file(const std::string& path);

// A file's bytes, read-only, for the loaders: a regular file is mapped into memory (no
// copy into a buffer, no zeroing of one), anything else is read with read_file. The bytes stay valid while the object lives; a
// file truncated by another program meanwhile is outside the contract (as with any
// mapping, reading past its new end is a SIGBUS). Move-only. Throws as read_file.
//   const io::mapped_file text("events.csv");
//   io::read_events(track, text, "events.csv");
class mapped_file {
 public:
  explicit mapped_file(const std::string& path);
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
  // stays a few MB resident. Whole 2 MiB pages only; no effect on a copy. O(pages released).
  void release_before(std::size_t offset) const noexcept;
  // Maps the pages of the bytes [offset, offset + length) into the process now
  // (MADV_POPULATE_READ on Linux 5.14 and later; elsewhere a read-ahead hint), so that a
  // later pass over them takes no page faults: for a program with a core idle while it
  // gets ready to read (the `localgov` program builds the organisation meanwhile). The
  // pages are then resident until released. A hint: no effect on what is read.
  // O(pages populated).
  void populate(std::size_t offset, std::size_t length) const noexcept;
  operator std::string_view() const noexcept { return text(); }  // NOLINT: reads like a std::string

 private:
  void release() noexcept;

  const char* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;
};

}  // namespace io
namespace detail {

// A new file beside `path` (same directory, so that renaming it over `path` is atomic),
// named PATH.tmp-PID-N so that two writers, in one process or several, never share
// one. Created with O_EXCL and mode 0666 less the umask, as the final file would be.
struct sibling_temp {
  int fd = -1;
  std::string path;
};

[[nodiscard]] LOCALGOV_DECL sibling_temp create_sibling_temp(const std::string& path);

// Writes all of `content` to `fd`; 0, or the errno that stopped it.
LOCALGOV_DECL int write_all(int fd, std::string_view content) noexcept;

// `path` with its symbolic links followed (the file a write to it reaches; it need not exist).
[[nodiscard]] LOCALGOV_DECL std::string final_target(const std::string& path);

// Renames `temp` over `path` and makes the rename durable (fsync of the directory); on
// failure removes `temp` and throws io.cannot_write naming `path`.
LOCALGOV_DECL void replace_with(const std::string& temp, const std::string& path);

}  // namespace detail
namespace io {

// Writes `content` to a new file beside PATH, flushes it to disk and renames it over
// PATH: readers, and PATH after a crash or a kill, see the old file or the whole new one,
// never a partial write. Concurrent writers of one PATH do not clobber each other's
// temporary file; the last rename wins. What PATH is decides what happens to it:
//   nothing yet, a regular file  replaced whole as above; a file's mode is kept, and its
//                                owner where this process may set it (other hard links to
//                                it keep the old contents, as with any atomic save);
//   a symbolic link              followed: its final target is written so, the link kept;
//   a FIFO, a device             written straight into (/dev/stdout, /dev/null), never replaced;
//   a directory                  refused.
// Throws error("io.cannot_write") naming PATH and the cause (the directory that cannot
// take the new file, where that is it).
LOCALGOV_DECL void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/file.ipp>
#endif
