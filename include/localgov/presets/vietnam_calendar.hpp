// The Vietnam preset's working-day calendar: public holidays and the days worked in their
// place, as the law and the government's yearly notices set them.
#pragma once

#include <localgov/config.hpp>
#include <localgov/routing/calendar.hpp>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

// Vietnam's national calendar for civil servants, 2025-2031 (2025 and 2026 as decided;
// 2027-2031 the statutory days only, provisional: see the table in
// presets/impl/vietnam_calendar.ipp for sources and certainty), with the O(1) table over
// the same years. A date outside them is error "calendar.unknown_days_off". Replaceable:
// copy it and add_holiday / add_makeup_day / know_only, or build a holiday_calendar of
// your own.
// Complexity: O(rows + range), about 2,600 steps; build once and share.
[[nodiscard]] LOCALGOV_DECL holiday_calendar vietnam_calendar();

}  // namespace presets
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/presets/impl/vietnam_calendar.ipp>
#endif
