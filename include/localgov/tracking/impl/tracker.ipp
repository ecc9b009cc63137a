// Bodies of tracking/tracker.hpp: event_log's reserve and memory count (basic_tracker's are in the header).
#pragma once

#include <localgov/tracking/tracker.hpp>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL void event_log::reserve(std::size_t n) {
  proposal_.reserve(n), on_.reserve(n), from_.reserve(n), to_.reserve(n), actor_.reserve(n);
}

LOCALGOV_DECL std::size_t event_log::memory_bytes() const noexcept {
  std::size_t notes = 0;
  for (const auto& n : notes_) notes += sizeof n + n.text.capacity();
  return proposal_.capacity() * sizeof(proposal_id) + on_.capacity() * sizeof(date) + from_.capacity() + to_.capacity() +
         actor_.capacity() * sizeof(std::uint32_t) + notes + extensions_.capacity() * sizeof(extension_entry);
}

LOCALGOV_NAMESPACE_END
