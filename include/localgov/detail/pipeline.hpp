// A two-stage pipeline over blocks, for the loaders: one stage fills blocks (parses
// records), the other uses them in order (looks them up, applies them); with two threads
// the filling runs ahead in a thread of its own.
#pragma once

#include <localgov/config.hpp>

#include <cstddef>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// A reference to a callable taking a block's slot, without <functional>'s weight or an
// allocation. The callable must outlive it.
template <class Result>
class slot_callback {
 public:
  template <class F>
  slot_callback(F& f) noexcept  // NOLINT(google-explicit-constructor): made at the call
      : object_(&f), call_([](void* object, std::size_t slot) -> Result { return (*static_cast<F*>(object))(slot); }) {}
  Result operator()(std::size_t slot) const { return call_(object_, slot); }

 private:
  void* object_;
  Result (*call_)(void*, std::size_t);
};

// Blocks in flight: the caller keeps this many blocks, indexed by slot.
inline constexpr std::size_t pipeline_slots = 4;

// Calls fill(slot) and use(slot) for slots 0, 1, ..., pipeline_slots - 1, 0, 1, ...:
// fill fills the caller's block in that slot and returns whether more blocks follow
// (false: this one was the last, possibly empty); use consumes it. Every block is used
// after it is filled and before its slot is filled again, in the order filled.
//  - When fill throws, the blocks filled before are used, then the block it was filling
//    (the caller's fill leaves in it what it filled before throwing), then its exception
//    propagates: errors surface in input order, as if one loop did both stages.
//  - When use throws, filling stops and use's exception propagates.
// With `parallel`, fill runs in a second thread, up to pipeline_slots blocks ahead of use
// (fill and use must then touch nothing in common but the blocks); otherwise, or when no
// thread can be started, the two alternate in the caller's thread. Same results either way.
LOCALGOV_DECL void run_pipeline(bool parallel, slot_callback<bool> fill, slot_callback<void> use);

}  // namespace detail
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/detail/impl/pipeline.ipp>
#endif
