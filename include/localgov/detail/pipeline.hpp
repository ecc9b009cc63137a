// Loaders read a text in chunks: several threads parse chunks at once, and one uses
// them (looks them up, applies them) in the text's order.
#pragma once

#include <localgov/config.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// A reference to a callable, without <functional>'s weight or an allocation. The
// callable must outlive it.
template <class Signature>
class function_ref;
template <class Result, class... Args>
class function_ref<Result(Args...)> {
 public:
  template <class F>
  function_ref(F& f) noexcept  // NOLINT(google-explicit-constructor): made at the call
      : object_(&f), call_([](void* object, Args... args) -> Result { return (*static_cast<F*>(object))(std::forward<Args>(args)...); }) {}
  Result operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  Result (*call_)(void*, Args...);
};

// What a fill parses: the records that start at or after `begin` and before `limit` (the
// last may end past it), its lines counted from `first_line`, reading no further than
// `horizon` (the text's end, or for a chunk filled ahead, two chunks past its limit: a
// fill that reaches it is done again once its begin is known, so that a guess inside a
// long quoted field never reads far).
struct text_chunk {
  std::size_t begin;
  std::size_t limit;
  std::uint32_t first_line;
  std::size_t horizon;
};
// Where a fill stopped: after its last record (at or past the limit, or at the end of the
// text), and how many line breaks it went over from the chunk's begin.
struct chunk_end {
  std::size_t end;
  std::uint32_t lines;
};
// A filled chunk as use gets it: where it began, and what to add to the line numbers its
// fill counted to make them the text's.
struct filled_chunk {
  std::size_t begin;
  std::uint32_t line_shift;
};

// How run_chunks cuts a text and with how many threads.
struct chunk_plan {
  std::size_t first;         // where the first record starts (after the header)
  std::uint32_t first_line;  // its line
  std::size_t chunk_bytes;   // how much text a chunk holds, about
  unsigned threads;          // that fill at once, the caller's included (1: the caller alone)
};

// Blocks the caller keeps, indexed by slot, for `threads` (chunk_plan::threads).
[[nodiscard]] constexpr std::size_t chunk_slots(unsigned threads) noexcept { return 4 * std::size_t{threads < 1 ? 1 : threads}; }

// Threads worth filling with on this machine when a loader is asked to read in parallel:
// its cores, at least 2 and at most 8.
[[nodiscard]] LOCALGOV_DECL unsigned parallel_threads() noexcept;

// How many parts to split n items into for `threads` threads: one each, but parts of at
// least 16,384 items (a thread costs tens of microseconds to start), and at least one.
[[nodiscard]] LOCALGOV_DECL std::size_t parts_for(std::size_t n, unsigned threads) noexcept;
// Runs f(part, begin, end) for the `parts` equal parts of [0, n): parts 1... on threads of
// their own while the caller's thread runs part 0, and any part for which no thread could
// be had. Returns when every part is done. f must not throw on another thread.
LOCALGOV_DECL void run_parts(std::size_t n, std::size_t parts, function_ref<void(std::size_t, std::size_t, std::size_t)> f);

// Cuts text[plan.first, end) into chunks of about plan.chunk_bytes, each beginning at the
// start of a line, and calls fill(slot, chunk) to parse each into the caller's block in
// `slot`, then use(slot, filled) to consume it, in the text's order; a slot is filled
// again only after its block was used. O(text) besides the callbacks.
//  - Guessed begins: a chunk filled ahead of the one before it begins at a line start,
//    which may be inside a quoted field. Before it is used, its begin is checked against
//    where the chunk before ended; if they differ, it is filled again from there, in the
//    using thread. Fill must therefore touch nothing but its slot's block (it may run
//    twice, and at the same time as other slots' fills), and read no further than the
//    chunk's horizon (a fill ahead that reaches it is done again likewise). Line numbers: a
//    chunk filled ahead counts from 1 at its begin, use adds filled_chunk::line_shift.
//  - Errors: when fill throws on a chunk whose begin is right, the chunk is filled again
//    with the text's own line numbers (so that its message points at the right line),
//    what that fill left in the block is used, then its exception propagates: errors
//    surface in text order, after the records before them, as in one loop. When use
//    throws, filling stops and use's exception propagates.
// With plan.threads > 1, threads - 1 more threads fill chunks ahead, and so does the
// caller's while it waits for the next chunk. Same results, same errors either way.
LOCALGOV_DECL void run_chunks(std::string_view text, chunk_plan plan,
                              function_ref<chunk_end(std::size_t, const text_chunk&)> fill,
                              function_ref<void(std::size_t, const filled_chunk&)> use);

}  // namespace detail
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/detail/impl/pipeline.ipp>
#endif
