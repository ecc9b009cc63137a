// Loads officials and their posts (person_id,name,post,org_code,from,to) into an organisation.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/organization.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

}  // namespace io
namespace detail {
// Throws csv.bad_date at field i (io::parse_date_field's error path, out of line).
[[noreturn]] LOCALGOV_DECL void fail_bad_date(const io::csv_reader& csv, std::size_t i, std::string_view what);
}  // namespace detail
namespace io {

// The date in field i, or input_error naming what was expected.
[[nodiscard]] inline date parse_date_field(const csv_reader& csv, std::size_t i, std::string_view what) {
  const auto text = csv.field(i);
  if (const auto d = date::parse(text)) return *d;
  detail::fail_bad_date(csv, i, what);
}

// parse_date_field for a loader that reads a date on every row of a file sorted by date
// (events, submissions), where a date is mostly the one on the row before: it keeps the
// last text it parsed and that text's date, and a field with the same ten bytes costs two
// compares instead of a parse. Same dates and errors as parse_date_field.
class date_field_reader {
 public:
  [[nodiscard]] date operator()(const csv_reader& csv, std::size_t i, std::string_view what) {
    const auto text = csv.field(i);
    if (text.size() != 10) return parse_date_field(csv, i, what);  // an error, or not ISO: nothing to keep
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    std::memcpy(&head, text.data(), sizeof head);
    std::memcpy(&tail, text.data() + sizeof head, sizeof tail);
    if (kept_ && head == head_ && tail == tail_) return last_;
    last_ = parse_date_field(csv, i, what);
    head_ = head, tail_ = tail, kept_ = true;
    return last_;
  }

 private:
  std::uint64_t head_ = 0;  // the last text's first eight bytes
  std::uint16_t tail_ = 0;  // and its last two
  bool kept_ = false;
  date last_;
};

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
