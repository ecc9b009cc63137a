// Input files mapped, their first pages mapped in, and memory for the tables made ready,
// by a thread of their own while the program gets ready to read them (builds the
// organisation and the routing table).
#pragma once

#include <localgov/io/file.hpp>
#include <localgov/detail/prepare_memory.hpp>

#include <atomic>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace cli {

// Why: the first touch of a page of a mapped file costs a page fault, ~2.3 us under this
// kind of hypervisor (66-83 ms for a file of 116 MB), which the loaders would otherwise pay
// on the cores they parse with, while a core is idle before they start. The thread maps
// the files in order, then populates them a step at a time, up to `budget` bytes in all,
// and stops as soon as finish() is called, so that it never competes with the loaders.
// Then, with the time left, it makes memory ready for the tables the files will fill
// (detail::prepare_memory): `memory_per_byte` times the size of the first file.
class read_ahead {
 public:
  read_ahead(std::vector<std::string> paths, std::size_t budget, double memory_per_byte = 0)
      : paths_(std::move(paths)), files_(paths_.size()), failures_(paths_.size()) {
    try {
      thread_ = std::thread([this, budget, memory_per_byte] { run(budget, memory_per_byte); });
    } catch (const std::system_error&) {
      run(0, 0);  // no thread to be had: map the files here, populate nothing
    }
  }
  read_ahead(const read_ahead&) = delete;
  read_ahead& operator=(const read_ahead&) = delete;
  ~read_ahead() { finish(); }

  // Stops populating and waits for the thread. Idempotent.
  void finish() noexcept {
    stop_.store(true, std::memory_order_relaxed);
    if (thread_.joinable()) thread_.join();
  }
  // File i as mapped (after finish()); throws what mapping it threw (a missing file, say).
  [[nodiscard]] const localgov::io::mapped_file& file(std::size_t i) {
    finish();
    if (failures_[i]) std::rethrow_exception(failures_[i]);
    return *files_[i];
  }

 private:
  void run(std::size_t budget, double memory_per_byte) noexcept {
    for (std::size_t i = 0; i < paths_.size(); ++i) {
      try {
        files_[i].emplace(paths_[i]);
      } catch (...) {
        failures_[i] = std::current_exception();
      }
    }
    constexpr std::size_t step = std::size_t{8} << 20;
    for (std::size_t i = 0; i < paths_.size(); ++i) {
      if (!files_[i]) continue;
      for (std::size_t at = 0; at < files_[i]->text().size() && budget >= step; at += step, budget -= step) {
        if (stop_.load(std::memory_order_relaxed)) return;
        files_[i]->populate(at, step);
      }
    }
    if (memory_per_byte > 0 && !files_.empty() && files_[0] && !stop_.load(std::memory_order_relaxed))
      (void)localgov::detail::prepare_memory(static_cast<std::size_t>(memory_per_byte * static_cast<double>(files_[0]->text().size())),
                                     &stop_);
  }

  std::vector<std::string> paths_;
  std::vector<std::optional<localgov::io::mapped_file>> files_;
  std::vector<std::exception_ptr> failures_;
  std::atomic<bool> stop_ = false;
  std::thread thread_;
};

}  // namespace cli
