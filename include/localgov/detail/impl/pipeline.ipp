// Body of detail/pipeline.hpp: the pipeline's two schedules (one thread, two threads).
#pragma once

#include <localgov/detail/pipeline.hpp>

#include <array>
#include <atomic>
#include <exception>
#include <semaphore>
#include <system_error>
#include <thread>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

LOCALGOV_DECL void run_pipeline(bool parallel, slot_callback<bool> fill, slot_callback<void> use) {
  // A fill's exception is held until its block is used, in both schedules.
  std::array<std::exception_ptr, pipeline_slots> failure{};
  std::array<bool, pipeline_slots> last{};
  auto fill_slot = [&](std::size_t slot) {
    try {
      last[slot] = !fill(slot);
    } catch (...) {
      failure[slot] = std::current_exception();
      last[slot] = true;
    }
  };
  auto use_slot = [&](std::size_t slot) {  // whether more follow
    use(slot);
    if (failure[slot]) std::rethrow_exception(failure[slot]);
    return !last[slot];
  };

  if (parallel) {
    // free: slots the filler may fill; filled: slots the user may use. Each release
    // orders the slot's block (and failure, last) before the other thread's acquire.
    std::counting_semaphore<2 * pipeline_slots> free(pipeline_slots), filled(0);
    std::atomic<bool> stop = false;
    std::thread filler;
    try {
      filler = std::thread([&] {
        for (std::size_t slot = 0;; slot = (slot + 1) % pipeline_slots) {
          free.acquire();
          if (stop.load(std::memory_order_relaxed)) return;
          fill_slot(slot);
          const bool done = last[slot];
          filled.release();
          if (done) return;
        }
      });
    } catch (const std::system_error&) {
      parallel = false;  // no thread to be had: one thread does both
    }
    if (parallel) {
      try {
        for (std::size_t slot = 0;; slot = (slot + 1) % pipeline_slots) {
          filled.acquire();
          if (!use_slot(slot)) break;
          free.release();
        }
      } catch (...) {
        stop.store(true, std::memory_order_relaxed);
        free.release(pipeline_slots);  // wakes a filler waiting for a slot, which then sees stop
        filler.join();
        throw;
      }
      filler.join();
      return;
    }
  }
  for (std::size_t slot = 0;; slot = (slot + 1) % pipeline_slots) {
    fill_slot(slot);
    if (!use_slot(slot)) return;
  }
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
