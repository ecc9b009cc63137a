// The kinds of matter (channels) the law gives each its own procedure, and which of them
// are routed by the body they are against rather than by their field.
#pragma once

#include <localgov/config.hpp>
#include <localgov/routing/fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

// How a matter arrives; each is its own procedure in law:
//   proposal          a commune-tier unit's proposal to its province (đề xuất);
//   petition          a citizen's petition or feedback (kiến nghị, phản ánh) received at a
//                     commune-tier unit;
//   voter_petition    voters' petitions (kiến nghị cử tri) the People's Council forwards;
//   complaint         a first complaint (khiếu nại lần đầu) against a decision or act;
//   complaint_second  a second complaint (khiếu nại lần hai) against the first decision;
//   denunciation      a denunciation (tố cáo) of an official.
// The first three go by field to the body competent for it; the last three by their
// respondent, to the decider the law names (routed_by_respondent).
enum class channel : std::uint8_t { proposal, petition, voter_petition, complaint, complaint_second, denunciation };
inline constexpr std::size_t channel_count = 6;
inline constexpr std::size_t field_channel_count = 3;  // proposal, petition, voter_petition

[[nodiscard]] constexpr bool routed_by_respondent(channel c) noexcept { return static_cast<std::size_t>(c) >= field_channel_count; }

inline constexpr std::string_view channel_names[channel_count] = {"proposal",  "petition",         "voter_petition",
                                                                  "complaint", "complaint_second", "denunciation"};

[[nodiscard]] constexpr std::string_view format_as(channel c) noexcept { return channel_names[static_cast<std::size_t>(c)]; }
[[nodiscard]] constexpr std::optional<channel> parse_channel(std::string_view text) noexcept {
  for (std::size_t c = 0; c < channel_count; ++c)
    if (channel_names[c] == text) return static_cast<channel>(c);
  return std::nullopt;
}

LOCALGOV_NAMESPACE_END
