// Loads officials and their posts (person_id,name,post,org_code,from,to) into an organisation.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/organization.hpp>

#include <cstddef>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

namespace detail_officials {
// Throws csv.bad_date at field i (parse_date_field's error path, out of line).
[[noreturn]] LOCALGOV_DECL void fail_bad_date(const csv_reader& csv, std::size_t i, std::string_view what);
}  // namespace detail_officials

// The date in field i, or input_error naming what was expected.
[[nodiscard]] inline date parse_date_field(const csv_reader& csv, std::size_t i, std::string_view what) {
  const auto text = csv.field(i);
  if (const auto d = date::parse(text)) return *d;
  detail_officials::fail_bad_date(csv, i, what);
}

// The body named by field i ("<unit code>/<kind slug>"), or input_error saying which part is wrong.
[[nodiscard]] LOCALGOV_DECL body_id parse_body_field(const organization_core& org, const csv_reader& csv, std::size_t i);

// Reads officials: one row per person and post, `to` empty while the term is open.
// A single-holder post (Secretary, Chair, Director ...) is the body's one post with
// that title; each holder of a multi-seat title (Vice-Chair, member ...) has a seat.
// Malformed rows throw input_error; overlapping holders and terms that end before they
// start are thrown together as validation_error, each with its line. O(rows).
LOCALGOV_DECL void read_officials(organization_core& org, input_text text, std::string file);

// Reads extra lines between bodies (from,to,kind; kind one of part_of, reports_to,
// directs, coordinates_with), e.g. a province's own arrangements. Cycles they create are
// thrown as validation_error. O(rows + V + E).
LOCALGOV_DECL void read_lines(organization_core& org, input_text text, std::string file);

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/officials_csv.ipp>
#endif
