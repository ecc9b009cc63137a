// Body of detail/pipeline.hpp: chunks filled in one thread or several, used in order.
#pragma once

#include <localgov/detail/pipeline.hpp>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

LOCALGOV_DECL unsigned parallel_threads() noexcept {
  return std::clamp(std::thread::hardware_concurrency(), 2u, 8u);
}

LOCALGOV_DECL std::size_t parts_for(std::size_t n, unsigned threads) noexcept {
  constexpr std::size_t min_part = 16384;
  return std::clamp<std::size_t>(n / min_part, 1, std::max(1u, threads));
}

LOCALGOV_DECL void run_parts(std::size_t n, std::size_t parts, function_ref<void(std::size_t, std::size_t, std::size_t)> f) {
  parts = std::max<std::size_t>(parts, 1);
  const auto begin = [&](std::size_t k) { return n * k / parts; };
  std::vector<std::thread> helpers;
  helpers.reserve(parts - 1);
  struct join_all {  // also when f throws on the caller's thread
    std::vector<std::thread>& threads;
    ~join_all() {
      for (auto& t : threads) t.join();
    }
  } joined{helpers};
  for (std::size_t k = 1; k < parts; ++k) {
    try {
      helpers.emplace_back([f, k, from = begin(k), to = begin(k + 1)] { f(k, from, to); });
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the parts left run here
    }
  }
  f(0, 0, begin(1));
  for (std::size_t k = 1 + helpers.size(); k < parts; ++k) f(k, begin(k), begin(k + 1));
}

LOCALGOV_DECL void run_chunks(std::string_view text, chunk_plan plan,
                              function_ref<chunk_end(std::size_t, const text_chunk&)> fill,
                              function_ref<void(std::size_t, const filled_chunk&)> use) {
  const std::size_t first = std::min(plan.first, text.size());
  const std::size_t step = std::max<std::size_t>(plan.chunk_bytes, 1);
  const std::size_t remaining = text.size() - first;
  const std::size_t count = remaining == 0 ? 0 : 1 + (remaining - 1) / step;  // no overflow for any step
  // Where chunk i begins, guessed: the first line start at or after its share's start.
  auto guess = [&](std::size_t i) {
    if (i == 0) return first;
    if (i >= count) return text.size();
    const auto line_feed = text.find('\n', first + i * step - 1);
    return line_feed == std::string_view::npos ? text.size() : line_feed + 1;
  };

  struct slot_state {
    std::size_t chunk = SIZE_MAX;  // the chunk in the slot
    bool filled = false;
    std::size_t begin = 0;  // where its fill began
    chunk_end end{};
    std::exception_ptr failure;
    bool cut_short = false;  // a fill ahead reached its horizon: its last record may go on
  };
  const unsigned threads = std::max(plan.threads, 1u);
  const std::size_t slots = chunk_slots(threads);
  std::vector<slot_state> state(threads > 1 ? slots : 1);

  // Fills chunk i in its slot from `begin`, counting lines from `line`, ahead (from a
  // guessed begin, reading at most two chunks past its limit) or not; a failure is kept.
  auto fill_chunk = [&](std::size_t i, std::size_t slot, std::size_t begin, std::uint32_t line, bool ahead, slot_state& s) {
    const std::size_t limit = guess(i + 1);
    const std::size_t from = std::max(limit, begin), room = text.size() - std::min(from, text.size());
    const std::size_t horizon = ahead && room / 2 > step ? from + 2 * step : text.size();
    s.begin = begin;
    s.failure = nullptr;
    s.cut_short = false;
    try {
      s.end = fill(slot, {begin, limit, line, horizon});
      s.cut_short = horizon < text.size() && s.end.end >= horizon;
    } catch (...) {
      s.failure = std::current_exception();
    }
  };

  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_fill = 0, next_use = 0;  // the next chunk to claim for filling; to use
  bool stop = false;
  // Claims the next chunk if its slot is free and fills it (ahead, from its guessed
  // begin); false if there was none to claim. Called with the lock held; fills without.
  auto fill_ahead = [&](std::unique_lock<std::mutex>& lock) {
    if (stop || next_fill >= count || next_fill >= next_use + slots) return false;
    const std::size_t i = next_fill++, slot = i % slots;
    lock.unlock();
    slot_state filled;
    filled.chunk = i;
    fill_chunk(i, slot, guess(i), 1, true, filled);
    filled.filled = true;
    lock.lock();
    state[slot] = std::move(filled);
    changed.notify_all();
    return true;
  };

  std::vector<std::thread> helpers;
  auto stop_helpers = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (auto& h : helpers) h.join();
  };
  if (threads > 1) {
    try {
      for (unsigned t = 1; t < threads && t < count; ++t)
        helpers.emplace_back([&] {
          std::unique_lock lock(mutex);
          while (!stop && next_fill < count)
            if (!fill_ahead(lock)) changed.wait(lock);
        });
    } catch (const std::system_error&) {
      // Fewer threads than asked (or none): the caller's fills the rest.
    }
  }

  std::size_t at = first;                // where the chunk to use begins: where the one before ended
  std::uint32_t line = plan.first_line;  // and its line
  try {
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t slot = threads > 1 ? i % slots : 0;
      auto& s = state[slot];
      if (threads > 1) {
        std::unique_lock lock(mutex);
        while (s.chunk != i || !s.filled)
          if (!fill_ahead(lock)) changed.wait(lock);
      }
      // The slot is the caller's until next_use moves past it.
      std::uint32_t shift = line - 1;
      if (threads <= 1 || s.begin != at || s.failure || s.cut_short) {
        fill_chunk(i, slot, at, line, false, s);  // from where the chunk before ended, with the text's lines
        shift = 0;
      }
      use(slot, {at, shift});
      if (s.failure) std::rethrow_exception(s.failure);
      at = s.end.end;
      line += s.end.lines;
      if (threads > 1) {
        {
          const std::lock_guard lock(mutex);
          ++next_use;
        }
        changed.notify_all();
      }
    }
  } catch (...) {
    stop_helpers();
    throw;
  }
  stop_helpers();
}

}  // namespace detail
LOCALGOV_NAMESPACE_END
