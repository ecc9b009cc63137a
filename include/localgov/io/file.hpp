// Whole-file reads with clear errors, and writes that never leave a truncated file.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// The whole file as bytes. Throws input_error("io.cannot_read") naming the file and the reason.
inline std::string read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
  std::string data;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  const int reason = errno;  // e.g. EISDIR: fopen accepts a directory, fread refuses it
  std::fclose(f);
  if (failed) throw input_error("io.cannot_read", {path, 0, 0}, std::string("cannot read: ") + std::strerror(reason));
  return data;
}

// Writes to PATH.tmp and renames it over PATH, so readers see the old file or the
// whole new one, never a partial write.
inline void write_file_atomically(const std::string& path, std::string_view content) {
  const std::string temp = path + ".tmp";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) throw error("io.cannot_write", path + ": cannot write: " + std::strerror(errno));
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temp.c_str());
    throw error("io.cannot_write", path + ": cannot write: " + reason);
  }
}

}  // namespace io
LOCALGOV_NAMESPACE_END
