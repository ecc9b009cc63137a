// The lifecycle of a proposal: its statuses and the transitions between them, as traits
// a user can replace (DOMAIN.md section 7 for the default).
#pragma once

#include <localgov/config.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

// A status is a small index into the lifecycle's tables.
using status_index = std::uint8_t;

// What a lifecycle provides: a count of statuses (at most 16), their names, the
// initial status, which are final, and which transitions are allowed.
template <class L>
concept Lifecycle = requires(status_index s) {
  { L::status_count } -> std::convertible_to<std::size_t>;
  { L::initial } -> std::convertible_to<status_index>;
  { L::name(s) } -> std::convertible_to<std::string_view>;
  { L::is_final(s) } -> std::convertible_to<bool>;
  { L::allowed(s, s) } -> std::convertible_to<bool>;
} && (L::status_count <= 16);

// received → assigned | rejected | withdrawn;
// assigned → assigned (reassignment) | in_progress | answered | rejected | withdrawn;
// in_progress → assigned | answered | rejected | withdrawn; the last three are final.
struct default_lifecycle {
  enum status : status_index { received, assigned, in_progress, answered, rejected, withdrawn };
  static constexpr std::size_t status_count = 6;
  static constexpr status_index initial = received;

  static constexpr std::array<std::string_view, status_count> names{"received", "assigned", "in_progress",
                                                                     "answered", "rejected", "withdrawn"};
  static constexpr std::array<std::string_view, status_count> names_vi{"đã tiếp nhận", "đã chuyển xử lý", "đang xử lý",
                                                                        "đã trả lời",   "trả lại",         "rút"};
  [[nodiscard]] static constexpr std::string_view name(status_index s) noexcept { return names[s]; }
  [[nodiscard]] static constexpr std::string_view name_vi(status_index s) noexcept { return names_vi[s]; }
  [[nodiscard]] static constexpr bool is_final(status_index s) noexcept {
    return s == answered || s == rejected || s == withdrawn;
  }
  // The answer that closes a matter well (time-to-answer counts up to it).
  static constexpr status_index answer = answered;

  [[nodiscard]] static constexpr bool allowed(status_index from, status_index to) noexcept {
    constexpr auto bit = [](status_index s) { return static_cast<std::uint16_t>(1u << s); };
    constexpr std::array<std::uint16_t, status_count> targets{
        bit(assigned) | bit(rejected) | bit(withdrawn),
        bit(assigned) | bit(in_progress) | bit(answered) | bit(rejected) | bit(withdrawn),
        bit(assigned) | bit(answered) | bit(rejected) | bit(withdrawn),
        0,
        0,
        0,
    };
    return from < status_count && to < status_count && (targets[from] & bit(to)) != 0;
  }
};
static_assert(Lifecycle<default_lifecycle>);

// The status called `name`, if the lifecycle has one. O(statuses).
template <Lifecycle L>
[[nodiscard]] constexpr std::optional<status_index> parse_status(std::string_view name) noexcept {
  for (status_index s = 0; s < L::status_count; ++s)
    if (L::name(s) == name) return s;
  return std::nullopt;
}

// The statuses a lifecycle allows after `from`, joined by ", " (for error messages).
template <Lifecycle L>
[[nodiscard]] inline std::string allowed_after(status_index from) {
  std::string out;
  for (status_index s = 0; s < L::status_count; ++s)
    if (L::allowed(from, s)) {
      if (!out.empty()) out += ", ";
      out += L::name(s);
    }
  return out.empty() ? "none: " + std::string(L::name(from)) + " is final" : out;
}

LOCALGOV_NAMESPACE_END
