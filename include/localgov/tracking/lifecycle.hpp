// The lifecycle of a proposal: its statuses and the transitions between them, as traits
// a user can replace (DOMAIN.md section 7 for the default).
#pragma once

#include <localgov/config.hpp>
#include <localgov/routing/channel.hpp>
#include <localgov/tracking/fwd.hpp>

#include <array>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

LOCALGOV_NAMESPACE_BEGIN

// The statuses of every channel's matters. A proposal, a petition, a voters' petition:
//   received → assigned | rejected | withdrawn.
// A complaint, a second complaint, a denunciation is first accepted (thụ lý), which
// starts its statutory clock, or refused, with the reason as the change's note:
//   received → accepted | rejected | withdrawn;
//   accepted → assigned | in_progress | answered | rejected | withdrawn.
// Then for all:
//   assigned → assigned (reassignment) | in_progress | answered | rejected | withdrawn;
//   in_progress → assigned | answered | rejected | withdrawn; the last three are final.
struct default_lifecycle {
  enum status : status_index { received, accepted, assigned, in_progress, answered, rejected, withdrawn };
  static constexpr std::size_t status_count = 7;
  static constexpr status_index initial = received;
  // A matter whose rule has an acceptance step is refused so (tracking/tracker.hpp).
  static constexpr status_index refused = rejected;

  static constexpr std::array<std::string_view, status_count> names{"received", "accepted",  "assigned", "in_progress",
                                                                     "answered", "rejected", "withdrawn"};
  static constexpr std::array<std::string_view, status_count> names_vi{"đã tiếp nhận", "đã thụ lý", "đã chuyển xử lý", "đang xử lý",
                                                                        "đã trả lời",   "trả lại",   "rút"};
  [[nodiscard]] static constexpr std::string_view name(status_index s) noexcept { return names[s]; }
  [[nodiscard]] static constexpr std::string_view name_vi(status_index s) noexcept { return names_vi[s]; }
  [[nodiscard]] static constexpr bool is_final(status_index s) noexcept {
    return s == answered || s == rejected || s == withdrawn;
  }
  // The answer that closes a matter well (time-to-answer counts up to it).
  static constexpr status_index answer = answered;

  // The transitions any channel may take (a matter's own channel narrows them below).
  [[nodiscard]] static constexpr bool allowed(status_index from, status_index to) noexcept {
    constexpr auto bit = [](status_index s) { return static_cast<std::uint16_t>(1u << s); };
    constexpr std::array<std::uint16_t, status_count> targets{
        bit(accepted) | bit(assigned) | bit(rejected) | bit(withdrawn),
        bit(assigned) | bit(in_progress) | bit(answered) | bit(rejected) | bit(withdrawn),
        bit(assigned) | bit(in_progress) | bit(answered) | bit(rejected) | bit(withdrawn),
        bit(assigned) | bit(answered) | bit(rejected) | bit(withdrawn),
        0,
        0,
        0,
    };
    return from < status_count && to < status_count && (targets[from] & bit(to)) != 0;
  }
  [[nodiscard]] static constexpr bool allowed(channel via, status_index from, status_index to) noexcept {
    if (!allowed(from, to)) return false;
    if (routed_by_respondent(via)) return from != received || to != assigned;  // accepted or refused first
    return from != accepted && to != accepted;  // no acceptance step
  }
};
static_assert(Lifecycle<default_lifecycle>);

