// The routing table and working-day calendar exported as CSV for the sqlite3 peer of
// bench_routing and bench_tracking, so that both peers join against the same data.
#pragma once

#include "bench_util.hpp"

#include <localgov/model/organization.hpp>
#include <localgov/routing/routing_table.hpp>

#include <cstdint>
#include <string>

namespace bench {

// routes.csv: every routed (unit, field, channel) cell of the table, with its lead (code
// and dense id) and its deadline (days, count, statutory or internal); calendar.csv: each day of the calendar's table range,
// the count of working days up to and including it, and whether it is one.
inline void write_peer_tables(const scratch_dir& dir, const localgov::organization& org, const localgov::rule_set& rules,
                              const localgov::routing_table& table) {
  using namespace localgov;
  const auto& words = org.words();
  std::string text = "unit_code,field,channel,lead,lead_id,days,count,deadline\n";
  for (std::size_t u = 0; u < org.unit_count(); ++u)
    for (std::size_t f = 0; f < words.fields().size(); ++f)
      for (std::size_t c = 0; c < field_channel_count; ++c) {
        const auto r = table.route(id_at<unit_id>(u), id_at<field_id>(f), static_cast<channel>(c), date{2026, 1, 1});
        if (!r) continue;
        const auto& rule = rules[r->rule];
        text += org.unit(id_at<unit_id>(u)).code + ',' + words.field(id_at<field_id>(f)).slug + ',' +
                std::string(format_as(static_cast<channel>(c))) + ',' + org.code_of(r->lead) + ',' +
                std::to_string(index_of(r->lead)) + ',' + std::to_string(rule.days) + ',' +
                (rule.count == day_count::working ? "working" : "calendar") + ',' + std::string(format_as(rule.deadline)) + '\n';
      }
  write_text(dir / "routes.csv", text);

  const auto& cal = table.calendar();
  text = "day,ordinal,working\n";
  std::int32_t ordinal = 0;
  for (date d = cal.table_first(); d <= cal.table_last(); d += 1) {
    const bool working = cal.is_working_day(d);
    ordinal += working ? 1 : 0;
    text += d.to_string() + ',' + std::to_string(ordinal) + ',' + (working ? "1" : "0") + '\n';
  }
  write_text(dir / "calendar.csv", text);
}

}  // namespace bench
