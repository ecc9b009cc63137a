// Body of presets/vietnam_calendar.hpp: Vietnam's holidays and worked days as rows, with
// their sources, and the calendar built from them.
#pragma once

#include <localgov/presets/vietnam_calendar.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

enum class vn_day : std::uint8_t { off, makeup };

struct vn_calendar_row {
  std::int16_t year;
  std::uint8_t month;
  std::uint8_t day;
  vn_day kind;
  std::string_view name_vi;
  std::string_view name_en;
};

// Vietnam's public holidays, 2025-2031: Labour Code 2019 art. 112 (New Year 1 day; Tết 5;
// Hùng Kings 10th day of the 3rd lunar month; 30 April; 1 May; National Day 2 September plus
// the day before or after), art. 111(3) (a holiday on the weekly rest day gives a
// substitute day off, nghỉ bù, on the next working day), and the government's yearly notices
// for civil servants (days swapped off and the Saturdays worked back).
//
// Sources and certainty:
// - 2025, decided: Tết off 25 Jan-2 Feb (statutory days 27-31 Jan, 28 Chạp-mùng 3);
//   30 Apr-4 May with Fri 2 May swapped for Sat 26 Apr; National Day 1-2 Sep (off 30 Aug-2 Sep).
// - 2026, decided: New Year 1-4 Jan with Fri 2 Jan swapped for Sat 10 Jan (12729/VPCP-KGVX,
//   25 Dec 2025); Tết off 14-22 Feb (statutory 16-20 Feb, 29 Chạp-mùng 4) and National Day
//   off 29 Aug-2 Sep (statutory 1-2 Sep) with Mon 31 Aug swapped for Sat 22 Aug (Ministry of
//   Home Affairs notice 9441 of 16 Oct 2025, as the press reports it: since 1 July 2025 the
//   Ministry announces these days); Hùng Kings on Sun 26 Apr, substitute Mon 27 Apr.
// - 2027-2031, NOT yet decided: the statutory days only. Tết is taken as the last day of the
//   lunar year plus the first four of the new one (the government picks the split each
//   year and usually swaps days to join weekends, so expect changes); the National Day
//   extra day follows the choice made every year since 2021 (the adjacent weekday that joins
//   a weekend: 1 Sep if 2 Sep is Tue, Wed, Fri or Sat; 3 Sep if Mon, Thu or Sun); weekend
//   overlaps get the art. 111(3) substitute day.
// - Lunar dates computed for UTC+7 (the Vietnamese calendar's time zone) and cross-checked
//   with two new-moon algorithms: Tết 2025-01-29, 2026-02-17, 2027-02-06, 2028-01-26,
//   2029-02-13, 2030-02-02 (China's Spring Festival is 2030-02-03: the new moon falls at
//   23:07 on 2 Feb in Hà Nội, 00:07 on 3 Feb in Beijing), 2031-01-23; Hùng Kings 2025-04-07,
//   2026-04-26, 2027-04-16, 2028-04-04, 2029-04-23, 2030-04-12, 2031-04-01 (2031 has a leap
//   third month; the day is taken in the regular one).
// - Not included: 24 November (Vietnam Culture Day), which Resolution 80-NQ/TW chose as a
//   paid holiday but which awaits an amendment of art. 112, not found in force. Add it with
//   add_holiday once it is.
// The calendar knows 2025-2031 only (know_only): a deadline that reaches 2032 is an error,
// not a count that misses its holidays.
inline constexpr vn_calendar_row vietnam_calendar_rows[] = {
    // 2025
    {2025, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2025, 1, 27, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 28, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 29, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 30, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 1, 31, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2025, 4, 7, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2025, 4, 26, vn_day::makeup, "Làm bù cho thứ Sáu 02/5", "Worked in exchange for Friday 2 May"},
    {2025, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2025, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2025, 5, 2, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)", "Swapped day off (worked Saturday 26 April)"},
    {2025, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2025, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    // 2026
    {2026, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2026, 1, 2, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 10/01)", "Swapped day off (worked Saturday 10 January)"},
    {2026, 1, 10, vn_day::makeup, "Làm bù cho thứ Sáu 02/01", "Worked in exchange for Friday 2 January"},
    {2026, 2, 16, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 17, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 18, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 19, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 2, 20, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2026, 4, 26, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2026, 4, 27, vn_day::off, "Nghỉ bù Giỗ Tổ Hùng Vương", "Substitute day off for Hung Kings' Commemoration Day"},
    {2026, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2026, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2026, 8, 22, vn_day::makeup, "Làm bù cho thứ Hai 31/8", "Worked in exchange for Monday 31 August"},
    {2026, 8, 31, vn_day::off, "Nghỉ hoán đổi (làm bù thứ Bảy 22/8)", "Swapped day off (worked Saturday 22 August)"},
    {2026, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2026, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    // 2027 (statutory; not yet decided)
    {2027, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2027, 2, 5, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 6, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 7, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 8, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 9, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2027, 2, 10, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2027, 2, 11, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2027, 4, 16, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2027, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2027, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2027, 5, 3, vn_day::off, "Nghỉ bù Ngày Quốc tế Lao động", "Substitute day off for International Labour Day"},
    {2027, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2027, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
    // 2028 (statutory; not yet decided)
    {2028, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2028, 1, 3, vn_day::off, "Nghỉ bù Tết Dương lịch", "Substitute day off for New Year's Day"},
    {2028, 1, 25, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 26, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 27, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 28, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 29, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2028, 1, 31, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2028, 4, 4, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2028, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2028, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2028, 5, 2, vn_day::off, "Nghỉ bù Ngày Chiến thắng", "Substitute day off for Reunification Day"},
    {2028, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2028, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2028, 9, 4, vn_day::off, "Nghỉ bù Quốc khánh", "Substitute day off for National Day"},
    // 2029 (statutory; not yet decided)
    {2029, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2029, 2, 12, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 13, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 14, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 15, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 2, 16, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2029, 4, 23, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2029, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2029, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2029, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2029, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
    {2029, 9, 4, vn_day::off, "Nghỉ bù Quốc khánh", "Substitute day off for National Day"},
    // 2030 (statutory; not yet decided)
    {2030, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2030, 2, 1, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 2, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 3, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 4, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 5, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2030, 2, 6, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2030, 2, 7, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2030, 4, 12, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2030, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2030, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2030, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
    {2030, 9, 3, vn_day::off, "Quốc khánh", "National Day"},
    // 2031 (statutory; not yet decided)
    {2031, 1, 1, vn_day::off, "Tết Dương lịch", "New Year's Day"},
    {2031, 1, 22, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2031, 1, 23, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2031, 1, 24, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2031, 1, 25, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2031, 1, 26, vn_day::off, "Tết Nguyên đán", "Lunar New Year (Tết)"},
    {2031, 1, 27, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2031, 1, 28, vn_day::off, "Nghỉ bù Tết Nguyên đán", "Substitute day off for Lunar New Year"},
    {2031, 4, 1, vn_day::off, "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"},
    {2031, 4, 30, vn_day::off, "Ngày Chiến thắng", "Reunification Day"},
    {2031, 5, 1, vn_day::off, "Ngày Quốc tế Lao động", "International Labour Day"},
    {2031, 9, 1, vn_day::off, "Quốc khánh", "National Day"},
    {2031, 9, 2, vn_day::off, "Quốc khánh", "National Day"},
};

}  // namespace detail

namespace presets {

LOCALGOV_DECL holiday_calendar vietnam_calendar() {
  std::vector<holiday> off;
  std::vector<makeup_day> worked;
  for (const auto& row : detail::vietnam_calendar_rows) {
    const date day{row.year, row.month, row.day};
    if (row.kind == detail::vn_day::off)
      off.push_back({day, std::string(row.name_vi), std::string(row.name_en)});
    else
      worked.push_back({day, std::string(row.name_vi), std::string(row.name_en)});
  }
  holiday_calendar calendar(std::move(off), std::move(worked));
  calendar.know_only(date{2025, 1, 1}, date{2031, 12, 31});
  return calendar;
}

}  // namespace presets

LOCALGOV_NAMESPACE_END