namespace detail {

// A name of up to 16 bytes as its length and two words that together cover every byte
// (overlapping when it is shorter than their sum), so that two names compare in three
// integer compares, without a call to memcmp.
struct short_name {
  std::size_t size = 0;
  std::uint64_t head = 0, tail = 0;
  // Without short-circuits: no branch per field.
  friend constexpr bool operator==(const short_name& a, const short_name& b) noexcept {
    return static_cast<bool>(static_cast<unsigned>(a.size == b.size) & static_cast<unsigned>(a.head == b.head) &
                             static_cast<unsigned>(a.tail == b.tail));
  }
};
[[nodiscard]] constexpr std::uint64_t word(std::string_view s, std::size_t at, std::size_t bytes) noexcept {
  std::uint64_t w = 0;
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
    std::memcpy(&w, s.data() + at, bytes);  // one load: the same little-endian value
    return w;
  }
  for (std::size_t i = 0; i < bytes; ++i) w |= std::uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return w;
}
// Only for names of at most 16 bytes (longer ones are not covered).
[[nodiscard]] constexpr short_name short_name_of(std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (n >= 8) return {n, word(s, 0, 8), word(s, n - 8, 8)};
  if (n >= 4) return {n, word(s, 0, 4), word(s, n - 4, 4)};
  return {n, word(s, 0, n), 0};
}
// The lifecycle's status names so (a name longer than 16 bytes gets size 0 and is never
// matched this way).
template <class L>
inline constexpr auto short_names = [] {
  std::array<short_name, L::status_count> names{};
  for (status_index s = 0; s < L::status_count; ++s)
    if (L::name(s).size() <= 16 && !L::name(s).empty()) names[s] = short_name_of(L::name(s));
  return names;
}();

}  // namespace detail

// The status called `name`, if the lifecycle has one. O(statuses): an events file names
// one on every line, so a name of up to 16 bytes is compared as three integers with each.
template <Lifecycle L>
[[nodiscard]] constexpr std::optional<status_index> parse_status(std::string_view name) noexcept {
  if (!std::is_constant_evaluated() && !name.empty() && name.size() <= 16) {
    // Every status compared, the matches as bits: no branch that the input's order of
    // statuses could make mispredicted.
    const auto key = detail::short_name_of(name);
    const auto& names = detail::short_names<L>;
    std::uint32_t matches = 0;
    for (status_index s = 0; s < L::status_count; ++s) matches |= std::uint32_t{names[s] == key} << s;
    if (matches == 0) return std::nullopt;  // a status whose name is longer, or empty, cannot be `name`
    return static_cast<status_index>(std::countr_zero(matches));
  }
  for (status_index s = 0; s < L::status_count; ++s)
    if (L::name(s) == name) return s;
  return std::nullopt;
}

// Whether a change may follow the lifecycle's answer (L::answer, when it names one), as
// in one that lets an answered matter be reopened: time to answer then counts every
// answer, not only a proposal's last change.
template <Lifecycle L>
inline constexpr bool answer_may_be_followed = [] {
  if constexpr (requires { L::answer; }) {
    for (status_index s = 0; s < L::status_count; ++s)
      if (L::allowed(L::answer, s)) return true;
  }
  return false;
}();

// Whether lifecycle L's transitions differ by channel: it has allowed(channel, from, to).
template <class L>
inline constexpr bool channel_aware = requires(channel via, status_index s) { L::allowed(via, s, s); };

// Whether lifecycle L lets a matter of channel `via` go from `from` to `to`: by its
// allowed(via, from, to) when it has one, else by allowed(from, to).
template <Lifecycle L>
[[nodiscard]] constexpr bool allowed_for(channel via, status_index from, status_index to) noexcept {
  if constexpr (channel_aware<L>) return L::allowed(via, from, to);
  else return L::allowed(from, to);
}

// Whether the lifecycle has an acceptance step (a status L::accepted, which starts a
// statutory clock, and L::refused, which needs a reason), and its status.
template <class L>
inline constexpr bool has_acceptance = requires {
  { L::accepted } -> std::convertible_to<status_index>;
  { L::refused } -> std::convertible_to<status_index>;
};

// The statuses a lifecycle allows after `from` for a matter of channel `via`, joined by
// ", " (for error messages).
template <Lifecycle L>
[[nodiscard]] inline std::string allowed_after(status_index from, channel via = channel::proposal) {
  std::string out;
  for (status_index s = 0; s < L::status_count; ++s)
    if (allowed_for<L>(via, from, s)) {
      if (!out.empty()) out += ", ";
      out += L::name(s);
    }
  return out.empty() ? "none: " + std::string(L::name(from)) + " is final" : out;
}

LOCALGOV_NAMESPACE_END
